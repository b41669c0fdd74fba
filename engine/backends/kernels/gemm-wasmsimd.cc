// WASM SIMD128 GEMM kernels. qs8: int8 widened to int16 (i16x8.load8x8_s), pairs multiplied and
// summed exactly by i32x4.dot_i16x8_s (relaxed SIMD's int8 dot product is not available with our
// toolchain). Same 4x2 register tiling as the AVX2 kernels.
#if defined(__wasm_simd128__)
#include <wasm_simd128.h>

#include "backends/kernels/gemm.h"

namespace tw::kernels {
static inline int32_t HSum(v128_t v) {
  return wasm_i32x4_extract_lane(v, 0) + wasm_i32x4_extract_lane(v, 1) + wasm_i32x4_extract_lane(v, 2) +
         wasm_i32x4_extract_lane(v, 3);
}

// i32x4.dot_i16x8_s: pairs of int16 products summed exactly (relaxed SIMD's int8 dot product is
// not available with our toolchain).
template <int R>
static void GemmI8WasmSimdRows(const int16_t* a, int k, const int8_t* w, int n_out, int32_t* acc) {
  constexpr int rows = R;
  const int k8 = k / 8 * 8;
  int n = 0;
  for (; n + 2 <= n_out; n += 2) {
    const int8_t* b0 = w + (size_t)n * k;
    const int8_t* b1 = b0 + k;
    v128_t s0[kMaxRows], s1[kMaxRows];
    for (int r = 0; r < kMaxRows; ++r) s0[r] = s1[r] = wasm_i32x4_splat(0);
    for (int i = 0; i < k8; i += 8) {
      const v128_t w0 = wasm_i16x8_load8x8(b0 + i);
      const v128_t w1 = wasm_i16x8_load8x8(b1 + i);
      for (int r = 0; r < rows; ++r) {
        const v128_t x = wasm_v128_load(a + (size_t)r * k + i);
        s0[r] = wasm_i32x4_add(s0[r], wasm_i32x4_dot_i16x8(x, w0));
        s1[r] = wasm_i32x4_add(s1[r], wasm_i32x4_dot_i16x8(x, w1));
      }
    }
    for (int r = 0; r < rows; ++r) {
      acc[r * n_out + n] = HSum(s0[r]) + Qs8DotTail(a + (size_t)r * k, b0, k8, k);
      acc[r * n_out + n + 1] = HSum(s1[r]) + Qs8DotTail(a + (size_t)r * k, b1, k8, k);
    }
  }
  for (; n < n_out; ++n)
    for (int r = 0; r < rows; ++r) acc[r * n_out + n] = Qs8DotTail(a + (size_t)r * k, w + (size_t)n * k, 0, k);
}

void qs8_gemm_4x2__wasmsimd(const int16_t* a, int rows, int k, const int8_t* w, int n_out, int32_t* acc) {
  switch (rows) {
    case 4: return GemmI8WasmSimdRows<4>(a, k, w, n_out, acc);
    case 3: return GemmI8WasmSimdRows<3>(a, k, w, n_out, acc);
    case 2: return GemmI8WasmSimdRows<2>(a, k, w, n_out, acc);
    default: return GemmI8WasmSimdRows<1>(a, k, w, n_out, acc);
  }
}

template <int R>
static void GemmF32WasmSimdRows(const float* x, int k, const float* w, int n_out, float* acc) {
  const int k4 = k / 4 * 4;
  int n = 0;
  for (; n + 2 <= n_out; n += 2) {
    const float* b0 = w + (size_t)n * k;
    const float* b1 = b0 + k;
    v128_t s0[R], s1[R];
    for (int r = 0; r < R; ++r) s0[r] = s1[r] = wasm_f32x4_splat(0.f);
    for (int i = 0; i < k4; i += 4) {
      const v128_t w0 = wasm_v128_load(b0 + i), w1 = wasm_v128_load(b1 + i);
      for (int r = 0; r < R; ++r) {
        const v128_t a = wasm_v128_load(x + (size_t)r * k + i);
        s0[r] = wasm_f32x4_add(s0[r], wasm_f32x4_mul(a, w0));
        s1[r] = wasm_f32x4_add(s1[r], wasm_f32x4_mul(a, w1));
      }
    }
    for (int r = 0; r < R; ++r) {
      float t0 = (wasm_f32x4_extract_lane(s0[r], 0) + wasm_f32x4_extract_lane(s0[r], 1)) +
                 (wasm_f32x4_extract_lane(s0[r], 2) + wasm_f32x4_extract_lane(s0[r], 3));
      float t1 = (wasm_f32x4_extract_lane(s1[r], 0) + wasm_f32x4_extract_lane(s1[r], 1)) +
                 (wasm_f32x4_extract_lane(s1[r], 2) + wasm_f32x4_extract_lane(s1[r], 3));
      for (int i = k4; i < k; ++i) {
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

void f32_gemm_4x2__wasmsimd(const float* x, int rows, int k, const float* w, int n_out, float* acc) {
  switch (rows) {
    case 4: return GemmF32WasmSimdRows<4>(x, k, w, n_out, acc);
    case 3: return GemmF32WasmSimdRows<3>(x, k, w, n_out, acc);
    case 2: return GemmF32WasmSimdRows<2>(x, k, w, n_out, acc);
    default: return GemmF32WasmSimdRows<1>(x, k, w, n_out, acc);
  }
}

// Marian's pmaddubsw in SIMD128: within each 16-bit lane, the even (low) byte and the odd (high)
// byte are split out (a zero-extended, w sign-extended), multiplied exactly in int16, and the two
// products added with int16 saturation; i32x4.dot_i16x8_s by ones then widens pairs exactly.
template <int R>
static void GemmU8SatWasmSimdRows(const uint8_t* a, int k, const int8_t* w, int n_out, int32_t* acc) {
  const int k16 = k / 16 * 16;
  const v128_t ones = wasm_i16x8_splat(1), low = wasm_i16x8_splat(0x00FF);
  int n = 0;
  for (; n + 2 <= n_out; n += 2) {
    const int8_t* b0 = w + (size_t)n * k;
    const int8_t* b1 = b0 + k;
    v128_t s0[kMaxRows], s1[kMaxRows];
    for (int r = 0; r < kMaxRows; ++r) s0[r] = s1[r] = wasm_i32x4_splat(0);
    for (int i = 0; i < k16; i += 16) {
      const v128_t w0 = wasm_v128_load(b0 + i), w1 = wasm_v128_load(b1 + i);
      const v128_t w0e = wasm_i16x8_shr(wasm_i16x8_shl(w0, 8), 8), w0o = wasm_i16x8_shr(w0, 8);
      const v128_t w1e = wasm_i16x8_shr(wasm_i16x8_shl(w1, 8), 8), w1o = wasm_i16x8_shr(w1, 8);
      for (int r = 0; r < R; ++r) {
        const v128_t x = wasm_v128_load(a + (size_t)r * k + i);
        const v128_t xe = wasm_v128_and(x, low), xo = wasm_u16x8_shr(x, 8);
        const v128_t p0 = wasm_i16x8_add_sat(wasm_i16x8_mul(xe, w0e), wasm_i16x8_mul(xo, w0o));
        const v128_t p1 = wasm_i16x8_add_sat(wasm_i16x8_mul(xe, w1e), wasm_i16x8_mul(xo, w1o));
        s0[r] = wasm_i32x4_add(s0[r], wasm_i32x4_dot_i16x8(p0, ones));
        s1[r] = wasm_i32x4_add(s1[r], wasm_i32x4_dot_i16x8(p1, ones));
      }
    }
    for (int r = 0; r < R; ++r) {
      acc[r * n_out + n] = HSum(s0[r]) + Qu8s8SatDotTail(a + (size_t)r * k, b0, k16, k);
      acc[r * n_out + n + 1] = HSum(s1[r]) + Qu8s8SatDotTail(a + (size_t)r * k, b1, k16, k);
    }
  }
  for (; n < n_out; ++n)
    for (int r = 0; r < R; ++r) acc[r * n_out + n] = Qu8s8SatDotTail(a + (size_t)r * k, w + (size_t)n * k, 0, k);
}

void qu8s8sat_gemm_4x2__wasmsimd(const uint8_t* a, int rows, int k, const int8_t* w, int n_out, int32_t* acc) {
  switch (rows) {
    case 4: return GemmU8SatWasmSimdRows<4>(a, k, w, n_out, acc);
    case 3: return GemmU8SatWasmSimdRows<3>(a, k, w, n_out, acc);
    case 2: return GemmU8SatWasmSimdRows<2>(a, k, w, n_out, acc);
    default: return GemmU8SatWasmSimdRows<1>(a, k, w, n_out, acc);
  }
}

}  // namespace tw::kernels
#endif
