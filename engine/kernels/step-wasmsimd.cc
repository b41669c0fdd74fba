// SIMD128 per-step decoder kernels, equal to the scalar ones bit for bit (step.h).
#if defined(__wasm_simd128__)
#include <wasm_simd128.h>

#include <cmath>

#include "kernels/exp-wasmsimd.h"
#include "kernels/step.h"

namespace tw::kernels {

void f32_ssru__wasmsimd(float* a, const float* b, float* c, size_t n) {
  const v128_t one = wasm_f32x4_splat(1.f), zero = wasm_f32x4_splat(0.f);
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    const v128_t f = wasm_f32x4_div(one, wasm_f32x4_add(one, ExpWasmSimd(wasm_f32x4_neg(wasm_v128_load(a + i)))));
    const v128_t cell = wasm_f32x4_add(wasm_f32x4_mul(f, wasm_v128_load(c + i)),
                                       wasm_f32x4_mul(wasm_f32x4_sub(one, f), wasm_v128_load(b + i)));
    wasm_v128_store(c + i, cell);
    wasm_v128_store(a + i, wasm_v128_and(cell, wasm_f32x4_gt(cell, zero)));  // c > 0 ? c : +0
  }
  f32_ssru__scalar(a + i, b + i, c + i, n - i);
}

int f32_argmax__wasmsimd(const float* x, int n, int skip) {
  const int first = FirstCandidate(n, skip);
  if (first < 0 || x[first] != x[first]) return first;  // a NaN first candidate wins, as in the scalar loop
  // Largest value (NaN never wins a comparison, as in the scalar loop), then its first index.
  v128_t m = wasm_f32x4_splat(x[first]);
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    v128_t v = wasm_v128_load(x + i);
    if (skip >= i && skip < i + 4) v = wasm_v128_bitselect(wasm_f32x4_splat(-INFINITY), v, wasm_i32x4_eq(
        wasm_i32x4_make(i, i + 1, i + 2, i + 3), wasm_i32x4_splat(skip)));
    m = wasm_f32x4_pmax(m, v);  // pmax(m, v) = m < v ? v : m
  }
  const float lanes[4] = {wasm_f32x4_extract_lane(m, 0), wasm_f32x4_extract_lane(m, 1), wasm_f32x4_extract_lane(m, 2),
                          wasm_f32x4_extract_lane(m, 3)};
  return FirstIndexOf(x, 0, n, skip, MaxOf(x, i, n, skip, MaxOf(lanes, 0, 4, -1, x[first])));
}

void f32_exp_shifted__wasmsimd(const float* x, size_t n, float shift, float* out) {
  const v128_t s = wasm_f32x4_splat(shift);
  size_t i = 0;
  for (; i + 4 <= n; i += 4) wasm_v128_store(out + i, ExpWasmSimd(wasm_f32x4_sub(wasm_v128_load(x + i), s)));
  f32_exp_shifted__scalar(x + i, n - i, shift, out + i);
}

void qs8_embed__wasmsimd(const int8_t* q, float row_scale, float mult, const float* signal, int d, float* out) {
  const v128_t s = wasm_f32x4_splat(row_scale), m = wasm_f32x4_splat(mult);
  int c = 0;
  for (; c + 8 <= d; c += 8) {
    const v128_t q16 = wasm_i16x8_load8x8(q + c);
    const v128_t lo = wasm_f32x4_convert_i32x4(wasm_i32x4_extend_low_i16x8(q16));
    const v128_t hi = wasm_f32x4_convert_i32x4(wasm_i32x4_extend_high_i16x8(q16));
    wasm_v128_store(out + c, wasm_f32x4_add(wasm_f32x4_mul(wasm_f32x4_mul(lo, s), m), wasm_v128_load(signal + c)));
    wasm_v128_store(out + c + 4, wasm_f32x4_add(wasm_f32x4_mul(wasm_f32x4_mul(hi, s), m), wasm_v128_load(signal + c + 4)));
  }
  qs8_embed__scalar(q + c, row_scale, mult, signal + c, d - c, out + c);
}

}  // namespace tw::kernels
#endif
