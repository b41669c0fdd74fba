// Encoder input: out[r] = E[ids[r]] * sqrt(d) + PE[r % S] (engine Transformer::Embed), with E
// stored as int8 rows (packed four to a u32) times a per-row scale. One thread per value.
struct Params { rows: u32, d: u32, s: u32, sqrt_d: f32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> emb: array<u32>;
@group(0) @binding(2) var<storage, read> emb_scale: array<f32>;
@group(0) @binding(3) var<storage, read> pe: array<f32>;
@group(0) @binding(4) var<storage, read> ids: array<i32>;
@group(0) @binding(5) var<storage, read_write> out: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x;
  if (i >= p.rows * p.d) { return; }
  let r = i / p.d;
  let c = i % p.d;
  let id = u32(ids[r]);
  let q = i32(emb[id * (p.d / 4u) + c / 4u] << (24u - 8u * (c % 4u))) >> 24u;
  out[i] = (f32(q) * emb_scale[id]) * p.sqrt_d + pe[(r % p.s) * p.d + c];
}
