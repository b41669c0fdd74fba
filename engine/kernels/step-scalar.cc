// Scalar per-step decoder kernels: the definition of their families (step.h).
#include "kernels/exp.h"
#include "kernels/step.h"

namespace tw::kernels {

void f32_ssru__scalar(float* a, const float* b, float* c, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    const float f = 1.f / (1.f + Exp(-a[i]));
    c[i] = f * c[i] + (1.f - f) * b[i];
    a[i] = c[i] > 0.f ? c[i] : 0.f;
  }
}

int f32_argmax__scalar(const float* x, int n, int skip) {
  int best = -1;
  for (int i = 0; i < n; ++i)
    if (i != skip && (best < 0 || x[i] > x[best])) best = i;
  return best;
}

void f32_exp_shifted__scalar(const float* x, size_t n, float shift, float* out) {
  for (size_t i = 0; i < n; ++i) out[i] = Exp(x[i] - shift);
}

void qs8_embed__scalar(const int8_t* q, float row_scale, float mult, const float* signal, int d, float* out) {
  for (int c = 0; c < d; ++c) out[c] = (static_cast<float>(q[c]) * row_scale) * mult + signal[c];
}

}  // namespace tw::kernels
