// SIMD128 attention, equal to the scalar kernel bit for bit (attention.h): scores for 4 keys at
// a time (each lane sums over c in order), Exp on 4 lanes, outputs 4 channels at a time.
#if defined(__wasm_simd128__)
#include <wasm_simd128.h>

#include <cmath>

#include "kernels/attention.h"
#include "kernels/exp-wasmsimd.h"

namespace tw::kernels {

void f32_attention__wasmsimd(const float* q, int tq, const float* kt, int ldk, const float* v, int valid_k, int heads,
                             int d, float* out, float* p) {
  const int dh = d / heads;
  const float inv_sqrt = 1.f / std::sqrt(static_cast<float>(dh));
  const int j4 = valid_k / 4 * 4, c4 = dh / 4 * 4;
  for (int h = 0; h < heads; ++h) {
    const float* kh = kt + (size_t)h * dh * ldk;
    for (int i = 0; i < tq; ++i) {
      const float* qi = q + (size_t)i * d + h * dh;
      for (int j = 0; j < j4; j += 4) {
        v128_t s = wasm_f32x4_splat(0.f);
        for (int c = 0; c < dh; ++c)
          s = wasm_f32x4_add(s, wasm_f32x4_mul(wasm_f32x4_splat(qi[c]), wasm_v128_load(kh + (size_t)c * ldk + j)));
        wasm_v128_store(p + j, wasm_f32x4_mul(s, wasm_f32x4_splat(inv_sqrt)));
      }
      ScoreKeys(qi, kh, ldk, dh, inv_sqrt, j4, valid_k, p);
      const float mx = LargestScore(p, valid_k);
      for (int j = 0; j < j4; j += 4)
        wasm_v128_store(p + j, ExpWasmSimd(wasm_f32x4_sub(wasm_v128_load(p + j), wasm_f32x4_splat(mx))));
      ExpMinus(p, j4, valid_k, mx);
      const float inv_sum = 1.f / SumInOrder(p, valid_k);
      float* o = out + (size_t)i * d + h * dh;
      for (int c = 0; c < dh; ++c) o[c] = 0.f;
      for (int j = 0; j < valid_k; ++j) {
        const float w = p[j] * inv_sum;
        const v128_t wv = wasm_f32x4_splat(w);
        const float* vj = v + (size_t)j * d + h * dh;
        for (int c = 0; c < c4; c += 4)
          wasm_v128_store(o + c, wasm_f32x4_add(wasm_v128_load(o + c), wasm_f32x4_mul(wv, wasm_v128_load(vj + c))));
        AddWeighted(w, vj, c4, dh, o);
      }
    }
  }
}

}  // namespace tw::kernels
#endif
