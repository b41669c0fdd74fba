// kernels/exp.h's Exp on four lanes, step for step the same float operations, so every lane equals
// the scalar result bit for bit (NaN stays NaN, above 88 clamps, below -87.3 gives 0).
#pragma once
#include <wasm_simd128.h>

namespace tw::kernels {

inline v128_t ExpWasmSimd(v128_t x0) {
  const v128_t x = wasm_f32x4_pmin(x0, wasm_f32x4_splat(88.f));  // pmin(a, b) = b < a ? b : a: NaN kept
  const v128_t n = wasm_f32x4_nearest(wasm_f32x4_mul(x, wasm_f32x4_splat(1.44269504088896341f)));
  const v128_t r = wasm_f32x4_sub(wasm_f32x4_sub(x, wasm_f32x4_mul(n, wasm_f32x4_splat(0.693145751953125f))),
                                  wasm_f32x4_mul(n, wasm_f32x4_splat(1.42860682030941723212e-6f)));
  v128_t p = wasm_f32x4_splat(1.f / 5040.f);
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(1.f / 720.f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(1.f / 120.f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(1.f / 24.f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(1.f / 6.f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(0.5f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(1.f));
  p = wasm_f32x4_add(wasm_f32x4_mul(p, r), wasm_f32x4_splat(1.f));
  const v128_t scale = wasm_i32x4_shl(wasm_i32x4_add(wasm_i32x4_trunc_sat_f32x4(n), wasm_i32x4_splat(127)), 23);
  v128_t y = wasm_f32x4_mul(p, scale);
  y = wasm_v128_andnot(y, wasm_f32x4_lt(x0, wasm_f32x4_splat(-87.3f)));  // -> +0
  return wasm_v128_bitselect(y, x0, wasm_f32x4_eq(x0, x0));            // NaN lanes: x itself
}

}  // namespace tw::kernels
