// The int8 embedding table (engine Transformer::Embed): rows of d int8 values packed four to a u32,
// times a per-row scale. Prepended to embed_source.wgsl and embed_target.wgsl (gpu-decoder.js compile).
@group(0) @binding(1) var<storage, read> emb: array<u32>;
@group(0) @binding(2) var<storage, read> emb_scale: array<f32>;

// Value c of row id, before the sqrt(d) scaling.
fn embedding_value(id: u32, c: u32, d: u32) -> f32 {
  let q = i32(emb[id * (d / 4u) + c / 4u] << (24u - 8u * (c % 4u))) >> 24u;
  return f32(q) * emb_scale[id];
}
