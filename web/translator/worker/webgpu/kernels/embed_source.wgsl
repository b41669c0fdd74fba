// Encoder input: out[r] = E[ids[r]] * sqrt(d) + PE[r % S] (engine Transformer::Embed; E and
// embedding_value: embedding.wgsl). One thread per value.
struct Params { rows: u32, d: u32, s: u32, sqrt_d: f32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(3) var<storage, read> pe: array<f32>;
@group(0) @binding(4) var<storage, read> ids: array<i32>;
@group(0) @binding(5) var<storage, read_write> out: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x;
  if (i >= p.rows * p.d) { return; }
  let r = i / p.d;
  let c = i % p.d;
  out[i] = embedding_value(u32(ids[r]), c, p.d) * p.sqrt_d + pe[(r % p.s) * p.d + c];
}
