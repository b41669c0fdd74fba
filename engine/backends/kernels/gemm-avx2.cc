// AVX2 GEMM kernels (x86-64; compiled for AVX2 with target attributes, selected only when the CPU
// has it). Tiles of up to 4 activation rows x 2 weight rows keep 8 accumulators in registers; R is
// a compile-time row count so that they stay there.
#if defined(__x86_64__)
#include <immintrin.h>

#include "backends/kernels/gemm.h"

namespace tw::kernels {
static __attribute__((target("avx2"))) inline int32_t HSum(__m256i v) {
  __m128i s = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
  s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0x4E));
  s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0xB1));
  return _mm_cvtsi128_si32(s);
}

static __attribute__((target("avx2"))) inline float HSum(__m256 v) {
  __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  s = _mm_add_ps(s, _mm_movehl_ps(s, s));
  s = _mm_add_ss(s, _mm_shuffle_ps(s, s, 0x55));
  return _mm_cvtss_f32(s);
}

// int16 x int16 pairs summed exactly into int32 by vpmaddwd. R is a compile-time row count so
// the 2R accumulators live in registers.
template <int R>
static __attribute__((target("avx2"))) void GemmI8Avx2Rows(const int16_t* a, int k, const int8_t* w, int n_out, int32_t* acc) {
  constexpr int rows = R;
  const int k16 = k / 16 * 16;
  int n = 0;
  for (; n + 2 <= n_out; n += 2) {
    const int8_t* b0 = w + (size_t)n * k;
    const int8_t* b1 = b0 + k;
    __m256i s0[kMaxRows], s1[kMaxRows];
    for (int r = 0; r < kMaxRows; ++r) s0[r] = s1[r] = _mm256_setzero_si256();
    for (int i = 0; i < k16; i += 16) {
      const __m256i w0 = _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(b0 + i)));
      const __m256i w1 = _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(b1 + i)));
      for (int r = 0; r < rows; ++r) {
        const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(a + (size_t)r * k + i));
        s0[r] = _mm256_add_epi32(s0[r], _mm256_madd_epi16(x, w0));
        s1[r] = _mm256_add_epi32(s1[r], _mm256_madd_epi16(x, w1));
      }
    }
    for (int r = 0; r < rows; ++r) {
      acc[r * n_out + n] = HSum(s0[r]) + Qs8DotTail(a + (size_t)r * k, b0, k16, k);
      acc[r * n_out + n + 1] = HSum(s1[r]) + Qs8DotTail(a + (size_t)r * k, b1, k16, k);
    }
  }
  for (; n < n_out; ++n)
    for (int r = 0; r < rows; ++r) acc[r * n_out + n] = Qs8DotTail(a + (size_t)r * k, w + (size_t)n * k, 0, k);
}

__attribute__((target("avx2"))) void qs8_gemm_4x2__avx2(const int16_t* a, int rows, int k, const int8_t* w, int n_out,
                                                int32_t* acc) {
  switch (rows) {
    case 4: return GemmI8Avx2Rows<4>(a, k, w, n_out, acc);
    case 3: return GemmI8Avx2Rows<3>(a, k, w, n_out, acc);
    case 2: return GemmI8Avx2Rows<2>(a, k, w, n_out, acc);
    default: return GemmI8Avx2Rows<1>(a, k, w, n_out, acc);
  }
}

