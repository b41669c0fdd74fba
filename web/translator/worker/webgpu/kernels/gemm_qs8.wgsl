// y[r, n] = float(sum_k xq[r, k] * w[n, k]) * (sx[r] * ws[n]) + bias[n]  (then relu if asked),
// with the integer sum exact and the dequantization order of engine/backends/activation_quantization.h, so that
// every output equals the CPU backends' bit for bit.
//
// The integers travel as floats: a product is at most 4095 * 127 (activation levels times the
// int8 weight range) and a chunk of 32 products sums to less than 2^24, so float arithmetic is
// exact in any order (fused or not); chunk sums are then added up as i32. Floats because GPUs
// (and software WebGPU) multiply-add floats fastest.
//
// Weights are transposed, [k/4, n] vec4s, so neighbouring threads (n) read neighbouring memory.
// Each thread computes one output column for ROWS rows, reusing every weight it loads ROWS
// times; no workgroup memory or barriers (software WebGPU runs barriers slowly).
struct Params { rows: u32, k4: u32, n: u32, relu: u32 }

const ROWS = 8u;
const CHUNK = 8u;  // vec4s (32 products) per exact float partial sum

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> xq: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read> sx: array<f32>;
@group(0) @binding(3) var<storage, read> w: array<vec4<f32>>;
@group(0) @binding(4) var<storage, read> ws: array<f32>;
@group(0) @binding(5) var<storage, read> bias: array<f32>;
@group(0) @binding(6) var<storage, read_write> y: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let n = gid.x;
  if (n >= p.n) { return; }
  let r0 = gid.y * ROWS;
  // Rows past the end read the last row again (and are not written).
  var x: array<u32, ROWS>;
  for (var i = 0u; i < ROWS; i++) { x[i] = min(r0 + i, p.rows - 1u) * p.k4; }
  var lo = vec4<i32>(0);  // rows r0 .. r0+3
  var hi = vec4<i32>(0);  // rows r0+4 .. r0+7
  for (var kc = 0u; kc < p.k4; kc += CHUNK) {
    let end = min(kc + CHUNK, p.k4);
    var a = vec4<f32>(0.0);
    var b = vec4<f32>(0.0);
    for (var k = kc; k < end; k++) {
      let wk = w[k * p.n + n];
      a.x += dot(xq[x[0] + k], wk);
      a.y += dot(xq[x[1] + k], wk);
      a.z += dot(xq[x[2] + k], wk);
      a.w += dot(xq[x[3] + k], wk);
      b.x += dot(xq[x[4] + k], wk);
      b.y += dot(xq[x[5] + k], wk);
      b.z += dot(xq[x[6] + k], wk);
      b.w += dot(xq[x[7] + k], wk);
    }
    lo += vec4<i32>(a);
    hi += vec4<i32>(b);
  }
  for (var i = 0u; i < ROWS; i++) {
    let r = r0 + i;
    if (r >= p.rows) { break; }
    let acc = select(hi[i % 4u], lo[i % 4u], i < 4u);
    var v = f32(acc) * (sx[r] * ws[n]) + bias[n];
    if (p.relu != 0u) { v = select(0.0, v, v > 0.0); }
    y[r * p.n + n] = v;
  }
}
