#include "model/layout.h"

namespace tw {
namespace {

LinearSpec Linear(const std::string& name, int in, int out) { return {name + ".weight", name + ".bias", in, out}; }
NormSpec Norm(const std::string& name) { return {name + ".scale", name + ".bias"}; }

AttentionSpec Attention(const std::string& prefix, const std::string& norm, int d) {
  return {Linear(prefix + ".q", d, d), Linear(prefix + ".k", d, d), Linear(prefix + ".v", d, d),
          Linear(prefix + ".o", d, d), Norm(norm)};
}

FfnSpec Ffn(const std::string& prefix, int d, int ffn) {
  return {Linear(prefix + ".ffn.w1", d, ffn), Linear(prefix + ".ffn.w2", ffn, d), Norm(prefix + ".ffn_norm")};
}

void AddLinear(const LinearSpec& l, std::vector<TensorSpec>& out) {
  out.push_back({l.weight, {l.out, l.in}, true});
  if (!l.bias.empty()) out.push_back({l.bias, {l.out}, false});
}

void AddNorm(const NormSpec& n, int d, std::vector<TensorSpec>& out) {
  out.push_back({n.scale, {d}, false});
  out.push_back({n.bias, {d}, false});
}

void AddAttention(const AttentionSpec& a, int d, std::vector<TensorSpec>& out) {
  for (const LinearSpec* l : {&a.q, &a.k, &a.v, &a.o}) AddLinear(*l, out);
  AddNorm(a.norm, d, out);
}

void AddFfn(const FfnSpec& f, int d, std::vector<TensorSpec>& out) {
  AddLinear(f.w1, out);
  AddLinear(f.w2, out);
  AddNorm(f.norm, d, out);
}

}  // namespace

ModelLayout LayoutOf(const ModelConfig& cfg) {
  const int d = cfg.d_model;
  ModelLayout m;
  m.output = {"embedding", "output_bias", d, cfg.vocab_size};
  for (int l = 0; l < cfg.enc_layers; ++l) {
    const std::string p = "enc." + std::to_string(l);
    m.enc.push_back({Attention(p + ".attn", p + ".attn_norm", d), Ffn(p, d, cfg.ffn)});
  }
  for (int l = 0; l < cfg.dec_layers; ++l) {
    const std::string p = "dec." + std::to_string(l);
    DecoderLayerSpec layer;
    if (cfg.dec_cell == ModelConfig::Cell::kSsru) {
      layer.ssru = {p + ".ssru.weight", "", d, d};
      layer.forget = Linear(p + ".ssru.forget", d, d);
      layer.ssru_norm = Norm(p + ".ssru_norm");
    } else {
      layer.self = Attention(p + ".self_attn", p + ".self_norm", d);
    }
    layer.cross = Attention(p + ".cross", p + ".cross_norm", d);
    layer.ffn = Ffn(p, d, cfg.ffn);
    m.dec.push_back(std::move(layer));
  }
  return m;
}

std::vector<TensorSpec> TensorsOf(const ModelConfig& cfg) {
  const ModelLayout m = LayoutOf(cfg);
  const int d = cfg.d_model;
  std::vector<TensorSpec> out;
  AddLinear(m.output, out);
  for (const auto& e : m.enc) {
    AddAttention(e.attn, d, out);
    AddFfn(e.ffn, d, out);
  }
  const bool ssru = cfg.dec_cell == ModelConfig::Cell::kSsru;
  for (const auto& l : m.dec) {
    if (ssru) {
      AddLinear(l.ssru, out);
      AddLinear(l.forget, out);
      AddNorm(l.ssru_norm, d, out);
    } else {
      AddAttention(l.self, d, out);
    }
    AddAttention(l.cross, d, out);
    AddFfn(l.ffn, d, out);
  }
  return out;
}

}  // namespace tw