template <int R>
__attribute__((target("avx2"))) void GemmF32Avx2Rows(const float* x, int k, const float* w, int n_out, float* acc) {
  const int k8 = k / 8 * 8;
  int n = 0;
  for (; n + 2 <= n_out; n += 2) {
    const float* b0 = w + (size_t)n * k;
    const float* b1 = b0 + k;
    __m256 s0[R], s1[R];
    for (int r = 0; r < R; ++r) s0[r] = s1[r] = _mm256_setzero_ps();
    for (int i = 0; i < k8; i += 8) {
      const __m256 w0 = _mm256_loadu_ps(b0 + i), w1 = _mm256_loadu_ps(b1 + i);
      for (int r = 0; r < R; ++r) {
        const __m256 a = _mm256_loadu_ps(x + (size_t)r * k + i);
        s0[r] = _mm256_add_ps(s0[r], _mm256_mul_ps(a, w0));
        s1[r] = _mm256_add_ps(s1[r], _mm256_mul_ps(a, w1));
      }
    }
    for (int r = 0; r < R; ++r) {
      float t0 = HSum(s0[r]), t1 = HSum(s1[r]);
      for (int i = k8; i < k; ++i) {
        t0 += x[(size_t)r * k + i] * b0[i];
        t1 += x[(size_t)r * k + i] * b1[i];
      }
      acc[r * n_out + n] = t0;
      acc[r * n_out + n + 1] = t1;
    }
  }
  for (; n < n_out; ++n)  // last odd column
    for (int r = 0; r < R; ++r) {
      float t = 0.f;
      for (int i = 0; i < k; ++i) t += x[(size_t)r * k + i] * w[(size_t)n * k + i];
      acc[r * n_out + n] = t;
    }
}

__attribute__((target("avx2"))) void f32_gemm_4x2__avx2(const float* x, int rows, int k, const float* w, int n_out, float* acc) {
  switch (rows) {
    case 4: return GemmF32Avx2Rows<4>(x, k, w, n_out, acc);
    case 3: return GemmF32Avx2Rows<3>(x, k, w, n_out, acc);
    case 2: return GemmF32Avx2Rows<2>(x, k, w, n_out, acc);
    default: return GemmF32Avx2Rows<1>(x, k, w, n_out, acc);
  }
}

// Marian's arithmetic is pmaddubsw's: uint8 x int8 pairs summed with int16 saturation, then
// vpmaddwd by ones widens pairs of those into int32 exactly.
template <int R>
static __attribute__((target("avx2"))) void GemmU8SatAvx2Rows(const uint8_t* a, int k, const int8_t* w, int n_out,
                                                            int32_t* acc) {
  const int k32 = k / 32 * 32;
  const __m256i ones = _mm256_set1_epi16(1);
  int n = 0;
  for (; n + 2 <= n_out; n += 2) {
    const int8_t* b0 = w + (size_t)n * k;
    const int8_t* b1 = b0 + k;
    __m256i s0[kMaxRows], s1[kMaxRows];
    for (int r = 0; r < kMaxRows; ++r) s0[r] = s1[r] = _mm256_setzero_si256();
    for (int i = 0; i < k32; i += 32) {
      const __m256i w0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(b0 + i));
      const __m256i w1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(b1 + i));
      for (int r = 0; r < R; ++r) {
        const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(a + (size_t)r * k + i));
        s0[r] = _mm256_add_epi32(s0[r], _mm256_madd_epi16(_mm256_maddubs_epi16(x, w0), ones));
        s1[r] = _mm256_add_epi32(s1[r], _mm256_madd_epi16(_mm256_maddubs_epi16(x, w1), ones));
      }
    }
    for (int r = 0; r < R; ++r) {
      acc[r * n_out + n] = HSum(s0[r]) + Qu8s8SatDotTail(a + (size_t)r * k, b0, k32, k);
      acc[r * n_out + n + 1] = HSum(s1[r]) + Qu8s8SatDotTail(a + (size_t)r * k, b1, k32, k);
    }
  }
  for (; n < n_out; ++n)
    for (int r = 0; r < R; ++r) acc[r * n_out + n] = Qu8s8SatDotTail(a + (size_t)r * k, w + (size_t)n * k, 0, k);
}

__attribute__((target("avx2"))) void qu8s8sat_gemm_4x2__avx2(const uint8_t* a, int rows, int k, const int8_t* w,
                                                             int n_out, int32_t* acc) {
  switch (rows) {
    case 4: return GemmU8SatAvx2Rows<4>(a, k, w, n_out, acc);
    case 3: return GemmU8SatAvx2Rows<3>(a, k, w, n_out, acc);
    case 2: return GemmU8SatAvx2Rows<2>(a, k, w, n_out, acc);
    default: return GemmU8SatAvx2Rows<1>(a, k, w, n_out, acc);
  }
}

}  // namespace tw::kernels
#endif
