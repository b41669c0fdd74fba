// The register tiling every SIMD GEMM kernel shares (the contract is gemm.h's): R <= 4 activation
// rows x 2 weight rows at a time, 2R vector accumulators summed over k in steps of one vector,
// then each accumulator reduced and the rest of k added by the family's scalar step; an odd last
// weight row goes through the scalar step alone. R is a compile-time row count so that the
// accumulators stay in registers.
//
// An ISA file describes one family's vector operations as a struct Ops:
//   types  A, W, Out (elements of a, w, acc), AVec / WVec (a loaded slice of a / w), Acc;
//   kStep  elements of k per vector;
//   Zero() -> Acc;  LoadA(const A*) -> AVec;  LoadW(const W*) -> WVec;  MulAdd(Acc, AVec, WVec) -> Acc;
//   Finish(Acc, const A* a, const W* w, int from, int k) -> Out: the accumulator's sum plus the
//          family's scalar dot product of a[from..k) and w[from..k), in the order that keeps it
//          equal to the scalar kernel (exact for the integer families).
// and defines its kernel as `GemmTiled<Ops>(a, rows, k, w, n_out, acc)`.
//
// Included only by the ISA files, each after defining TW_TILE_TARGET (its target attribute, or
// nothing): everything here is static, so every ISA compiles its own copy.
#pragma once
#include "kernels/gemm.h"
static_assert(tw::kernels::kMaxRows == 4, "Qs8c2ByRowTiles dispatches tiles of 1 to 4 rows");

#ifndef TW_TILE_TARGET
#error "define TW_TILE_TARGET (the ISA's target attribute, or nothing) before including gemm-tiles.h"
#endif

namespace tw::kernels {

template <class Ops, int R>
static TW_TILE_TARGET void GemmTileRows(const typename Ops::A* a, int k, const typename Ops::W* w, int n_out,
                                        typename Ops::Out* acc) {
  const int k_vec = k / Ops::kStep * Ops::kStep;
  int n = 0;
  for (; n + 2 <= n_out; n += 2) {
    const typename Ops::W* b0 = w + (size_t)n * k;
    const typename Ops::W* b1 = b0 + k;
    typename Ops::Acc s0[R], s1[R];
    for (int r = 0; r < R; ++r) s0[r] = s1[r] = Ops::Zero();
    for (int i = 0; i < k_vec; i += Ops::kStep) {
      const typename Ops::WVec w0 = Ops::LoadW(b0 + i), w1 = Ops::LoadW(b1 + i);
      for (int r = 0; r < R; ++r) {
        const typename Ops::AVec x = Ops::LoadA(a + (size_t)r * k + i);
        s0[r] = Ops::MulAdd(s0[r], x, w0);
        s1[r] = Ops::MulAdd(s1[r], x, w1);
      }
    }
    for (int r = 0; r < R; ++r) {
      acc[r * n_out + n] = Ops::Finish(s0[r], a + (size_t)r * k, b0, k_vec, k);
      acc[r * n_out + n + 1] = Ops::Finish(s1[r], a + (size_t)r * k, b1, k_vec, k);
    }
  }
  for (; n < n_out; ++n)  // an odd last weight row
    for (int r = 0; r < R; ++r) acc[r * n_out + n] = Ops::Finish(Ops::Zero(), a + (size_t)r * k, w + (size_t)n * k, 0, k);
}

template <class Ops>
static TW_TILE_TARGET void GemmTiled(const typename Ops::A* a, int rows, int k, const typename Ops::W* w, int n_out,
                                     typename Ops::Out* acc) {
  switch (rows) {
    case 4: return GemmTileRows<Ops, 4>(a, k, w, n_out, acc);
    case 3: return GemmTileRows<Ops, 3>(a, k, w, n_out, acc);
    case 2: return GemmTileRows<Ops, 2>(a, k, w, n_out, acc);
    default: return GemmTileRows<Ops, 1>(a, k, w, n_out, acc);
  }
}

// The qs8c2 kernels (gemm.h) walk the rows in tiles of up to 4 the same way; each ISA supplies
// template <int R> struct Rows { static void Run(a, k, packed, n_pad, acc); } for one tile of R rows.
template <template <int> class Rows>
static TW_TILE_TARGET void Qs8c2ByRowTiles(const int16_t* a, int rows, int k, const int8_t* packed, int n_pad,
                                           int32_t* acc) {
  for (int r0 = 0; r0 < rows; r0 += kMaxRows) {
    const int16_t* ar = a + (size_t)r0 * k;
    int32_t* out = acc + (size_t)r0 * n_pad;
    switch (rows - r0 < kMaxRows ? rows - r0 : kMaxRows) {
      case 4: Rows<4>::Run(ar, k, packed, n_pad, out); break;
      case 3: Rows<3>::Run(ar, k, packed, n_pad, out); break;
      case 2: Rows<2>::Run(ar, k, packed, n_pad, out); break;
      default: Rows<1>::Run(ar, k, packed, n_pad, out); break;
    }
  }
}

}  // namespace tw::kernels
