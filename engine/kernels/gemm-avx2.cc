// AVX2 GEMM kernels (x86-64; compiled for AVX2 with target attributes, selected only when the CPU
// has it): the vector operations of each family, tiled by gemm-tiles.h.
#if defined(__x86_64__)
#include <immintrin.h>

#include <cstring>

#define TW_TILE_TARGET __attribute__((target("avx2")))
#include "kernels/gemm-tiles.h"

namespace tw::kernels {
namespace {

TW_TILE_TARGET inline int32_t HSum(__m256i v) {
  __m128i s = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
  s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0x4E));
  s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0xB1));
  return _mm_cvtsi128_si32(s);
}

TW_TILE_TARGET inline float HSum(__m256 v) {
  __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  s = _mm_add_ps(s, _mm_movehl_ps(s, s));
  s = _mm_add_ss(s, _mm_shuffle_ps(s, s, 0x55));
  return _mm_cvtss_f32(s);
}

// qs8: int8 weights widened to int16; vpmaddwd sums int16 x int16 pairs exactly into int32.
struct Qs8Ops {
  using A = int16_t; using W = int8_t; using Out = int32_t;
  using AVec = __m256i; using WVec = __m256i; using Acc = __m256i;
  static constexpr int kStep = 16;
  TW_TILE_TARGET static Acc Zero() { return _mm256_setzero_si256(); }
  TW_TILE_TARGET static AVec LoadA(const A* a) { return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(a)); }
  TW_TILE_TARGET static WVec LoadW(const W* w) {
    return _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(w)));
  }
  TW_TILE_TARGET static Acc MulAdd(Acc s, AVec x, WVec w) { return _mm256_add_epi32(s, _mm256_madd_epi16(x, w)); }
  TW_TILE_TARGET static Out Finish(Acc s, const A* a, const W* w, int from, int k) { return HSum(s) + Qs8DotTail(a, w, from, k); }
};

// f32: eight lanes of products added per step; the rest of k added to the lane sum one by one.
struct F32Ops {
  using A = float; using W = float; using Out = float;
  using AVec = __m256; using WVec = __m256; using Acc = __m256;
  static constexpr int kStep = 8;
  TW_TILE_TARGET static Acc Zero() { return _mm256_setzero_ps(); }
  TW_TILE_TARGET static AVec LoadA(const A* a) { return _mm256_loadu_ps(a); }
  TW_TILE_TARGET static WVec LoadW(const W* w) { return _mm256_loadu_ps(w); }
  TW_TILE_TARGET static Acc MulAdd(Acc s, AVec x, WVec w) { return _mm256_add_ps(s, _mm256_mul_ps(x, w)); }
  TW_TILE_TARGET static Out Finish(Acc s, const A* a, const W* w, int from, int k) {
    float t = HSum(s);
    for (int i = from; i < k; ++i) t += a[i] * w[i];
    return t;
  }
};

// qu8s8sat: Marian's arithmetic is pmaddubsw's (uint8 x int8 pairs summed with int16 saturation),
// then vpmaddwd by ones widens pairs of those into int32 exactly.
struct Qu8s8SatOps {
  using A = uint8_t; using W = int8_t; using Out = int32_t;
  using AVec = __m256i; using WVec = __m256i; using Acc = __m256i;
  static constexpr int kStep = 32;
  TW_TILE_TARGET static Acc Zero() { return _mm256_setzero_si256(); }
  TW_TILE_TARGET static AVec LoadA(const A* a) { return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(a)); }
  TW_TILE_TARGET static WVec LoadW(const W* w) { return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(w)); }
  TW_TILE_TARGET static Acc MulAdd(Acc s, AVec x, WVec w) {
    return _mm256_add_epi32(s, _mm256_madd_epi16(_mm256_maddubs_epi16(x, w), _mm256_set1_epi16(1)));
  }
  TW_TILE_TARGET static Out Finish(Acc s, const A* a, const W* w, int from, int k) {
    return HSum(s) + Qu8s8SatDotTail(a, w, from, k);
  }
};

// qs8c2: one 16-column block at a time, as two ymm of 8 columns x a pair of k widened to int16;
// vpmaddwd with each row's pair of activations broadcast gives every column's pair sum.
template <int R>
struct Qs8c2Rows {
  TW_TILE_TARGET static void Run(const int16_t* a, int k, const int8_t* packed, int n_pad, int32_t* acc) {
    for (int n = 0; n < n_pad; n += kQs8c2Columns) {
      const int8_t* block = packed + (size_t)n * k;
      __m256i s0[R], s1[R];
      for (int r = 0; r < R; ++r) s0[r] = s1[r] = _mm256_setzero_si256();
      for (int p = 0; p < k / 2; ++p) {
        const __m128i* src = reinterpret_cast<const __m128i*>(block + (size_t)p * 2 * kQs8c2Columns);
        const __m256i w0 = _mm256_cvtepi8_epi16(_mm_loadu_si128(src)), w1 = _mm256_cvtepi8_epi16(_mm_loadu_si128(src + 1));
        for (int r = 0; r < R; ++r) {
          int32_t pair;
          std::memcpy(&pair, a + (size_t)r * k + 2 * p, sizeof pair);
          const __m256i x = _mm256_set1_epi32(pair);
          s0[r] = _mm256_add_epi32(s0[r], _mm256_madd_epi16(x, w0));
          s1[r] = _mm256_add_epi32(s1[r], _mm256_madd_epi16(x, w1));
        }
      }
      for (int r = 0; r < R; ++r) {
        _mm256_storeu_si256(reinterpret_cast<__m256i*>(acc + (size_t)r * n_pad + n), s0[r]);
        _mm256_storeu_si256(reinterpret_cast<__m256i*>(acc + (size_t)r * n_pad + n + 8), s1[r]);
      }
    }
  }
};

}  // namespace

TW_TILE_TARGET void qs8c2_gemm_4x16__avx2(const int16_t* a, int rows, int k, const int8_t* packed, int n_pad, int32_t* acc) {
  Qs8c2ByRowTiles<Qs8c2Rows>(a, rows, k, packed, n_pad, acc);
}
TW_TILE_TARGET void qs8_gemm_4x2__avx2(const int16_t* a, int rows, int k, const int8_t* w, int n_out, int32_t* acc) {
  GemmTiled<Qs8Ops>(a, rows, k, w, n_out, acc);
}
TW_TILE_TARGET void f32_gemm_4x2__avx2(const float* a, int rows, int k, const float* w, int n_out, float* acc) {
  GemmTiled<F32Ops>(a, rows, k, w, n_out, acc);
}
TW_TILE_TARGET void qu8s8sat_gemm_4x2__avx2(const uint8_t* a, int rows, int k, const int8_t* w, int n_out, int32_t* acc) {
  GemmTiled<Qu8s8SatOps>(a, rows, k, w, n_out, acc);
}

}  // namespace tw::kernels
#endif
