// Greedy choice: history[t, r] = the first id with the highest logit in row r, never UNK
// (model/search.cc GreedySearch). One workgroup per row; ties go to the lower id.
struct Params { rows: u32, v: u32, unk: u32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> logits: array<f32>;
@group(0) @binding(2) var<storage, read> step: array<u32>;
@group(0) @binding(3) var<storage, read_write> history: array<i32>;

var<workgroup> best_id: array<i32, 64>;
var<workgroup> best_val: array<f32, 64>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let r = wid.x;
  var id = -1;
  var val = 0.0;
  for (var v = lid; v < p.v; v += 64u) {
    let l = logits[r * p.v + v];
    if (v != p.unk && (id < 0 || l > val)) { id = i32(v); val = l; }
  }
  best_id[lid] = id;
  best_val[lid] = val;
  workgroupBarrier();
  for (var s = 32u; s > 0u; s >>= 1u) {
    if (lid < s) {
      let oi = best_id[lid + s];
      let ov = best_val[lid + s];
      let mi = best_id[lid];
      if (oi >= 0 && (mi < 0 || ov > best_val[lid] || (ov == best_val[lid] && oi < mi))) {
        best_id[lid] = oi;
        best_val[lid] = ov;
      }
    }
    workgroupBarrier();
  }
  if (lid == 0u) { history[step[0] * p.rows + r] = best_id[0]; }
}
