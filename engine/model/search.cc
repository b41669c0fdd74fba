#include "model/search.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.h"
#include "core/profile.h"
#include "ops/ops.h"

namespace tw {

int MaxOutputLength(const ModelConfig& cfg, int src_len, const SearchOptions& opt) {
  return static_cast<int>(std::ceil(static_cast<double>(cfg.max_length_factor) * src_len + opt.extra_length));
}

std::vector<std::vector<int>> GreedySearch(Transformer& model, const std::vector<std::vector<int>>& src,
                                           const SearchOptions& opt, std::vector<float>* scores) {
  const ModelConfig& cfg = model.config();
  const int n = static_cast<int>(src.size());
  std::vector<std::vector<int>> out(n);
  std::vector<double> logp_sum(n, 0.0);
  std::vector<int> scored(n, 0);  // tokens in logp_sum
  if (scores) scores->assign(n, 0.f);
  if (n == 0) return out;
  Encoded enc = model.Encode(src);
  std::vector<int> rows(n);  // sentence of each live decoder row
  for (int i = 0; i < n; ++i) rows[i] = i;
  DecoderState st = model.Start(enc, rows);
  std::vector<int> prev(n, cfg.eos_id);
  std::vector<float> logits;
  const int V = cfg.vocab_size;
  while (!rows.empty()) {
    model.Step(enc, st, prev, logits);
    profile::Scope scope("decoder: argmax (and score)");
    std::vector<int> keep, next_rows, next_prev;
    for (size_t r = 0; r < rows.size(); ++r) {
      const int best = Argmax(&logits[r * V], V, cfg.unk_id);  // UNK is never chosen
      auto& o = out[rows[r]];
      const bool at_limit = static_cast<int>(o.size()) >= MaxOutputLength(cfg, enc.lengths[rows[r]], opt);
      if (scores && !at_limit) {  // a token cut off by the length limit is not part of the output
        logp_sum[rows[r]] += LogProbabilityOfBest(&logits[r * V], V, best, cfg.unk_id);
        ++scored[rows[r]];
      }
      if (best == cfg.eos_id || at_limit) continue;
      o.push_back(best);
      keep.push_back(static_cast<int>(r));
      next_rows.push_back(rows[r]);
      next_prev.push_back(best);
    }
    // Finished rows leave the batch so later steps only compute live ones.
    if (keep.size() != rows.size()) st.Reorder(keep);
    rows.swap(next_rows);
    prev.swap(next_prev);
  }
  if (scores)
    for (int i = 0; i < n; ++i) (*scores)[i] = scored[i] ? static_cast<float>(logp_sum[i] / scored[i]) : 0.f;
  return out;
}

namespace {
struct Hyp {
  std::vector<int> tokens;
  double score = 0.0;  // sum of log-probabilities
};

void LogSoftmax(const float* x, int n, int skip, std::vector<double>& out) {
  out.resize(n);
  double mx = -std::numeric_limits<double>::infinity();
  for (int i = 0; i < n; ++i)
    if (i != skip) mx = std::max(mx, static_cast<double>(x[i]));
  double sum = 0.0;
  for (int i = 0; i < n; ++i)
    if (i != skip) sum += std::exp(x[i] - mx);
  const double lse = mx + std::log(sum);
  for (int i = 0; i < n; ++i) out[i] = i == skip ? -std::numeric_limits<double>::infinity() : x[i] - lse;
}
}  // namespace

std::vector<int> BeamSearch(Transformer& model, const std::vector<int>& src, const SearchOptions& opt, float* score) {
  if (opt.beam < 1) throw Error(ErrorCode::kInvalidArgument, "beam size must be at least 1");
  const ModelConfig& cfg = model.config();
  const int V = cfg.vocab_size, limit = MaxOutputLength(cfg, static_cast<int>(src.size()), opt);
  Encoded enc = model.Encode({src});
  std::vector<Hyp> live(1);
  DecoderState st = model.Start(enc, {0});
  struct Finished {
    double normalized, mean;  // mean: log-probability per token, EOS included
    std::vector<int> tokens;
  };
  std::vector<Finished> finished;
  auto finish = [&](const Hyp& h, int length) {
    finished.push_back({h.score / std::pow(static_cast<double>(length), opt.length_penalty), h.score / length, h.tokens});
  };
  std::vector<float> logits;
  std::vector<double> logp;
  while (!live.empty() && static_cast<int>(finished.size()) < opt.beam) {
    std::vector<int> prev;
    for (const Hyp& h : live) prev.push_back(h.tokens.empty() ? cfg.eos_id : h.tokens.back());
    model.Step(enc, st, prev, logits);
    // Candidates ordered by score, ties by (hypothesis, token) so both implementations agree.
    struct Cand {
      double score;
      int hyp, token;
    };
    std::vector<Cand> cands;
    for (size_t h = 0; h < live.size(); ++h) {
      LogSoftmax(&logits[h * V], V, cfg.unk_id, logp);
      for (int v = 0; v < V; ++v)
        if (v != cfg.unk_id) cands.push_back({live[h].score + logp[v], static_cast<int>(h), v});
    }
    const size_t k = std::min(cands.size(), static_cast<size_t>(opt.beam));
    std::partial_sort(cands.begin(), cands.begin() + k, cands.end(), [](const Cand& a, const Cand& b) {
      if (a.score != b.score) return a.score > b.score;
      return a.hyp != b.hyp ? a.hyp < b.hyp : a.token < b.token;
    });
    std::vector<Hyp> next;
    std::vector<int> from;
    for (size_t i = 0; i < k; ++i) {
      Hyp h{live[cands[i].hyp].tokens, cands[i].score};
      if (cands[i].token == cfg.eos_id) {
        finish(h, static_cast<int>(h.tokens.size()) + 1);
        continue;
      }
      h.tokens.push_back(cands[i].token);
      if (static_cast<int>(h.tokens.size()) >= limit) {
        finish(h, static_cast<int>(h.tokens.size()));
        continue;
      }
      next.push_back(std::move(h));
      from.push_back(cands[i].hyp);
    }
    st.Reorder(from);
    live.swap(next);
  }
  size_t best = 0;
  for (size_t i = 1; i < finished.size(); ++i)
    if (finished[i].normalized > finished[best].normalized) best = i;
  if (score) *score = finished.empty() ? 0.f : static_cast<float>(finished[best].mean);
  return finished.empty() ? std::vector<int>{} : finished[best].tokens;
}

}  // namespace tw
