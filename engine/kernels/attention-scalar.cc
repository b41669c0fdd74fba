// Scalar attention: the definition of the family (attention.h).
#include <cmath>

#include "kernels/attention.h"

namespace tw::kernels {

void f32_attention__scalar(const float* q, int tq, const float* kt, int ldk, const float* v, int valid_k, int heads,
                           int d, float* out, float* p) {
  const int dh = d / heads;
  const float inv_sqrt = 1.f / std::sqrt(static_cast<float>(dh));
  for (int h = 0; h < heads; ++h) {
    const float* kh = kt + (size_t)h * dh * ldk;
    for (int i = 0; i < tq; ++i) {
      const float* qi = q + (size_t)i * d + h * dh;
      ScoreKeys(qi, kh, ldk, dh, inv_sqrt, 0, valid_k, p);
      ExpMinus(p, 0, valid_k, LargestScore(p, valid_k));
      const float inv_sum = 1.f / SumInOrder(p, valid_k);
      float* o = out + (size_t)i * d + h * dh;
      for (int c = 0; c < dh; ++c) o[c] = 0.f;
      for (int j = 0; j < valid_k; ++j) AddWeighted(p[j] * inv_sum, v + (size_t)j * d + h * dh, 0, dh, o);
    }
  }
}

}  // namespace tw::kernels
