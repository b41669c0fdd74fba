// AVX2 quantization kernels (selected only when the CPU has AVX2); equal to the scalar ones bit
// for bit: max_ps(|x|, acc) keeps acc when x is NaN, like the scalar compare; the rest is per element.
#if defined(__x86_64__)
#include <immintrin.h>

#include "kernels/quantize.h"

namespace tw::kernels {

__attribute__((target("avx2"))) float qs16_quantize__avx2(const float* x, int n, float levels, int16_t* q) {
  const __m256 sign = _mm256_set1_ps(-0.f);
  __m256 m = _mm256_setzero_ps();
  int i = 0;
  for (; i + 8 <= n; i += 8) m = _mm256_max_ps(_mm256_andnot_ps(sign, _mm256_loadu_ps(x + i)), m);
  alignas(32) float lanes[8];
  _mm256_store_ps(lanes, m);
  const float amax = AbsMax(x, i, n, AbsMax(lanes, 0, 8, 0.f));
  if (amax == 0.f) {
    for (int j = 0; j < n; ++j) q[j] = 0;
    return 0.f;
  }
  const float inv = levels / amax;
  const __m256 vinv = _mm256_set1_ps(inv), hi = _mm256_set1_ps(levels), lo = _mm256_set1_ps(-levels),
               magic = _mm256_set1_ps(kRoundMagic);
  i = 0;
  for (; i + 16 <= n; i += 16) {
    __m256i out[2];
    for (int h = 0; h < 2; ++h) {
      __m256 v = _mm256_mul_ps(_mm256_loadu_ps(x + i + 8 * h), vinv);
      v = _mm256_and_ps(v, _mm256_cmp_ps(v, v, _CMP_ORD_Q));  // NaN -> 0
      v = _mm256_min_ps(_mm256_max_ps(v, lo), hi);
      v = _mm256_sub_ps(_mm256_add_ps(v, magic), magic);
      out[h] = _mm256_cvttps_epi32(v);  // already integral
    }
    // packs works within 128-bit halves: reorder so the 16 values come out in order
    const __m256i packed = _mm256_permute4x64_epi64(_mm256_packs_epi32(out[0], out[1]), 0xD8);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(q + i), packed);
  }
  QuantizeTail(x, i, n, inv, levels, q);
  return amax / levels;
}

__attribute__((target("avx2"))) void qu8_quantize_shifted__avx2(const float* x, int n, float a_mult, uint8_t* q) {
  const __m256 vm = _mm256_set1_ps(a_mult), hi = _mm256_set1_ps(127.f), lo = _mm256_set1_ps(-127.f),
               magic = _mm256_set1_ps(kRoundMagic);
  const __m256i shift = _mm256_set1_epi32(127);
  int i = 0;
  for (; i + 8 <= n; i += 8) {
    __m256 v = _mm256_mul_ps(_mm256_loadu_ps(x + i), vm);
    v = _mm256_blendv_ps(lo, v, _mm256_cmp_ps(v, v, _CMP_ORD_Q));  // NaN -> -127
    v = _mm256_min_ps(_mm256_max_ps(v, lo), hi);
    v = _mm256_sub_ps(_mm256_add_ps(v, magic), magic);
    alignas(32) int32_t lanes[8];
    _mm256_store_si256(reinterpret_cast<__m256i*>(lanes), _mm256_add_epi32(_mm256_cvttps_epi32(v), shift));
    for (int j = 0; j < 8; ++j) q[i + j] = static_cast<uint8_t>(lanes[j]);
  }
  qu8_quantize_shifted__scalar(x + i, n - i, a_mult, q + i);
}

}  // namespace tw::kernels
#endif
