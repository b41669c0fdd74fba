// SIMD128 add + layer norm, bit-identical to the scalar kernel (layernorm.h): lane k sums row k.
#if defined(__wasm_simd128__)
#include <wasm_simd128.h>

#include "kernels/layernorm.h"

namespace tw::kernels {
namespace {

// 4 x 4 transpose: in[r] holds row r's elements i..i+3; out[k] holds element i+k of rows 0..3.
inline void Transpose4(const v128_t in[4], v128_t out[4]) {
  const v128_t a = wasm_i32x4_shuffle(in[0], in[1], 0, 4, 1, 5), b = wasm_i32x4_shuffle(in[0], in[1], 2, 6, 3, 7);
  const v128_t c = wasm_i32x4_shuffle(in[2], in[3], 0, 4, 1, 5), e = wasm_i32x4_shuffle(in[2], in[3], 2, 6, 3, 7);
  out[0] = wasm_i32x4_shuffle(a, c, 0, 1, 4, 5);
  out[1] = wasm_i32x4_shuffle(a, c, 2, 3, 6, 7);
  out[2] = wasm_i32x4_shuffle(b, e, 0, 1, 4, 5);
  out[3] = wasm_i32x4_shuffle(b, e, 2, 3, 6, 7);
}

}  // namespace

void f32_add_layernorm__wasmsimd(float* x, const float* residual, int rows, int d, const float* scale,
                                 const float* bias) {
  if (d % 4) return f32_add_layernorm__scalar(x, residual, rows, d, scale, bias);
  int r0 = 0;
  for (; r0 + 4 <= rows; r0 += 4) {
    float* v[4];
    for (int k = 0; k < 4; ++k) v[k] = x + (size_t)(r0 + k) * d;
    v128_t sum = wasm_f32x4_splat(0.f);
    for (int i = 0; i < d; i += 4) {
      v128_t row[4], col[4];
      for (int k = 0; k < 4; ++k) {
        row[k] = wasm_f32x4_add(wasm_v128_load(v[k] + i), wasm_v128_load(residual + (size_t)(r0 + k) * d + i));
        wasm_v128_store(v[k] + i, row[k]);
      }
      Transpose4(row, col);
      for (int k = 0; k < 4; ++k) sum = wasm_f32x4_add(sum, col[k]);
    }
    const v128_t n = wasm_f32x4_splat(static_cast<float>(d));
    const v128_t mean = wasm_f32x4_div(sum, n);
    v128_t var = wasm_f32x4_splat(0.f);
    for (int i = 0; i < d; i += 4) {
      v128_t row[4], col[4];
      for (int k = 0; k < 4; ++k) row[k] = wasm_v128_load(v[k] + i);
      Transpose4(row, col);
      for (int k = 0; k < 4; ++k) {
        const v128_t diff = wasm_f32x4_sub(col[k], mean);
        var = wasm_f32x4_add(var, wasm_f32x4_mul(diff, diff));
      }
    }
    var = wasm_f32x4_div(var, n);
    const v128_t inv = wasm_f32x4_div(wasm_f32x4_splat(1.f), wasm_f32x4_sqrt(wasm_f32x4_add(var, wasm_f32x4_splat(1e-6f))));
    const float means[4] = {wasm_f32x4_extract_lane(mean, 0), wasm_f32x4_extract_lane(mean, 1),
                            wasm_f32x4_extract_lane(mean, 2), wasm_f32x4_extract_lane(mean, 3)};
    const float invs[4] = {wasm_f32x4_extract_lane(inv, 0), wasm_f32x4_extract_lane(inv, 1), wasm_f32x4_extract_lane(inv, 2),
                           wasm_f32x4_extract_lane(inv, 3)};
    for (int k = 0; k < 4; ++k) {
      const v128_t m = wasm_f32x4_splat(means[k]), s = wasm_f32x4_splat(invs[k]);
      for (int i = 0; i < d; i += 4) {
        const v128_t t = wasm_f32x4_mul(wasm_f32x4_mul(wasm_f32x4_sub(wasm_v128_load(v[k] + i), m), s), wasm_v128_load(scale + i));
        wasm_v128_store(v[k] + i, wasm_f32x4_add(t, wasm_v128_load(bias + i)));
      }
    }
  }
  f32_add_layernorm__scalar(x + (size_t)r0 * d, residual + (size_t)r0 * d, rows - r0, d, scale, bias);
}

}  // namespace tw::kernels
#endif
