// WASM SIMD128 GEMM kernels: the vector operations of each family, tiled by gemm-tiles.h.
// qs8: int8 widened to int16 (i16x8.load8x8_s), pairs multiplied and summed exactly by
// i32x4.dot_i16x8_s (relaxed SIMD's int8 dot product is not available with our toolchain).
#if defined(__wasm_simd128__)
#include <wasm_simd128.h>

#define TW_TILE_TARGET
#include "kernels/gemm-tiles.h"

namespace tw::kernels {
namespace {

inline int32_t HSum(v128_t v) {
  return wasm_i32x4_extract_lane(v, 0) + wasm_i32x4_extract_lane(v, 1) + wasm_i32x4_extract_lane(v, 2) +
         wasm_i32x4_extract_lane(v, 3);
}

struct Qs8Ops {
  using A = int16_t; using W = int8_t; using Out = int32_t;
  using AVec = v128_t; using WVec = v128_t; using Acc = v128_t;
  static constexpr int kStep = 8;
  static Acc Zero() { return wasm_i32x4_splat(0); }
  static AVec LoadA(const A* a) { return wasm_v128_load(a); }
  static WVec LoadW(const W* w) { return wasm_i16x8_load8x8(w); }
  static Acc MulAdd(Acc s, AVec x, WVec w) { return wasm_i32x4_add(s, wasm_i32x4_dot_i16x8(x, w)); }
  static Out Finish(Acc s, const A* a, const W* w, int from, int k) { return HSum(s) + Qs8DotTail(a, w, from, k); }
};

// f32: four lanes, reduced as (l0 + l1) + (l2 + l3), then the rest of k added one by one.
struct F32Ops {
  using A = float; using W = float; using Out = float;
  using AVec = v128_t; using WVec = v128_t; using Acc = v128_t;
  static constexpr int kStep = 4;
  static Acc Zero() { return wasm_f32x4_splat(0.f); }
  static AVec LoadA(const A* a) { return wasm_v128_load(a); }
  static WVec LoadW(const W* w) { return wasm_v128_load(w); }
  static Acc MulAdd(Acc s, AVec x, WVec w) { return wasm_f32x4_add(s, wasm_f32x4_mul(x, w)); }
  static Out Finish(Acc s, const A* a, const W* w, int from, int k) {
    float t = (wasm_f32x4_extract_lane(s, 0) + wasm_f32x4_extract_lane(s, 1)) +
              (wasm_f32x4_extract_lane(s, 2) + wasm_f32x4_extract_lane(s, 3));
    for (int i = from; i < k; ++i) t += a[i] * w[i];
    return t;
  }
};

// qu8s8sat: Marian's pmaddubsw in SIMD128. Within each 16-bit lane the even (low) and odd (high)
// bytes are split out (a zero-extended, w sign-extended), multiplied exactly in int16, the two
// products added with int16 saturation; i32x4.dot_i16x8_s by ones then widens pairs exactly.
struct Qu8s8SatOps {
  struct Halves {
    v128_t even, odd;
  };
  using A = uint8_t; using W = int8_t; using Out = int32_t;
  using AVec = Halves; using WVec = Halves; using Acc = v128_t;
  static constexpr int kStep = 16;
  static Acc Zero() { return wasm_i32x4_splat(0); }
  static AVec LoadA(const A* a) {
    const v128_t x = wasm_v128_load(a);
    return {wasm_v128_and(x, wasm_i16x8_splat(0x00FF)), wasm_u16x8_shr(x, 8)};
  }
  static WVec LoadW(const W* w) {
    const v128_t v = wasm_v128_load(w);
    return {wasm_i16x8_shr(wasm_i16x8_shl(v, 8), 8), wasm_i16x8_shr(v, 8)};
  }
  static Acc MulAdd(Acc s, AVec x, WVec w) {
    const v128_t p = wasm_i16x8_add_sat(wasm_i16x8_mul(x.even, w.even), wasm_i16x8_mul(x.odd, w.odd));
    return wasm_i32x4_add(s, wasm_i32x4_dot_i16x8(p, wasm_i16x8_splat(1)));
  }
  static Out Finish(Acc s, const A* a, const W* w, int from, int k) { return HSum(s) + Qu8s8SatDotTail(a, w, from, k); }
};

// qs8c2: half a 16-column block (8 columns) at a time, as two vectors of 4 columns x a pair of k
// widened to int16 (i16x8.load8x8_s); i32x4.dot_i16x8_s with each row's pair of activations
// splatted gives every column's pair sum. 4 rows x 8 columns keeps the 8 accumulators, 2 weight
// vectors and the splat within the 16 registers V8 has on x64.
template <int R>
struct Qs8c2Rows {
  static void Run(const int16_t* a, int k, const int8_t* packed, int n_pad, int32_t* acc) {
    for (int n = 0; n < n_pad; n += kQs8c2Columns / 2) {
      const int8_t* half = packed + (size_t)(n / kQs8c2Columns) * kQs8c2Columns * k + (n % kQs8c2Columns) * 2;
      v128_t s0[R], s1[R];
      for (int r = 0; r < R; ++r) s0[r] = s1[r] = wasm_i32x4_splat(0);
      for (int p = 0; p < k / 2; ++p) {
        const int8_t* src = half + (size_t)p * 2 * kQs8c2Columns;
        const v128_t w0 = wasm_i16x8_load8x8(src), w1 = wasm_i16x8_load8x8(src + 8);
        for (int r = 0; r < R; ++r) {
          const v128_t x = wasm_v128_load32_splat(a + (size_t)r * k + 2 * p);
          s0[r] = wasm_i32x4_add(s0[r], wasm_i32x4_dot_i16x8(x, w0));
          s1[r] = wasm_i32x4_add(s1[r], wasm_i32x4_dot_i16x8(x, w1));
        }
      }
      for (int r = 0; r < R; ++r) {
        wasm_v128_store(acc + (size_t)r * n_pad + n, s0[r]);
        wasm_v128_store(acc + (size_t)r * n_pad + n + 4, s1[r]);
      }
    }
  }
};

}  // namespace

void qs8c2_gemm_4x8__wasmsimd(const int16_t* a, int rows, int k, const int8_t* packed, int n_pad, int32_t* acc) {
  Qs8c2ByRowTiles<Qs8c2Rows>(a, rows, k, packed, n_pad, acc);
}
void qs8_gemm_4x2__wasmsimd(const int16_t* a, int rows, int k, const int8_t* w, int n_out, int32_t* acc) {
  GemmTiled<Qs8Ops>(a, rows, k, w, n_out, acc);
}
void f32_gemm_4x2__wasmsimd(const float* a, int rows, int k, const float* w, int n_out, float* acc) {
  GemmTiled<F32Ops>(a, rows, k, w, n_out, acc);
}
void qu8s8sat_gemm_4x2__wasmsimd(const uint8_t* a, int rows, int k, const int8_t* w, int n_out, int32_t* acc) {
  GemmTiled<Qu8s8SatOps>(a, rows, k, w, n_out, acc);
}

}  // namespace tw::kernels
#endif
