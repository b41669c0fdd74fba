// The one table of a model's tensors: their names, shapes and roles, derived from the
// configuration. The loader (transformer.cc), the C API's model description (read by the WebGPU
// decoder), the test models (tests/engine/tiny_model.h) and the Python exporter's test
// (tests/scripts/test_model_format.py, through `tw-translate --describe`) all take it from here.
//
//   embedding [V, d]                 tied with the output layer: logits = h E^T + output_bias [V]
//   enc.L.attn.{q,k,v,o}.{weight [d, d], bias [d]}   enc.L.attn_norm.{scale,bias} [d]
//   enc.L.ffn.w1.{weight [ffn, d], bias [ffn]}   enc.L.ffn.w2.{weight [d, ffn], bias [d]}   enc.L.ffn_norm
//   dec.L.ssru.weight [d, d]   dec.L.ssru.forget.{weight [d, d], bias [d]}   dec.L.ssru_norm   (SSRU)
//   dec.L.self_attn.{q,k,v,o}   dec.L.self_norm                                   (self-attention)
//   dec.L.cross.{q,k,v,o}   dec.L.cross_norm   dec.L.ffn.{w1,w2}   dec.L.ffn_norm
// A matrix ("weight" of a linear layer, and the embedding) is float32, or int8 with a float32
// NAME.scale [rows] beside it (and NAME.a_mult / NAME.b_mult [1] in imported Marian models).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "model/config.h"

namespace tw {

struct LinearSpec {
  std::string weight, bias;  // bias "" when the layer has none
  int in = 0, out = 0;       // weight is [out, in]
};
struct NormSpec {
  std::string scale, bias;  // both [d]
};
struct AttentionSpec {
  LinearSpec q, k, v, o;
  NormSpec norm;
};
struct FfnSpec {
  LinearSpec w1, w2;
  NormSpec norm;
};
struct EncoderLayerSpec {
  AttentionSpec attn;
  FfnSpec ffn;
};
struct DecoderLayerSpec {
  LinearSpec ssru, forget;  // SSRU decoders: c = f*c + (1-f)*(x W^T), f = sigmoid(x Wf^T + bf)
  NormSpec ssru_norm;
  AttentionSpec self;       // self-attention decoders instead
  AttentionSpec cross;
  FfnSpec ffn;
};

struct ModelLayout {
  LinearSpec output;  // weight: the embedding [V, d]; bias: output_bias
  std::vector<EncoderLayerSpec> enc;
  std::vector<DecoderLayerSpec> dec;
};

ModelLayout LayoutOf(const ModelConfig& cfg);

// Every tensor of the layout in file order; `matrix` ones may be int8 (with NAME.scale).
struct TensorSpec {
  std::string name;
  std::vector<int64_t> shape;
  bool matrix = false;
};
std::vector<TensorSpec> TensorsOf(const ModelConfig& cfg);

}  // namespace tw
