// Multi-head scaled dot-product attention (engine/ops/ops.cc Attention), one thread per
// (query row, head). Query row g belongs to sentence g / tq, whose keys and values are rows
// [b*S, b*S + lengths[b]) of k and v: the encoder's self-attention (tq = S) and the decoder's
// cross-attention (tq = 1) are the same kernel. Requires S <= MAX_KEYS, a constant the decoder
// puts before this source from the engine's own limit (GpuDecoder.compile: max_source_tokens).
struct Params { qrows: u32, tq: u32, s: u32, heads: u32, d: u32, inv_sqrt: f32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> k: array<f32>;
@group(0) @binding(3) var<storage, read> v: array<f32>;
@group(0) @binding(4) var<storage, read> lengths: array<u32>;
@group(0) @binding(5) var<storage, read_write> ctx: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let g = gid.x / p.heads;
  let h = gid.x % p.heads;
  if (g >= p.qrows) { return; }
  let dh = p.d / p.heads;
  let b = g / p.tq;
  let valid = lengths[b];
  let qo = g * p.d + h * dh;
  var scores: array<f32, MAX_KEYS>;
  var mx = -0x1.fffffep+127f;  // -FLT_MAX: below every finite score, as -inf is in the C++
  for (var j = 0u; j < valid; j++) {
    let ko = (b * p.s + j) * p.d + h * dh;
    var s = 0.0;
    for (var c = 0u; c < dh; c++) { s += q[qo + c] * k[ko + c]; }
    scores[j] = s * p.inv_sqrt;
    if (scores[j] > mx) { mx = scores[j]; }
  }
  var sum = 0.0;
  for (var j = 0u; j < valid; j++) {
    scores[j] = tw_exp(scores[j] - mx);
    sum += scores[j];
  }
  let inv_sum = 1.0 / sum;
  for (var c = 0u; c < dh; c++) { ctx[qo + c] = 0.0; }
  for (var j = 0u; j < valid; j++) {
    let wj = scores[j] * inv_sum;
    let vo = (b * p.s + j) * p.d + h * dh;
    for (var c = 0u; c < dh; c++) { ctx[qo + c] += wj * v[vo + c]; }
  }
}
