#include "model/config.h"

#include <cstdlib>

#include "core/error.h"
#include "format/model_file.h"

namespace tw {
namespace {

int IntMeta(const ModelFile& f, const std::string& key, int lo, int hi) {
  const std::string& s = f.Meta(key);
  char* end = nullptr;
  long v = std::strtol(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0' || v < lo || v > hi)
    throw Error(ErrorCode::kBadConfig, "metadata '" + key + "' = '" + s + "' is not an integer in [" + std::to_string(lo) +
                                           ", " + std::to_string(hi) + "]");
  return static_cast<int>(v);
}

}  // namespace

ModelConfig ModelConfig::FromFile(const ModelFile& f) {
  if (f.Meta("arch") != "transformer") throw Error(ErrorCode::kBadConfig, "unsupported arch '" + f.Meta("arch") + "'");
  ModelConfig c;
  c.vocab_size = IntMeta(f, "vocab_size", 2, 1 << 20);
  c.d_model = IntMeta(f, "d_model", 2, 8192);
  c.heads = IntMeta(f, "heads", 1, 256);
  c.ffn = IntMeta(f, "ffn", 1, 65536);
  c.enc_layers = IntMeta(f, "enc_layers", 1, 64);
  c.dec_layers = IntMeta(f, "dec_layers", 1, 64);
  c.eos_id = IntMeta(f, "eos_id", 0, c.vocab_size - 1);
  c.unk_id = IntMeta(f, "unk_id", 0, c.vocab_size - 1);
  if (c.d_model % c.heads != 0 || c.d_model % 2 != 0)
    throw Error(ErrorCode::kBadConfig, "d_model " + std::to_string(c.d_model) + " must be even and divisible by heads " +
                                           std::to_string(c.heads));
  const std::string cell = f.Meta("dec_cell");
  if (cell == "ssru") c.dec_cell = Cell::kSsru;
  else if (cell == "self-attention") c.dec_cell = Cell::kSelfAttention;
  else throw Error(ErrorCode::kBadConfig, "unknown dec_cell '" + cell + "'");
  const std::string act = f.Meta("activation");
  if (act == "relu") c.activation = Activation::kRelu;
  else if (act == "swish") c.activation = Activation::kSwish;
  else throw Error(ErrorCode::kBadConfig, "unknown activation '" + act + "'");
  c.max_length_factor = static_cast<float>(std::atof(f.MetaOr("max_length_factor", "2").c_str()));
  if (!(c.max_length_factor > 0.f && c.max_length_factor <= 10.f))
    throw Error(ErrorCode::kBadConfig, "max_length_factor must be in (0, 10]");
  const std::string arith = f.MetaOr("int8_arithmetic", "ours");
  if (arith == "marian-shifted") c.marian_int8 = true;
  else if (arith != "ours") throw Error(ErrorCode::kBadConfig, "unknown int8_arithmetic '" + arith + "'");
  c.placeholders = f.MetaOr("placeholders", "");
  if (!c.placeholders.empty() && c.placeholders != "{n}")
    throw Error(ErrorCode::kBadConfig, "unknown placeholders '" + c.placeholders + "' (only \"{n}\" is known)");
  c.src_lang = f.MetaOr("src_lang", "");
  c.tgt_lang = f.MetaOr("tgt_lang", "");
  return c;
}

}  // namespace tw
