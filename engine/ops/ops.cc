#include "ops/ops.h"

#include <cmath>

#include "kernels/exp.h"
#include "kernels/attention.h"
#include "kernels/layernorm.h"
#include "kernels/step.h"

namespace tw {

void AddLayerNorm(float* x, const float* residual, int rows, int d, const float* scale, const float* bias) {
  static const kernels::F32AddLayerNormFn kernel = kernels::BestF32AddLayerNorm();
  kernel(x, residual, rows, d, scale, bias);
}

void SsruStep(float* a, const float* b, float* c, size_t n) {
  static const kernels::F32SsruFn kernel = kernels::BestF32Ssru();
  kernel(a, b, c, n);
}

int Argmax(const float* x, int n, int skip) {
  static const kernels::F32ArgmaxFn kernel = kernels::BestF32Argmax();
  return kernel(x, n, skip);
}

double LogProbabilityOfBest(const float* x, int n, int best, int skip) {
  static const kernels::F32ExpShiftedFn exp_shifted = kernels::BestF32ExpShifted();
  if (best < 0) return -INFINITY;
  const float mx = x[best];
  thread_local std::vector<float> terms;
  terms.resize(n);
  exp_shifted(x, static_cast<size_t>(n), mx, terms.data());
  if (skip >= 0 && skip < n) terms[skip] = 0.f;
  // Eight running sums in a fixed order (written out here, so every build adds the same way):
  // independent chains, four times faster than one.
  double part[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  int i = 0;
  for (; i + 8 <= n; i += 8)
    for (int k = 0; k < 8; ++k) part[k] += terms[i + k];
  for (; i < n; ++i) part[i % 8] += terms[i];
  const double sum = ((part[0] + part[1]) + (part[2] + part[3])) + ((part[4] + part[5]) + (part[6] + part[7]));
  return -std::log(sum);  // x[best] - mx is 0
}

void EmbedQs8Row(const int8_t* q, float row_scale, float mult, const float* signal, int d, float* out) {
  static const kernels::Qs8EmbedFn kernel = kernels::BestQs8Embed();
  kernel(q, row_scale, mult, signal, d, out);
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
