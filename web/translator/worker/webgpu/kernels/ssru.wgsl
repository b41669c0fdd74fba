// SSRU cell update (engine Transformer::Step): f = sigmoid(a), c = f*c + (1-f)*b, a = relu(c),
// where a = x Wf^T + bf and b = x W^T were computed by the GEMM kernel.
struct Params { n: u32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> cell: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let i = gid.x;
  if (i >= p.n) { return; }
  let f = 1.0 / (1.0 + tw_exp(-a[i]));
  let c = f * cell[i] + (1.0 - f) * b[i];
  cell[i] = c;
  a[i] = select(0.0, c, c > 0.0);
}
