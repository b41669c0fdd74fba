#include "ops/ops.h"

#include <cmath>

#include "ops/exp.h"
#include "ops/kernels/attention.h"

namespace tw {

void AddLayerNorm(float* x, const float* residual, int rows, int d, const float* scale, const float* bias) {
  for (int r = 0; r < rows; ++r) {
    float* v = x + (size_t)r * d;
    const float* res = residual + (size_t)r * d;
    float mean = 0.f;
    for (int i = 0; i < d; ++i) {
      v[i] += res[i];
      mean += v[i];
    }
    mean /= d;
    float var = 0.f;
    for (int i = 0; i < d; ++i) var += (v[i] - mean) * (v[i] - mean);
    var /= d;
    const float inv = 1.f / std::sqrt(var + 1e-6f);
    for (int i = 0; i < d; ++i) v[i] = (v[i] - mean) * inv * scale[i] + bias[i];
  }
}

void ReluInPlace(float* x, size_t n) {
  for (size_t i = 0; i < n; ++i) x[i] = x[i] > 0.f ? x[i] : 0.f;
}

void SwishInPlace(float* x, size_t n) {
  for (size_t i = 0; i < n; ++i) x[i] = x[i] / (1.f + Exp(-x[i]));
}

void PositionalSignal(int pos, int d, float* out) {
  const int half = d / 2;
  const double step = std::log(10000.0) / (half - 1);
  for (int i = 0; i < half; ++i) {
    const double angle = pos * std::exp(-i * step);
    out[i] = static_cast<float>(std::sin(angle));
    out[half + i] = static_cast<float>(std::cos(angle));
  }
}

void Attention(const float* q, int tq, const float* kt, int ldk, const float* v, int valid_k, int heads, int d,
               float* out, std::vector<float>& scratch) {
  static const kernels::F32AttentionFn kernel = kernels::BestF32Attention();
  scratch.resize(valid_k > 0 ? valid_k : 1);
  kernel(q, tq, kt, ldk, v, valid_k, heads, d, out, scratch.data());
}

void TransposeKeys(const float* k, int n, int d, float* kt) {
  for (int j = 0; j < n; ++j)
    for (int c = 0; c < d; ++c) kt[(size_t)c * n + j] = k[(size_t)j * d + c];
}

}  // namespace tw
