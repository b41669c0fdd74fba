#include "model/transformer.h"

#include <cmath>
#include <cstring>

#include "core/error.h"
#include "core/profile.h"
#include "core/thread_pool.h"
#include "model/layout.h"
#include "ops/ops.h"

namespace tw {

void DecoderState::Reorder(const std::vector<int>& from) {
  std::vector<int> rows;
  for (int f : from) rows.push_back(src_row[f]);
  for (auto& c : cell) {
    if (c.empty()) continue;
    std::vector<float> next(from.size() * d_model);
    for (size_t i = 0; i < from.size(); ++i)
      std::memcpy(&next[i * d_model], &c[(size_t)from[i] * d_model], sizeof(float) * d_model);
    c.swap(next);
  }
  for (auto& layer : self_kv) {
    if (layer.empty()) continue;
    std::vector<std::vector<float>> next;
    for (int f : from) next.push_back(layer[f]);
    layer.swap(next);
  }
  src_row = rows;
}

// ---------------------------------------------------------------- loading

LinearWeights Transformer::LoadLinear(const LinearSpec& spec) {
  LinearWeights w;
  w.in = spec.in;
  w.out = spec.out;
  const std::string& weight = spec.weight;
  if (file_->Info(weight).dtype == DType::kI8) {
    w.q = file_->I8(weight, {w.out, w.in});
    w.scale = file_->F32(weight + ".scale", {w.out});
  } else {
    w.w = file_->F32(weight, {w.out, w.in});
  }
  if (!spec.bias.empty()) w.bias = file_->F32(spec.bias, {w.out});
  if (cfg_.marian_int8 && w.quantized()) {
    const float a = *file_->F32(weight + ".a_mult", {1}), b = *file_->F32(weight + ".b_mult", {1});
    if (!(a > 0.f && a < INFINITY && b > 0.f && b < INFINITY))
      throw Error(ErrorCode::kBadConfig, weight + ": Marian int8 multipliers must be positive and finite");
    w.marian_a_mult = a;
    w.marian_b_mult = b;
  }
  backend_->Prepare(w);  // Marian's arithmetic or the backend's own, decided here once
  return w;
}

Transformer::Norm Transformer::LoadNorm(const NormSpec& spec) {
  return {file_->F32(spec.scale, {cfg_.d_model}), file_->F32(spec.bias, {cfg_.d_model})};
}

Transformer::AttentionWeights Transformer::LoadAttention(const AttentionSpec& spec) {
  return {LoadLinear(spec.q), LoadLinear(spec.k), LoadLinear(spec.v), LoadLinear(spec.o), LoadNorm(spec.norm)};
}

Transformer::FfnWeights Transformer::LoadFfn(const FfnSpec& spec) {
  return {LoadLinear(spec.w1), LoadLinear(spec.w2), LoadNorm(spec.norm)};
}

Transformer::Transformer(std::shared_ptr<const ModelFile> file, std::unique_ptr<Backend> backend)
    : file_(std::move(file)), backend_(std::move(backend)), cfg_(ModelConfig::FromFile(*file_)) {
  const int d = cfg_.d_model;
  // The signal depends only on (position, d): computed once, not per token and step.
  positional_.resize((size_t)kMaxPositions * d);
  for (int p = 0; p < kMaxPositions; ++p) PositionalSignal(p, d, &positional_[(size_t)p * d]);
  const ModelLayout layout = LayoutOf(cfg_);
  output_ = LoadLinear(layout.output);  // the embedding, tied with the output layer
  emb_f32_ = output_.w;
  emb_i8_ = output_.q;
  emb_scale_ = output_.scale;
  for (const auto& spec : layout.enc) enc_.push_back({LoadAttention(spec.attn), LoadFfn(spec.ffn)});
  for (const auto& spec : layout.dec) {
    DecoderLayer layer;
    if (cfg_.dec_cell == ModelConfig::Cell::kSsru) {
      layer.ssru = LoadLinear(spec.ssru);
      layer.forget = LoadLinear(spec.forget);
      layer.ssru_norm = LoadNorm(spec.ssru_norm);
    } else {
      layer.self = LoadAttention(spec.self);
    }
    layer.cross = LoadAttention(spec.cross);
    layer.ffn = LoadFfn(spec.ffn);
    dec_.push_back(std::move(layer));
  }
}

void Transformer::SetOutputShortlists(const std::vector<std::vector<int>>& per_source) {
  short_.resize(per_source.size());
  for (size_t i = 0; i < per_source.size(); ++i) GatherOutput(per_source[i], short_[i]);
}

void Transformer::GatherOutput(const std::vector<int>& ids, ShortOutput& s) {
  const int d = cfg_.d_model;
  const size_t n = ids.size();
  if (n == 0) throw Error(ErrorCode::kInvalidArgument, "an empty shortlist allows no output token");
  s.ids = ids;
  s.out = LinearWeights{};
  s.out.in = d;
  s.out.out = static_cast<int>(n);
  s.bias.resize(n);
  for (size_t j = 0; j < n; ++j) {
    if (ids[j] < 0 || ids[j] >= cfg_.vocab_size) throw Error(ErrorCode::kInvalidArgument, "shortlist id out of range");
    s.bias[j] = output_.bias[ids[j]];
  }
  s.out.bias = s.bias.data();
  if (output_.quantized()) {
    s.q.resize(n * d);
    s.scale.resize(n);
    for (size_t j = 0; j < n; ++j) {
      std::memcpy(&s.q[j * d], output_.q + (size_t)ids[j] * d, d);
      s.scale[j] = output_.scale[ids[j]];
    }
    s.out.q = s.q.data();
    s.out.scale = s.scale.data();
    s.out.marian_a_mult = output_.marian_a_mult;  // Prepare makes bias' of the kept columns
    s.out.marian_b_mult = output_.marian_b_mult;
  } else {
    s.w.resize(n * d);
    for (size_t j = 0; j < n; ++j) std::memcpy(&s.w[j * d], output_.w + (size_t)ids[j] * d, sizeof(float) * d);
    s.out.w = s.w.data();
  }
  backend_->Prepare(s.out);
}

// ---------------------------------------------------------------- forward

namespace {
// Independent rows (sentences, decoder rows) on the thread pool when there is enough work;
// each row is computed exactly as single-threaded, with its own scratch buffer.
template <typename Fn>
void ParallelRows(int n, int64_t work_per_row, Fn&& fn) {
  ForBlocks(n, n * work_per_row, int64_t{1} << 16, 1, [&](int begin, int end) {
    thread_local std::vector<float> scratch;
    for (int i = begin; i < end; ++i) fn(i, scratch);
  });
}
}  // namespace

// out[i] = E[ids[i]] * sqrt(d) + PE[positions[i]]; id -1 stands for the zero start vector.
void Transformer::Embed(const std::vector<int>& ids, const std::vector<int>& positions, float* out) const {
  const int d = cfg_.d_model;
  const float scale = std::sqrt(static_cast<float>(d));
  std::vector<float> pe;
  for (size_t i = 0; i < ids.size(); ++i) {
    float* o = out + i * d;
    const int id = ids[i];
    const float* signal;
    if (positions[i] < kMaxPositions) {
      signal = &positional_[(size_t)positions[i] * d];
    } else {
      pe.resize(d);
      PositionalSignal(positions[i], d, pe.data());
      signal = pe.data();
    }
    if (id < 0) {
      for (int c = 0; c < d; ++c) o[c] = 0.f + signal[c];
    } else if (emb_i8_) {
      EmbedQs8Row(emb_i8_ + (size_t)id * d, emb_scale_[id], scale, signal, d, o);
    } else {
      const float* e = emb_f32_ + (size_t)id * d;
      for (int c = 0; c < d; ++c) o[c] = e[c] * scale + signal[c];
    }
  }
}

void Transformer::Ffn(const FfnWeights& w, float* x, int rows) {
  c_.resize((size_t)rows * cfg_.ffn);
  d_.resize((size_t)rows * cfg_.d_model);
  backend_->Linear(w.w1, x, rows, c_.data());
  if (cfg_.activation == ModelConfig::Activation::kRelu) ReluInPlace(c_.data(), c_.size());
  else SwishInPlace(c_.data(), c_.size());
  backend_->Linear(w.w2, c_.data(), rows, d_.data());
  AddLayerNorm(x, d_.data(), rows, cfg_.d_model, w.norm.scale, w.norm.bias);
}

Encoded Transformer::Encode(const std::vector<std::vector<int>>& src) {
  const int d = cfg_.d_model;
  Encoded enc;
  enc.batch = static_cast<int>(src.size());
  for (const auto& s : src) {
    if (s.empty()) throw Error(ErrorCode::kInvalidArgument, "empty source sequence (it must at least hold EOS)");
    for (int id : s)
      if (id < 0 || id >= cfg_.vocab_size) throw Error(ErrorCode::kInvalidArgument, "token id " + std::to_string(id) + " out of range");
    enc.lengths.push_back(static_cast<int>(s.size()));
    enc.src_len = std::max(enc.src_len, static_cast<int>(s.size()));
  }
  const int S = enc.src_len, rows = enc.batch * S;
  std::vector<int> ids(rows), pos(rows);
  for (int b = 0; b < enc.batch; ++b)
    for (int t = 0; t < S; ++t) {
      ids[b * S + t] = t < enc.lengths[b] ? src[b][t] : cfg_.eos_id;  // padding, masked below
      pos[b * S + t] = t;
    }
  std::vector<float>& x = enc.memory;
  x.resize((size_t)rows * d);
  {
    profile::Scope scope("encoder: embedding");
    Embed(ids, pos, x.data());
  }
  std::vector<float> q((size_t)rows * d), k((size_t)rows * d), v((size_t)rows * d), ctx((size_t)rows * d);
  for (size_t l = 0; l < enc_.size(); ++l) {
    EncoderLayer& layer = enc_[l];
    profile::Scope scope(profile::EncoderLayerName(static_cast<int>(l)));
    backend_->Linear(layer.attn.q, x.data(), rows, q.data());
    backend_->Linear(layer.attn.k, x.data(), rows, k.data());
    backend_->Linear(layer.attn.v, x.data(), rows, v.data());
    ParallelRows(enc.batch, (int64_t)S * S * d, [&](int b, std::vector<float>& scratch) {
      const size_t o = (size_t)b * S * d;
      thread_local std::vector<float> kt;
      kt.resize((size_t)S * d);
      TransposeKeys(&k[o], S, d, kt.data());
      Attention(&q[o], S, kt.data(), S, &v[o], enc.lengths[b], cfg_.heads, d, &ctx[o], scratch);
    });
    a_.resize((size_t)rows * d);
    backend_->Linear(layer.attn.o, ctx.data(), rows, a_.data());
    AddLayerNorm(x.data(), a_.data(), rows, d, layer.attn.norm.scale, layer.attn.norm.bias);
    Ffn(layer.ffn, x.data(), rows);
  }
  profile::Scope scope("encoder: cross-attention keys and values");
  for (auto& layer : dec_) {
    enc.cross_k.emplace_back((size_t)rows * d);
    enc.cross_v.emplace_back((size_t)rows * d);
    backend_->Linear(layer.cross.k, x.data(), rows, k.data());
    for (int b = 0; b < enc.batch; ++b)  // each sentence's keys transposed, as Attention takes them
      TransposeKeys(&k[(size_t)b * S * d], S, d, &enc.cross_k.back()[(size_t)b * S * d]);
    backend_->Linear(layer.cross.v, x.data(), rows, enc.cross_v.back().data());
  }
  return enc;
}

DecoderState Transformer::Start(const Encoded& enc, std::vector<int> src_row) const {
  DecoderState s;
  s.d_model = cfg_.d_model;
  for (int r : src_row)
    if (r < 0 || r >= enc.batch) throw Error(ErrorCode::kInvalidArgument, "decoder row refers to a missing sentence");
  const size_t rows = src_row.size();
  s.src_row = std::move(src_row);
  for (size_t l = 0; l < dec_.size(); ++l) {
    if (cfg_.dec_cell == ModelConfig::Cell::kSsru) {
      s.cell.emplace_back(rows * cfg_.d_model, 0.f);
      s.self_kv.emplace_back();
    } else {
      s.cell.emplace_back();
      s.self_kv.emplace_back(rows);
    }
  }
  return s;
}

void Transformer::Step(const Encoded& enc, DecoderState& st, const std::vector<int>& prev, std::vector<float>& logits) {
  const int d = cfg_.d_model, rows = st.rows(), S = enc.src_len;
  std::vector<int> ids(rows, -1), pos(rows, st.step);
  if (st.step > 0)
    for (int r = 0; r < rows; ++r) ids[r] = prev[r];
  std::vector<float> x((size_t)rows * d), q((size_t)rows * d), ctx((size_t)rows * d);
  {
    profile::Scope scope("decoder: embedding");
    Embed(ids, pos, x.data());
  }
  a_.resize((size_t)rows * d);
  b_.resize((size_t)rows * d);
  for (size_t l = 0; l < dec_.size(); ++l) {
    DecoderLayer& layer = dec_[l];
    if (cfg_.dec_cell == ModelConfig::Cell::kSsru) {
      profile::Scope scope("decoder: SSRU");
      backend_->Linear(layer.forget, x.data(), rows, a_.data());
      backend_->Linear(layer.ssru, x.data(), rows, b_.data());
      SsruStep(a_.data(), b_.data(), st.cell[l].data(), (size_t)rows * d);
      AddLayerNorm(x.data(), a_.data(), rows, d, layer.ssru_norm.scale, layer.ssru_norm.bias);
    } else {
      profile::Scope scope("decoder: self-attention");
      std::vector<float> k((size_t)rows * d), v((size_t)rows * d);
      backend_->Linear(layer.self.q, x.data(), rows, q.data());
      backend_->Linear(layer.self.k, x.data(), rows, k.data());
      backend_->Linear(layer.self.v, x.data(), rows, v.data());
      for (int r = 0; r < rows; ++r) {
        // cache layout per row: [t, 2d] = key then value of each earlier step
        std::vector<float>& cache = st.self_kv[l][r];
        cache.insert(cache.end(), &k[(size_t)r * d], &k[(size_t)(r + 1) * d]);
        cache.insert(cache.end(), &v[(size_t)r * d], &v[(size_t)(r + 1) * d]);
        const int t = st.step + 1;
        std::vector<float> keys((size_t)t * d), values((size_t)t * d);
        for (int j = 0; j < t; ++j) {
          for (int c = 0; c < d; ++c) keys[(size_t)c * t + j] = cache[(size_t)j * 2 * d + c];  // transposed
          std::memcpy(&values[(size_t)j * d], &cache[(size_t)j * 2 * d + d], sizeof(float) * d);
        }
        Attention(&q[(size_t)r * d], 1, keys.data(), t, values.data(), t, cfg_.heads, d, &ctx[(size_t)r * d], scratch_);
      }
      backend_->Linear(layer.self.o, ctx.data(), rows, a_.data());
      AddLayerNorm(x.data(), a_.data(), rows, d, layer.self.norm.scale, layer.self.norm.bias);
    }
    {
      profile::Scope scope("decoder: cross-attention");
      backend_->Linear(layer.cross.q, x.data(), rows, q.data());
      ParallelRows(rows, (int64_t)S * d, [&](int r, std::vector<float>& scratch) {
        const int b = st.src_row[r];
        const size_t o = (size_t)b * S * d;
        Attention(&q[(size_t)r * d], 1, &enc.cross_k[l][o], S, &enc.cross_v[l][o], enc.lengths[b], cfg_.heads, d,
                  &ctx[(size_t)r * d], scratch);
      });
      backend_->Linear(layer.cross.o, ctx.data(), rows, a_.data());
      AddLayerNorm(x.data(), a_.data(), rows, d, layer.cross.norm.scale, layer.cross.norm.bias);
    }
    profile::Scope scope("decoder: feed-forward");
    Ffn(layer.ffn, x.data(), rows);
  }
  profile::Scope scope("decoder: output layer");
  logits.resize((size_t)rows * cfg_.vocab_size);
  if (short_.empty()) {
    backend_->Linear(output_, x.data(), rows, logits.data());
  } else {
    std::fill(logits.begin(), logits.end(), -INFINITY);
    // Consecutive rows of one source (a beam) share one product.
    for (int r0 = 0, r1; r0 < rows; r0 = r1) {
      const int b = st.src_row[r0];
      for (r1 = r0 + 1; r1 < rows && st.src_row[r1] == b; ++r1) {}
      if (b < 0 || b >= static_cast<int>(short_.size()))
        throw Error(ErrorCode::kInvalidArgument, "a decoder row's source sentence has no shortlist");
      const ShortOutput& s = short_[b];
      const size_t n = s.ids.size();
      short_logits_.resize((size_t)(r1 - r0) * n);
      backend_->Linear(s.out, &x[(size_t)r0 * d], r1 - r0, short_logits_.data());
      for (int r = r0; r < r1; ++r)
        for (size_t j = 0; j < n; ++j) logits[(size_t)r * cfg_.vocab_size + s.ids[j]] = short_logits_[(r - r0) * n + j];
    }
  }
  st.step += 1;
}

}  // namespace tw
