// y[r, n] = float(sum_k xq[r, k] * w[n, k]) * (sx[r] * ws[n]) + bias[n]  (then relu if asked):
// exact int32 accumulation and the dequantization order of engine/backends/quantize.h, so every
// product equals the CPU backends' bit for bit. Weights are stored transposed, [k/4, n] words,
// so that neighbouring threads (neighbouring n) read neighbouring words. Each workgroup computes
// 64 outputs for ROWS rows whose activations it first copies to workgroup memory.
struct Params { rows: u32, k4: u32, n: u32, relu: u32 }

const ROWS = 4u;
const MAX_K4 = 512u;  // inputs up to 2048 wide (Marian's ffn)

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> xq: array<u32>;
@group(0) @binding(2) var<storage, read> sx: array<f32>;
@group(0) @binding(3) var<storage, read> w: array<u32>;
@group(0) @binding(4) var<storage, read> ws: array<f32>;
@group(0) @binding(5) var<storage, read> bias: array<f32>;
@group(0) @binding(6) var<storage, read_write> y: array<f32>;

var<workgroup> tile: array<u32, 2048>;  // ROWS * MAX_K4

fn bytes(v: u32) -> vec4<i32> {
  return vec4<i32>(i32(v << 24u) >> 24u, i32(v << 16u) >> 24u, i32(v << 8u) >> 24u, i32(v) >> 24u);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let r0 = wid.y * ROWS;
  for (var i = lid; i < ROWS * p.k4; i += 64u) {
    let r = r0 + i / p.k4;
    tile[i] = select(0u, xq[r * p.k4 + i % p.k4], r < p.rows);
  }
  workgroupBarrier();
  let n = wid.x * 64u + lid;
  if (n >= p.n) { return; }
  var acc = vec4<i32>(0);
  for (var k = 0u; k < p.k4; k++) {
    let wk = bytes(w[k * p.n + n]);
    acc.x += dot(bytes(tile[k]), wk);
    acc.y += dot(bytes(tile[p.k4 + k]), wk);
    acc.z += dot(bytes(tile[2u * p.k4 + k]), wk);
    acc.w += dot(bytes(tile[3u * p.k4 + k]), wk);
  }
  for (var i = 0u; i < ROWS; i++) {
    let r = r0 + i;
    if (r >= p.rows) { break; }
    var v = f32(acc[i]) * (sx[r] * ws[n]) + bias[n];
    if (p.relu != 0u) { v = select(0.0, v, v > 0.0); }
    y[r * p.n + n] = v;
  }
}
