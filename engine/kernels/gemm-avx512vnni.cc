// AVX-512 VNNI GEMM kernel for qs8 (x86-64; compiled with target attributes, selected only when
// the CPU has AVX-512 VNNI and BW): vpdpwssd multiplies 32 int16 pairs and adds each pair's sum
// into an int32 lane in one instruction, where AVX2 needs vpmaddwd and vpaddd on half the width.
// Integer sums are exact, so the order of additions does not matter: output equals the scalar
// kernel's (the conformance suite checks it). Tiled by gemm-tiles.h.
#if defined(__x86_64__)
#include <immintrin.h>

#include <cstring>

// GCC 12's _mm512_reduce_add_epi32 extracts through an undefined vector and warns about it
// (-Wmaybe-uninitialized inside avx512fintrin.h): a false positive.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

#define TW_TILE_TARGET __attribute__((target("avx512f,avx512bw,avx512vnni")))
#include "kernels/gemm-tiles.h"

namespace tw::kernels {
namespace {

struct Qs8VnniOps {
  using A = int16_t; using W = int8_t; using Out = int32_t;
  using AVec = __m512i; using WVec = __m512i; using Acc = __m512i;
  static constexpr int kStep = 32;
  TW_TILE_TARGET static Acc Zero() { return _mm512_setzero_si512(); }
  TW_TILE_TARGET static AVec LoadA(const A* a) { return _mm512_loadu_si512(a); }
  TW_TILE_TARGET static WVec LoadW(const W* w) {
    return _mm512_cvtepi8_epi16(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(w)));
  }
  TW_TILE_TARGET static Acc MulAdd(Acc s, AVec x, WVec w) { return _mm512_dpwssd_epi32(s, x, w); }
  TW_TILE_TARGET static Out Finish(Acc s, const A* a, const W* w, int from, int k) {
    return _mm512_reduce_add_epi32(s) + Qs8DotTail(a, w, from, k);
  }
};

// qs8c2: a zmm of packed weights is one 16-column block's pair of k widened to int16; each row's
// pair of activations is broadcast as one int32, so vpdpwssd adds a[2p] w[2p] + a[2p+1] w[2p+1]
// into each column's lane. R rows x B blocks of accumulators, stored whole: no horizontal sums.
template <int R, int B>
TW_TILE_TARGET void Qs8c2Tile(const int16_t* a, int k, const int8_t* packed, int n_pad, int32_t* acc) {
  __m512i s[B][R];
  for (int b = 0; b < B; ++b)
    for (int r = 0; r < R; ++r) s[b][r] = _mm512_setzero_si512();
  for (int p = 0; p < k / 2; ++p) {
    __m512i w[B];
    for (int b = 0; b < B; ++b)
      w[b] = _mm512_cvtepi8_epi16(_mm256_loadu_si256(
          reinterpret_cast<const __m256i*>(packed + (size_t)b * kQs8c2Columns * k + (size_t)p * 2 * kQs8c2Columns)));
    for (int r = 0; r < R; ++r) {
      int32_t pair;
      std::memcpy(&pair, a + (size_t)r * k + 2 * p, sizeof pair);
      const __m512i x = _mm512_set1_epi32(pair);
      for (int b = 0; b < B; ++b) s[b][r] = _mm512_dpwssd_epi32(s[b][r], x, w[b]);
    }
  }
  for (int b = 0; b < B; ++b)
    for (int r = 0; r < R; ++r) _mm512_storeu_si512(acc + (size_t)r * n_pad + b * kQs8c2Columns, s[b][r]);
}

template <int R>
struct Qs8c2Rows {
  TW_TILE_TARGET static void Run(const int16_t* a, int k, const int8_t* packed, int n_pad, int32_t* acc) {
    const int blocks = n_pad / kQs8c2Columns;
    int b = 0;
    for (; b + 2 <= blocks; b += 2)
      Qs8c2Tile<R, 2>(a, k, packed + (size_t)b * kQs8c2Columns * k, n_pad, acc + b * kQs8c2Columns);
    if (b < blocks) Qs8c2Tile<R, 1>(a, k, packed + (size_t)b * kQs8c2Columns * k, n_pad, acc + b * kQs8c2Columns);
  }
};

}  // namespace

TW_TILE_TARGET void qs8c2_gemm_4x32__avx512vnni(const int16_t* a, int rows, int k, const int8_t* packed, int n_pad,
                                                int32_t* acc) {
  Qs8c2ByRowTiles<Qs8c2Rows>(a, rows, k, packed, n_pad, acc);
}

TW_TILE_TARGET void qs8_gemm_4x2__avx512vnni(const int16_t* a, int rows, int k, const int8_t* w, int n_out, int32_t* acc) {
  GemmTiled<Qs8VnniOps>(a, rows, k, w, n_out, acc);
}

}  // namespace tw::kernels
#endif
