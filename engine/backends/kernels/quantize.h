// Activation quantization kernels (the int8 path's per-row prologue, measured at ~18 % of native
// decode time when scalar): XNNPACK-style names <op>__<isa>, one enumerator feeding the backend,
// the kernel test and the kernel benchmark, exactly like gemm.h.
//   qs16_quantize: q[i] = round-half-even(clamp(x[i] * (L / max|x|), -L, L)), NaN -> 0; returns
//                  max|x| / L (0 and all-zero q for an all-zero row). L = `levels`.
//   qu8_quantize_shifted: Marian's uint8 activations, clamp(round-half-even(x * a_mult), ±127) + 127,
//                  NaN -> 0 (backends/marian_int8.h).
// Every variant must equal the scalar one bit for bit (max is order-free; the rest is per element).
#pragma once
#include <cstdint>
#include <vector>

#include "backends/kernels/gemm.h"  // Kernel<Fn>

namespace tw::kernels {

using Qs16QuantizeFn = float (*)(const float* x, int n, float levels, int16_t* q);
using Qu8QuantizeShiftedFn = void (*)(const float* x, int n, float a_mult, uint8_t* q);

float qs16_quantize__scalar(const float* x, int n, float levels, int16_t* q);
void qu8_quantize_shifted__scalar(const float* x, int n, float a_mult, uint8_t* q);
#if defined(__x86_64__)
float qs16_quantize__avx2(const float* x, int n, float levels, int16_t* q);
void qu8_quantize_shifted__avx2(const float* x, int n, float a_mult, uint8_t* q);
#endif
#if defined(__wasm_simd128__)
float qs16_quantize__wasmsimd(const float* x, int n, float levels, int16_t* q);
void qu8_quantize_shifted__wasmsimd(const float* x, int n, float a_mult, uint8_t* q);
#endif

const std::vector<Kernel<Qs16QuantizeFn>>& Qs16QuantizeKernels();
const std::vector<Kernel<Qu8QuantizeShiftedFn>>& Qu8QuantizeShiftedKernels();
Qs16QuantizeFn BestQs16Quantize();
Qu8QuantizeShiftedFn BestQu8QuantizeShifted();

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
