// Architecture of a model, read from the model file's metadata.
//
// Metadata keys (all values are strings): arch ("transformer"), vocab_size, d_model, heads, ffn,
// enc_layers, dec_layers, dec_cell ("ssru" | "self-attention"), activation ("relu" | "swish"),
// eos_id, unk_id, and optionally src_lang, tgt_lang, max_length_factor (default 2),
// vocab_pieces (the SentencePiece size the model was trained with), name, license, and
// int8_arithmetic ("ours", the default, or "marian-shifted" for models imported from Marian
// intgemm8 + alphas files: backends/marian_int8.h), and placeholders ("{n}": the model was trained
// to pass numbered placeholders {1}, {2}, … through untouched, so callers may stand them in for
// text that must not be translated; absent: it was not, and callers must not rely on it).
#pragma once
#include <string>

namespace tw {

class ModelFile;

struct ModelConfig {
  enum class Cell { kSsru, kSelfAttention };
  enum class Activation { kRelu, kSwish };

  int vocab_size = 0, d_model = 0, heads = 0, ffn = 0, enc_layers = 0, dec_layers = 0;
  Cell dec_cell = Cell::kSsru;
  Activation activation = Activation::kRelu;
  int eos_id = 0, unk_id = 1;
  float max_length_factor = 2.f;
  bool marian_int8 = false;  // int8_arithmetic == "marian-shifted"
  std::string placeholders;  // "{n}" or "" (see above)
  std::string src_lang, tgt_lang;

  // Validates ranges and consistency; throws kBadConfig naming the offending key.
  static ModelConfig FromFile(const ModelFile& file);
};

}  // namespace tw
