// Builds small random-weight model files in memory for format and loader tests.
#pragma once
#include <cstring>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "format/model_file.h"
#include "model/layout.h"

namespace tw::testing {

struct TinySpec {
  int vocab = 40, d = 16, heads = 2, ffn = 24, enc = 1, dec = 1;
  bool int8 = false;
};

inline std::map<std::string, std::string> TinyMeta(const TinySpec& s) {
  return {{"arch", "transformer"}, {"vocab_size", std::to_string(s.vocab)}, {"d_model", std::to_string(s.d)},
          {"heads", std::to_string(s.heads)}, {"ffn", std::to_string(s.ffn)}, {"enc_layers", std::to_string(s.enc)},
          {"dec_layers", std::to_string(s.dec)}, {"dec_cell", "ssru"}, {"activation", "relu"},
          {"eos_id", "0"}, {"unk_id", "1"}};
}

inline ModelConfig TinyConfig(const TinySpec& s) {
  ModelConfig c;
  c.vocab_size = s.vocab;
  c.d_model = s.d;
  c.heads = s.heads;
  c.ffn = s.ffn;
  c.enc_layers = s.enc;
  c.dec_layers = s.dec;
  return c;
}

inline std::vector<TensorToWrite> TinyTensors(const TinySpec& s, unsigned seed = 1) {
  std::mt19937 rng(seed);
  std::normal_distribution<float> n(0.f, 0.3f);
  std::vector<TensorToWrite> out;
  auto f32 = [&](const std::string& name, std::vector<int64_t> shape, float base = 0.f) {
    int64_t count = 1;
    for (auto d : shape) count *= d;
    std::vector<float> v(count);
    for (auto& x : v) x = base + n(rng);
    TensorToWrite t{name, DType::kF32, shape, std::vector<uint8_t>(count * 4)};
    std::memcpy(t.data.data(), v.data(), count * 4);
    out.push_back(std::move(t));
  };
  auto matrix = [&](const std::string& name, int rows, int cols) {
    if (!s.int8) return f32(name, {rows, cols});
    TensorToWrite t{name, DType::kI8, {rows, cols}, std::vector<uint8_t>((size_t)rows * cols)};
    for (auto& b : t.data) b = static_cast<uint8_t>(static_cast<int8_t>(static_cast<int>(rng() % 255) - 127));
    out.push_back(std::move(t));
    f32(name + ".scale", {rows}, 0.01f);
  };
  // Every tensor of the engine's table (model/layout.h), in its order; norm scales start near 1.
  for (const TensorSpec& t : TensorsOf(TinyConfig(s))) {
    if (t.matrix) matrix(t.name, static_cast<int>(t.shape[0]), static_cast<int>(t.shape[1]));
    else f32(t.name, t.shape, t.name.size() > 6 && t.name.compare(t.name.size() - 6, 6, ".scale") == 0 ? 1.f : 0.f);
  }
  return out;
}

inline std::vector<uint8_t> TinyModelBytes(const TinySpec& s = {}, unsigned seed = 1) {
  return WriteModelFile(TinyMeta(s), TinyTensors(s, seed));
}

// The int8 tiny model opted into Marian's arithmetic (backends/marian_int8.h): every int8 matrix
// gets NAME.a_mult and NAME.b_mult; drop_one leaves the last multiplier out.
inline std::vector<TensorToWrite> TinyMarianTensors(bool drop_one = false) {
  TinySpec spec;
  spec.int8 = true;
  auto tensors = TinyTensors(spec);
  std::vector<TensorToWrite> extra;
  for (const auto& t : tensors) {
    if (t.dtype != DType::kI8) continue;
    for (const char* suffix : {".a_mult", ".b_mult"}) {
      const float v = 20.f;
      TensorToWrite m{t.name + suffix, DType::kF32, {1}, std::vector<uint8_t>(4)};
      std::memcpy(m.data.data(), &v, 4);
      extra.push_back(std::move(m));
    }
  }
  if (drop_one) extra.pop_back();
  tensors.insert(tensors.end(), extra.begin(), extra.end());
  return tensors;
}

inline std::map<std::string, std::string> TinyMarianMeta() {
  auto meta = TinyMeta({});
  meta["int8_arithmetic"] = "marian-shifted";
  return meta;
}

}  // namespace tw::testing
