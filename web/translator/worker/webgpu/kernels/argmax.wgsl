// Greedy choice: history[t, r] = the first id with the highest logit in row r, never UNK
// (model/search.cc GreedySearch). With scored, also logprob[t, r] = its log-probability, UNK left
// out of the softmax (ops/ops.cc LogProbabilityOfBest; here the sum is f32, there double). One thread per row.
struct Params { rows: u32, v: u32, unk: u32, scored: u32 }

@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> logits: array<f32>;
@group(0) @binding(2) var<storage, read> step: array<u32>;
@group(0) @binding(3) var<storage, read_write> history: array<i32>;
@group(0) @binding(4) var<storage, read_write> logprob: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let r = gid.x;
  if (r >= p.rows) { return; }
  var best = -1;
  var val = 0.0;
  for (var v = 0u; v < p.v; v++) {
    let l = logits[r * p.v + v];
    if (v != p.unk && (best < 0 || l > val)) { best = i32(v); val = l; }
  }
  history[step[0] * p.rows + r] = best;
  if (p.scored == 0u) { return; }
  var sum = 0.0;
  for (var v = 0u; v < p.v; v++) {
    if (v != p.unk) { sum += tw_exp(logits[r * p.v + v] - val); }
  }
  logprob[step[0] * p.rows + r] = -log(sum);
}
