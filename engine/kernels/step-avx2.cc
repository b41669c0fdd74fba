// AVX2 per-step decoder kernels, equal to the scalar ones bit for bit (step.h).
#if defined(__x86_64__)
#include <immintrin.h>

#include <cmath>

#include "kernels/exp-avx2.h"
#include "kernels/step.h"

namespace tw::kernels {

__attribute__((target("avx2"))) void f32_ssru__avx2(float* a, const float* b, float* c, size_t n) {
  const __m256 one = _mm256_set1_ps(1.f), zero = _mm256_setzero_ps(), sign = _mm256_set1_ps(-0.f);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m256 f = _mm256_div_ps(one, _mm256_add_ps(one, ExpAvx2(_mm256_xor_ps(_mm256_loadu_ps(a + i), sign))));
    const __m256 cell = _mm256_add_ps(_mm256_mul_ps(f, _mm256_loadu_ps(c + i)),
                                      _mm256_mul_ps(_mm256_sub_ps(one, f), _mm256_loadu_ps(b + i)));
    _mm256_storeu_ps(c + i, cell);
    _mm256_storeu_ps(a + i, _mm256_and_ps(cell, _mm256_cmp_ps(cell, zero, _CMP_GT_OQ)));  // c > 0 ? c : +0
  }
  f32_ssru__scalar(a + i, b + i, c + i, n - i);
}

__attribute__((target("avx2"))) int f32_argmax__avx2(const float* x, int n, int skip) {
  const int first = FirstCandidate(n, skip);
  if (first < 0 || x[first] != x[first]) return first;  // a NaN first candidate wins, as in the scalar loop
  __m256 m = _mm256_set1_ps(x[first]);
  const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7), skipv = _mm256_set1_epi32(skip);
  int i = 0;
  for (; i + 8 <= n; i += 8) {
    __m256 v = _mm256_loadu_ps(x + i);
    if (skip >= i && skip < i + 8) {
      const __m256 is_skip = _mm256_castsi256_ps(_mm256_cmpeq_epi32(_mm256_add_epi32(lane, _mm256_set1_epi32(i)), skipv));
      v = _mm256_blendv_ps(v, _mm256_set1_ps(-INFINITY), is_skip);
    }
    m = _mm256_max_ps(v, m);  // max_ps(v, m) returns m when v is NaN: NaN never wins
  }
  alignas(32) float lanes[8];
  _mm256_store_ps(lanes, m);
  return FirstIndexOf(x, 0, n, skip, MaxOf(x, i, n, skip, MaxOf(lanes, 0, 8, -1, x[first])));
}

__attribute__((target("avx2"))) void f32_exp_shifted__avx2(const float* x, size_t n, float shift, float* out) {
  const __m256 s = _mm256_set1_ps(shift);
  size_t i = 0;
  for (; i + 8 <= n; i += 8) _mm256_storeu_ps(out + i, ExpAvx2(_mm256_sub_ps(_mm256_loadu_ps(x + i), s)));
  f32_exp_shifted__scalar(x + i, n - i, shift, out + i);
}

__attribute__((target("avx2"))) void qs8_embed__avx2(const int8_t* q, float row_scale, float mult, const float* signal,
                                                     int d, float* out) {
  const __m256 s = _mm256_set1_ps(row_scale), m = _mm256_set1_ps(mult);
  int c = 0;
  for (; c + 8 <= d; c += 8) {
    const __m256 v = _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(q + c))));
    _mm256_storeu_ps(out + c, _mm256_add_ps(_mm256_mul_ps(_mm256_mul_ps(v, s), m), _mm256_loadu_ps(signal + c)));
  }
  qs8_embed__scalar(q + c, row_scale, mult, signal + c, d - c, out + c);
}

}  // namespace tw::kernels
#endif
