// Scalar attention: the definition of the family (attention.h).
#include <cmath>

#include "ops/exp.h"
#include "ops/kernels/attention.h"

namespace tw::kernels {

void f32_attention__scalar(const float* q, int tq, const float* kt, int ldk, const float* v, int valid_k, int heads,
                           int d, float* out, float* p) {
  const int dh = d / heads;
  const float inv_sqrt = 1.f / std::sqrt(static_cast<float>(dh));
  for (int h = 0; h < heads; ++h) {
    const float* kh = kt + (size_t)h * dh * ldk;
    for (int i = 0; i < tq; ++i) {
      const float* qi = q + (size_t)i * d + h * dh;
      float mx = -INFINITY;
      for (int j = 0; j < valid_k; ++j) {
        float s = 0.f;
        for (int c = 0; c < dh; ++c) s += qi[c] * kh[(size_t)c * ldk + j];
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
}

}  // namespace tw::kernels
