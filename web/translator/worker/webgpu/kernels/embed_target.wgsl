// Decoder input at step t (read from the GPU-side step counter): the zero start vector at t = 0,
// else the embedding of the token chosen at t - 1 for this row (embedding.wgsl), scaled, plus PE[t].
struct Params { rows: u32, d: u32, sqrt_d: f32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(3) var<storage, read> pe: array<f32>;
@group(0) @binding(4) var<storage, read> history: array<i32>;  // [steps, rows] chosen tokens
@group(0) @binding(5) var<storage, read> step: array<u32>;
@group(0) @binding(6) var<storage, read_write> out: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x;
  if (i >= p.rows * p.d) { return; }
  let r = i / p.d;
  let c = i % p.d;
  let t = step[0];
  var e = 0.0;
  if (t > 0u) {
    e = embedding_value(u32(history[(t - 1u) * p.rows + r]), c, p.d) * p.sqrt_d;
  }
  out[i] = e + pe[t * p.d + c];
}
