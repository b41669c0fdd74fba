// Activation quantization kernels (the int8 path's per-row prologue, measured at ~18 % of native
// decode time when scalar): XNNPACK-style names <op>__<isa>, one list per family (kernel.h).
//   qs16_quantize: q[i] = round-half-even(clamp(x[i] * (L / max|x|), -L, L)), NaN -> 0; returns
//                  max|x| / L (0 and all-zero q for an all-zero row). L = `levels`.
//   qu8_quantize_shifted: Marian's uint8 activations, clamp(round-half-even(x * a_mult), ±127) + 127,
//                  NaN -> 0 (backends/marian_int8.h).
// Every variant must equal the scalar one bit for bit (max is order-free; the rest is per element).
#pragma once
#include <cstdint>

#include "kernels/kernel.h"

namespace tw::kernels {

using Qs16QuantizeSig = float(const float* x, int n, float levels, int16_t* q);
using Qu8QuantizeShiftedSig = void(const float* x, int n, float a_mult, uint8_t* q);

#define TW_QS16_QUANTIZE_KERNELS(X, F) TW_SCALAR_AVX2_WASMSIMD(X, F, qs16_quantize)
#define TW_QU8_QUANTIZE_SHIFTED_KERNELS(X, F) TW_SCALAR_AVX2_WASMSIMD(X, F, qu8_quantize_shifted)
TW_DECLARE_KERNEL_FAMILY(Qs16Quantize, TW_QS16_QUANTIZE_KERNELS)
TW_DECLARE_KERNEL_FAMILY(Qu8QuantizeShifted, TW_QU8_QUANTIZE_SHIFTED_KERNELS)

// Round half to even for |v| <= 2^22 by adding and removing 1.5 * 2^23: exact IEEE arithmetic in
// every build and every SIMD width, no libm call.
constexpr float kRoundMagic = 12582912.f;

// The scalar steps, shared by the SIMD kernels for what lies beyond their last full vector.
inline float AbsMax(const float* x, int from, int n, float amax) {
  for (int i = from; i < n; ++i) {
    const float a = x[i] < 0.f ? -x[i] : x[i];
    amax = a > amax ? a : amax;  // NaN never compares greater: ignored
  }
  return amax;
}
inline void QuantizeTail(const float* x, int from, int n, float inv, float levels, int16_t* q) {
  for (int i = from; i < n; ++i) {
    // Clamped so that overflowed activations (inf, NaN from a damaged model) stay defined.
    float v = x[i] * inv;
    v = v != v ? 0.f : (v > levels ? levels : (v < -levels ? -levels : v));
    q[i] = static_cast<int16_t>((v + kRoundMagic) - kRoundMagic);
  }
}

}  // namespace tw::kernels
