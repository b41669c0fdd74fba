#include "bindings/model_description.h"

#include <cstdint>
#include <cstdio>

#include "backends/activation_quantization.h"
#include "model/layout.h"

namespace tw {
namespace {

// A JSON string. Tensor names and metadata come from the model file, which is untrusted: a name
// with a quote, a backslash or a control character must not break the description.
std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string Shape(const std::vector<int64_t>& shape) {
  std::string s = "[";
  for (size_t i = 0; i < shape.size(); ++i) s += (i ? "," : "") + std::to_string(shape[i]);
  return s + "]";
}

std::string Linear(const LinearSpec& l) {
  return "{\"weight\":" + Quote(l.weight) + ",\"bias\":" + (l.bias.empty() ? "null" : Quote(l.bias)) +
         ",\"in\":" + std::to_string(l.in) + ",\"out\":" + std::to_string(l.out) + "}";
}
std::string Norm(const NormSpec& n) { return "{\"scale\":" + Quote(n.scale) + ",\"bias\":" + Quote(n.bias) + "}"; }
std::string Attention(const AttentionSpec& a) {
  return "{\"q\":" + Linear(a.q) + ",\"k\":" + Linear(a.k) + ",\"v\":" + Linear(a.v) + ",\"o\":" + Linear(a.o) +
         ",\"norm\":" + Norm(a.norm) + "}";
}
std::string Ffn(const FfnSpec& f) {
  return "{\"w1\":" + Linear(f.w1) + ",\"w2\":" + Linear(f.w2) + ",\"norm\":" + Norm(f.norm) + "}";
}

std::string Layout(const ModelConfig& cfg) {
  const ModelLayout m = LayoutOf(cfg);
  const bool ssru = cfg.dec_cell == ModelConfig::Cell::kSsru;
  std::string s = "{\"output\":" + Linear(m.output) + ",\"enc\":[";
  for (size_t i = 0; i < m.enc.size(); ++i)
    s += std::string(i ? "," : "") + "{\"attn\":" + Attention(m.enc[i].attn) + ",\"ffn\":" + Ffn(m.enc[i].ffn) + "}";
  s += "],\"dec\":[";
  for (size_t i = 0; i < m.dec.size(); ++i) {
    const auto& l = m.dec[i];
    s += i ? "," : "";
    s += ssru ? "{\"ssru\":" + Linear(l.ssru) + ",\"forget\":" + Linear(l.forget) + ",\"ssru_norm\":" + Norm(l.ssru_norm)
              : "{\"self\":" + Attention(l.self);
    s += ",\"cross\":" + Attention(l.cross) + ",\"ffn\":" + Ffn(l.ffn) + "}";
  }
  return s + "]}";
}

}  // namespace

std::string DescribeModel(const Translator& translator) {
  // Built with std::string, not streams: iostreams would add ~40 kB to the WASM engine.
  const Transformer& model = translator.model();
  const ModelConfig& cfg = model.config();
  const ModelFile& file = model.file();
  const TranslatorOptions& opt = translator.options();
  auto num = [](auto v) { return std::to_string(v); };
  auto address = [](const void* p) { return std::to_string(reinterpret_cast<uintptr_t>(p)); };
  std::string o = "{\"config\":{\"vocab_size\":" + num(cfg.vocab_size) + ",\"d_model\":" + num(cfg.d_model) +
                  ",\"heads\":" + num(cfg.heads) + ",\"ffn\":" + num(cfg.ffn) + ",\"enc_layers\":" + num(cfg.enc_layers) +
                  ",\"dec_layers\":" + num(cfg.dec_layers) +
                  ",\"dec_cell\":" + Quote(cfg.dec_cell == ModelConfig::Cell::kSsru ? "ssru" : "self-attention") +
                  ",\"activation\":" + Quote(cfg.activation == ModelConfig::Activation::kRelu ? "relu" : "swish") +
                  ",\"eos_id\":" + num(cfg.eos_id) + ",\"unk_id\":" + num(cfg.unk_id) +
                  ",\"int8_arithmetic\":" + Quote(cfg.marian_int8 ? "marian-shifted" : "ours") +
                  ",\"placeholders\":" + Quote(cfg.placeholders) + "}";
  // Limits: one source chunk at most, and the most output tokens the greedy search gives it.
  o += ",\"limits\":{\"max_source_tokens\":" + num(opt.max_source_tokens) +
       ",\"max_target_tokens\":" + num(MaxOutputLength(cfg, opt.max_source_tokens, opt.search)) +
       ",\"max_positions\":" + num(Transformer::kMaxPositions) + "}";
  // Activation quantization levels per inner dimension of a linear layer (backends/activation_quantization.h).
  o += ",\"activation_levels\":{\"" + num(cfg.d_model) + "\":" + num(static_cast<int>(ActivationLevels(cfg.d_model))) +
       ",\"" + num(cfg.ffn) + "\":" + num(static_cast<int>(ActivationLevels(cfg.ffn))) + "}";
  // Addresses are in the engine's memory (the WASM heap in the browser).
  o += ",\"positional\":{\"address\":" + address(model.positional_table().data()) +
       ",\"rows\":" + num(Transformer::kMaxPositions) + ",\"cols\":" + num(cfg.d_model) + "}";
  // The file's metadata as written (the model card's facts: languages, license, training data).
  o += ",\"metadata\":{";
  bool first = true;
  for (const auto& [key, value] : file.metadata()) {
    o += std::string(first ? "" : ",") + Quote(key) + ":" + Quote(value);
    first = false;
  }
  o += "},\"tensors\":{";
  first = true;
  for (const std::string& name : file.TensorNames()) {
    const TensorInfo& t = file.Info(name);
    o += std::string(first ? "" : ",") + Quote(name) + ":{\"dtype\":" + Quote(DTypeName(t.dtype)) +
         ",\"shape\":" + Shape(t.shape) + ",\"address\":" + address(file.Data(t)) + ",\"bytes\":" + num(t.nbytes) + "}";
    first = false;
  }
  return o + "},\"layout\":" + Layout(cfg) + "}";
}

}  // namespace tw
