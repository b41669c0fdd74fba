#include "ops/ops.h"

#include <cmath>

#include "ops/exp.h"

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

void Attention(const float* q, int tq, const float* k, const float* v, int tk, int valid_k, int heads, int d,
               float* out, std::vector<float>& scratch) {
  const int dh = d / heads;
  const float inv_sqrt = 1.f / std::sqrt(static_cast<float>(dh));
  scratch.resize(tk);
  float* p = scratch.data();
  for (int h = 0; h < heads; ++h) {
    for (int i = 0; i < tq; ++i) {
      const float* qi = q + (size_t)i * d + h * dh;
      float mx = -INFINITY;
      for (int j = 0; j < valid_k; ++j) {
        const float* kj = k + (size_t)j * d + h * dh;
        float s = 0.f;
        for (int c = 0; c < dh; ++c) s += qi[c] * kj[c];
        p[j] = s * inv_sqrt;
        mx = p[j] > mx ? p[j] : mx;
      }
      float sum = 0.f;
      for (int j = 0; j < valid_k; ++j) {
        p[j] = Exp(p[j] - mx);
        sum += p[j];
      }
      const float inv_sum = 1.f / sum;
      float* o = out + (size_t)i * d + h * dh;
      for (int c = 0; c < dh; ++c) o[c] = 0.f;
      for (int j = 0; j < valid_k; ++j) {
        const float w = p[j] * inv_sum;
        const float* vj = v + (size_t)j * d + h * dh;
        for (int c = 0; c < dh; ++c) o[c] += w * vj[c];
      }
    }
  }
  (void)tk;
}

}  // namespace tw
