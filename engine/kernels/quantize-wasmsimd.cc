// WASM SIMD128 quantization kernels, equal to the scalar ones bit for bit (see quantize-avx2.cc).
// f32x4.pmax(a, b) is "b < a ? a : b": with a = |x| NaN it keeps b, like the scalar compare.
#if defined(__wasm_simd128__)
#include <wasm_simd128.h>

#include "kernels/quantize.h"

namespace tw::kernels {

float qs16_quantize__wasmsimd(const float* x, int n, float levels, int16_t* q) {
  v128_t m = wasm_f32x4_splat(0.f);
  int i = 0;
  for (; i + 4 <= n; i += 4) m = wasm_f32x4_pmax(m, wasm_f32x4_abs(wasm_v128_load(x + i)));
  const float lanes[4] = {wasm_f32x4_extract_lane(m, 0), wasm_f32x4_extract_lane(m, 1), wasm_f32x4_extract_lane(m, 2),
                          wasm_f32x4_extract_lane(m, 3)};
  const float amax = AbsMax(x, i, n, AbsMax(lanes, 0, 4, 0.f));
  if (amax == 0.f) {
    for (int j = 0; j < n; ++j) q[j] = 0;
    return 0.f;
  }
  const float inv = levels / amax;
  const v128_t vinv = wasm_f32x4_splat(inv), hi = wasm_f32x4_splat(levels), lo = wasm_f32x4_splat(-levels),
               magic = wasm_f32x4_splat(kRoundMagic);
  i = 0;
  for (; i + 8 <= n; i += 8) {
    v128_t out[2];
    for (int h = 0; h < 2; ++h) {
      v128_t v = wasm_f32x4_mul(wasm_v128_load(x + i + 4 * h), vinv);
      v = wasm_v128_and(v, wasm_f32x4_eq(v, v));  // NaN -> 0
      v = wasm_f32x4_pmin(hi, wasm_f32x4_pmax(lo, v));
      v = wasm_f32x4_sub(wasm_f32x4_add(v, magic), magic);
      out[h] = wasm_i32x4_trunc_sat_f32x4(v);
    }
    wasm_v128_store(q + i, wasm_i16x8_narrow_i32x4(out[0], out[1]));
  }
  QuantizeTail(x, i, n, inv, levels, q);
  return amax / levels;
}

void qu8_quantize_shifted__wasmsimd(const float* x, int n, float a_mult, uint8_t* q) {
  const v128_t vm = wasm_f32x4_splat(a_mult), hi = wasm_f32x4_splat(127.f), lo = wasm_f32x4_splat(-127.f),
               magic = wasm_f32x4_splat(kRoundMagic), shift = wasm_i32x4_splat(127);
  int i = 0;
  for (; i + 16 <= n; i += 16) {
    v128_t w[4];
    for (int h = 0; h < 4; ++h) {
      v128_t v = wasm_f32x4_mul(wasm_v128_load(x + i + 4 * h), vm);
      v = wasm_v128_bitselect(v, lo, wasm_f32x4_eq(v, v));  // NaN -> -127
      v = wasm_f32x4_pmin(hi, wasm_f32x4_pmax(lo, v));
      v = wasm_f32x4_sub(wasm_f32x4_add(v, magic), magic);
      w[h] = wasm_i32x4_add(wasm_i32x4_trunc_sat_f32x4(v), shift);  // 0..254
    }
    const v128_t s16a = wasm_i16x8_narrow_i32x4(w[0], w[1]), s16b = wasm_i16x8_narrow_i32x4(w[2], w[3]);
    wasm_v128_store(q + i, wasm_u8x16_narrow_i16x8(s16a, s16b));
  }
  qu8_quantize_shifted__scalar(x + i, n - i, a_mult, q + i);
}

}  // namespace tw::kernels
#endif
