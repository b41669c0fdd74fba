// Dynamic quantization of activation rows, as engine/backends/activation_quantization.h with L = q_max levels
// (ActivationLevels: 4095 for rows up to 4129 wide): scale = max|x| / L,
// q = round-half-even(clamp(x * (L / max|x|), -L, L)), stored as floats holding those integers
// (what gemm_qs8 reads). One thread per row: no workgroup barriers, which software WebGPU runs
// slowly. L comes in as a uniform, never a constant: a compiler may turn division by a constant
// into multiplication by its reciprocal, which rounds differently from the CPU.
struct Params { rows: u32, k: u32, q_max: f32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> xq: array<f32>;
@group(0) @binding(3) var<storage, read_write> sx: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let r = gid.x;
  if (r >= p.rows) { return; }
  let base = r * p.k;
  var amax = 0.0;
  for (var i = 0u; i < p.k; i++) {
    let a = abs(x[base + i]);
    if (a > amax) { amax = a; }  // NaN never wins, as in the C++ loop
  }
  let inv = select(0.0, p.q_max / amax, amax != 0.0);
  for (var i = 0u; i < p.k; i++) {
    var v = x[base + i] * inv;
    if (v != v) { v = 0.0; }
    xq[base + i] = round(min(max(v, -p.q_max), p.q_max));
  }
  sx[r] = amax / p.q_max;
}
