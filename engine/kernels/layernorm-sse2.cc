// SSE2 add + layer norm, bit-identical to the scalar kernel (layernorm.h): lane k sums row k.
// SSE2 is part of x86-64, so this variant is always available there.
#if defined(__x86_64__)
#include <immintrin.h>

#include "kernels/layernorm.h"

namespace tw::kernels {

void f32_add_layernorm__sse2(float* x, const float* residual, int rows, int d, const float* scale, const float* bias) {
  if (d % 4) return f32_add_layernorm__scalar(x, residual, rows, d, scale, bias);
  int r0 = 0;
  for (; r0 + 4 <= rows; r0 += 4) {
    float* v[4];
    for (int k = 0; k < 4; ++k) v[k] = x + (size_t)(r0 + k) * d;
    __m128 sum = _mm_setzero_ps();
    for (int i = 0; i < d; i += 4) {
      __m128 row[4];
      for (int k = 0; k < 4; ++k) {
        row[k] = _mm_add_ps(_mm_loadu_ps(v[k] + i), _mm_loadu_ps(residual + (size_t)(r0 + k) * d + i));
        _mm_storeu_ps(v[k] + i, row[k]);
      }
      _MM_TRANSPOSE4_PS(row[0], row[1], row[2], row[3]);
      for (int k = 0; k < 4; ++k) sum = _mm_add_ps(sum, row[k]);
    }
    const __m128 n = _mm_set1_ps(static_cast<float>(d));
    const __m128 mean = _mm_div_ps(sum, n);
    __m128 var = _mm_setzero_ps();
    for (int i = 0; i < d; i += 4) {
      __m128 row[4];
      for (int k = 0; k < 4; ++k) row[k] = _mm_loadu_ps(v[k] + i);
      _MM_TRANSPOSE4_PS(row[0], row[1], row[2], row[3]);
      for (int k = 0; k < 4; ++k) {
        const __m128 diff = _mm_sub_ps(row[k], mean);
        var = _mm_add_ps(var, _mm_mul_ps(diff, diff));
      }
    }
    var = _mm_div_ps(var, n);
    const __m128 inv = _mm_div_ps(_mm_set1_ps(1.f), _mm_sqrt_ps(_mm_add_ps(var, _mm_set1_ps(1e-6f))));
    alignas(16) float means[4], invs[4];
    _mm_store_ps(means, mean);
    _mm_store_ps(invs, inv);
    for (int k = 0; k < 4; ++k) {
      const __m128 m = _mm_set1_ps(means[k]), s = _mm_set1_ps(invs[k]);
      for (int i = 0; i < d; i += 4) {
        const __m128 t = _mm_mul_ps(_mm_mul_ps(_mm_sub_ps(_mm_loadu_ps(v[k] + i), m), s), _mm_loadu_ps(scale + i));
        _mm_storeu_ps(v[k] + i, _mm_add_ps(t, _mm_loadu_ps(bias + i)));
      }
    }
  }
  f32_add_layernorm__scalar(x + (size_t)r0 * d, residual + (size_t)r0 * d, rows - r0, d, scale, bias);
}

}  // namespace tw::kernels
#endif
