// AVX2 attention, equal to the scalar kernel bit for bit (attention.h): scores for 8 keys at a
// time (each lane sums over c in order, no FMA), Exp on 8 lanes, outputs 8 channels at a time.
#if defined(__x86_64__)
#include <immintrin.h>

#include <cmath>

#include "kernels/attention.h"
#include "kernels/exp-avx2.h"

namespace tw::kernels {

__attribute__((target("avx2"))) void f32_attention__avx2(const float* q, int tq, const float* kt, int ldk,
                                                         const float* v, int valid_k, int heads, int d, float* out,
                                                         float* p) {
  const int dh = d / heads;
  const float inv_sqrt = 1.f / std::sqrt(static_cast<float>(dh));
  const int j8 = valid_k / 8 * 8, c8 = dh / 8 * 8;
  for (int h = 0; h < heads; ++h) {
    const float* kh = kt + (size_t)h * dh * ldk;
    for (int i = 0; i < tq; ++i) {
      const float* qi = q + (size_t)i * d + h * dh;
      for (int j = 0; j < j8; j += 8) {
        __m256 s = _mm256_setzero_ps();
        for (int c = 0; c < dh; ++c)
          s = _mm256_add_ps(s, _mm256_mul_ps(_mm256_set1_ps(qi[c]), _mm256_loadu_ps(kh + (size_t)c * ldk + j)));
        _mm256_storeu_ps(p + j, _mm256_mul_ps(s, _mm256_set1_ps(inv_sqrt)));
      }
      ScoreKeys(qi, kh, ldk, dh, inv_sqrt, j8, valid_k, p);
      const float mx = LargestScore(p, valid_k);
      for (int j = 0; j < j8; j += 8)
        _mm256_storeu_ps(p + j, ExpAvx2(_mm256_sub_ps(_mm256_loadu_ps(p + j), _mm256_set1_ps(mx))));
      ExpMinus(p, j8, valid_k, mx);
      const float inv_sum = 1.f / SumInOrder(p, valid_k);
      float* o = out + (size_t)i * d + h * dh;
      for (int c = 0; c < dh; ++c) o[c] = 0.f;
      for (int j = 0; j < valid_k; ++j) {
        const float w = p[j] * inv_sum;
        const __m256 wv = _mm256_set1_ps(w);
        const float* vj = v + (size_t)j * d + h * dh;
        for (int c = 0; c < c8; c += 8)
          _mm256_storeu_ps(o + c, _mm256_add_ps(_mm256_loadu_ps(o + c), _mm256_mul_ps(wv, _mm256_loadu_ps(vj + c))));
        AddWeighted(w, vj, c8, dh, o);
      }
    }
  }
}

}  // namespace tw::kernels
#endif
