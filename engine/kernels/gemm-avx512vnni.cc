// AVX-512 VNNI GEMM kernel for qs8 (x86-64; compiled with target attributes, selected only when
// the CPU has AVX-512 VNNI and BW): vpdpwssd multiplies 32 int16 pairs and adds each pair's sum
// into an int32 lane in one instruction, where AVX2 needs vpmaddwd and vpaddd on half the width.
// Integer sums are exact, so the order of additions does not matter: output equals the scalar
// kernel's (the conformance suite checks it). Tiled by gemm-tiles.h.
#if defined(__x86_64__)
#include <immintrin.h>

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

}  // namespace

TW_TILE_TARGET void qs8_gemm_4x2__avx512vnni(const int16_t* a, int rows, int k, const int8_t* w, int n_out, int32_t* acc) {
  GemmTiled<Qs8VnniOps>(a, rows, k, w, n_out, acc);
}

}  // namespace tw::kernels
#endif
