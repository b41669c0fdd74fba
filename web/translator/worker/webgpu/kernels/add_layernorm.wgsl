// x = LayerNorm(x + residual) * scale + bias, eps 1e-6 (engine/ops/ops.cc AddLayerNorm).
// One thread per row, summing in the same order as the CPU so the results agree.
struct Params { rows: u32, d: u32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> x: array<f32>;
@group(0) @binding(2) var<storage, read> res: array<f32>;
@group(0) @binding(3) var<storage, read> scale: array<f32>;
@group(0) @binding(4) var<storage, read> bias: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let r = gid.x;
  if (r >= p.rows) { return; }
  let b = r * p.d;
  let d = f32(p.d);
  var mean = 0.0;
  for (var i = 0u; i < p.d; i++) {
    let v = x[b + i] + res[b + i];
    x[b + i] = v;
    mean += v;
  }
  mean = mean / d;
  var variance = 0.0;
  for (var i = 0u; i < p.d; i++) {
    let t = x[b + i] - mean;
    variance += t * t;
  }
  variance = variance / d;
  let inv = 1.0 / sqrt(variance + 0x1.0c6f7ap-20f);  // 1e-6f
  for (var i = 0u; i < p.d; i++) {
    x[b + i] = (x[b + i] - mean) * inv * scale[i] + bias[i];
  }
}
