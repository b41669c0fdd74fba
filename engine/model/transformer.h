// The encoder-decoder Transformer forward pass (Marian math, see scripts/nmt/model.py for the
// PyTorch twin). Weights are looked up in the model file by the names of model/layout.h and
// validated against the configuration at construction; the backend multiplies the linear layers.
#pragma once
#include <memory>
#include <vector>

#include "backends/backend.h"
#include "format/model_file.h"
#include "model/config.h"
#include "model/layout.h"

namespace tw {

// Source sentences after the encoder, plus each decoder layer's cross-attention K/V.
struct Encoded {
  int batch = 0, src_len = 0;            // padded length S
  std::vector<int> lengths;              // [batch] real lengths (EOS included)
  std::vector<float> memory;             // [batch, S, d]
  std::vector<std::vector<float>> cross_k, cross_v;  // per layer; v [batch, S, d], k per sentence transposed [d, S]
};

// Decoder state for `rows` hypotheses; row r reads source sentence src_row[r].
struct DecoderState {
  int step = 0;
  int d_model = 0;
  std::vector<int> src_row;
  std::vector<std::vector<float>> cell;                  // SSRU: per layer [rows, d]
  std::vector<std::vector<std::vector<float>>> self_kv;  // self-attention: per layer, per row [t, 2d]
  int rows() const { return static_cast<int>(src_row.size()); }
  // Keeps rows `from[i]` as the new row i (beam search back-pointers).
  void Reorder(const std::vector<int>& from);
};

class Transformer {
 public:
  static constexpr int kMaxPositions = 1024;  // positions past it get no positional signal
  Transformer(std::shared_ptr<const ModelFile> file, std::unique_ptr<Backend> backend);
  const ModelConfig& config() const { return cfg_; }
  const ModelFile& file() const { return *file_; }
  // The sinusoidal positional signal, [kMaxPositions, d] (the WebGPU decoder uploads this table).
  const std::vector<float>& positional_table() const { return positional_; }
  const char* backend_name() const { return backend_->name(); }

  // src: token ids per sentence, each ending in EOS.
  Encoded Encode(const std::vector<std::vector<int>>& src);
  DecoderState Start(const Encoded& enc, std::vector<int> src_row) const;
  // One step for every row: prev[r] is the previous token (ignored at step 0) -> logits [rows, V].
  void Step(const Encoded& enc, DecoderState& state, const std::vector<int>& prev, std::vector<float>& logits);
  // Restricts the output layer of each source sentence of the next batch to its own sorted ids
  // (a lexical shortlist); the other logits are -inf. A decoder row scores the list of its source
  // (DecoderState::src_row). No lists score the whole vocabulary.
  // Per sentence, not Marian's union over the batch: a sentence's translation then depends on
  // that sentence alone, not on which others share its batch (the CLI and the JS API batch
  // differently, and a page re-translates a block on its own); as fast as the union in WASM.
  void SetOutputShortlists(const std::vector<std::vector<int>>& per_source);

 private:
  struct Norm {
    const float* scale = nullptr;
    const float* bias = nullptr;
  };
  struct AttentionWeights {
    LinearWeights q, k, v, o;
    Norm norm;
  };
  struct FfnWeights {
    LinearWeights w1, w2;
    Norm norm;
  };
  struct EncoderLayer {
    AttentionWeights attn;
    FfnWeights ffn;
  };
  struct DecoderLayer {
    LinearWeights ssru, forget;  // SSRU: c = f*c + (1-f)*(x W^T), f = sigmoid(x Wf^T + bf)
    Norm ssru_norm;
    AttentionWeights self;       // self-attention decoders instead of SSRU
    AttentionWeights cross;
    FfnWeights ffn;
  };

  LinearWeights LoadLinear(const LinearSpec& spec);
  Norm LoadNorm(const NormSpec& spec);
  AttentionWeights LoadAttention(const AttentionSpec& spec);
  FfnWeights LoadFfn(const FfnSpec& spec);
  void Embed(const std::vector<int>& ids, const std::vector<int>& positions, float* out) const;
  void Ffn(const FfnWeights& w, float* x, int rows);

  std::shared_ptr<const ModelFile> file_;
  std::unique_ptr<Backend> backend_;
  ModelConfig cfg_;
  const float* emb_f32_ = nullptr;
  const int8_t* emb_i8_ = nullptr;
  const float* emb_scale_ = nullptr;
  LinearWeights output_;  // tied: the embedding matrix with output_bias
  // The output layer restricted to one source sentence's shortlist: gathered rows, scales, biases.
  struct ShortOutput {
    std::vector<int> ids;
    LinearWeights out;
    std::vector<float> w, scale, bias;
    std::vector<int8_t> q;
  };
  void GatherOutput(const std::vector<int>& ids, ShortOutput& s);
  std::vector<ShortOutput> short_;  // per source sentence, or empty
  std::vector<float> short_logits_;
  std::vector<EncoderLayer> enc_;
  std::vector<DecoderLayer> dec_;
  // Scratch buffers reused across calls.
  std::vector<float> a_, b_, c_, d_, scratch_;
  std::vector<float> positional_;  // [kMaxPositions, d] precomputed signal
  Transformer(const Transformer&) = delete;
  Transformer& operator=(const Transformer&) = delete;
};

}  // namespace tw
