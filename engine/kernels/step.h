// Per-step decoder kernels (XNNPACK-style names, one list each, kernels/kernel.h):
//   f32_ssru: the SSRU cell update, element-wise over n = rows * d:
//             f = 1 / (1 + Exp(-a)), c = f * c + (1 - f) * b, a = c > 0 ? c : 0
//             (a: forget-gate pre-activations in, the cell's ReLU output out; b: x W^T; c: cell)
//   f32_argmax: greedy search's top-1: the first index of the largest value, `skip` excluded
//             (UNK); when the first candidate is NaN it is returned (as the scalar loop does).
//   f32_exp_shifted: out[i] = Exp(x[i] - shift) (kernels/exp.h), element-wise: the softmax terms
//             of a confidence score (ops/ops.h LogProbabilityOfBest).
//   qs8_embed: one token's embedding from an int8 row, out[c] = (float(q[c]) * row_scale) * mult
//             + signal[c] (mult = sqrt(d), signal = the positional signal).
// Every variant equals the scalar one bit for bit: same float operations per element, and a
// maximum does not depend on order.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "kernels/kernel.h"

namespace tw::kernels {

using F32SsruSig = void(float* a, const float* b, float* c, size_t n);
using F32ArgmaxSig = int(const float* x, int n, int skip);
using F32ExpShiftedSig = void(const float* x, size_t n, float shift, float* out);
using Qs8EmbedSig = void(const int8_t* q, float row_scale, float mult, const float* signal, int d, float* out);

#define TW_F32_SSRU_KERNELS(X, F) TW_SCALAR_AVX2_WASMSIMD(X, F, f32_ssru)
#define TW_F32_ARGMAX_KERNELS(X, F) TW_SCALAR_AVX2_WASMSIMD(X, F, f32_argmax)
#define TW_F32_EXP_SHIFTED_KERNELS(X, F) TW_SCALAR_AVX2_WASMSIMD(X, F, f32_exp_shifted)
#define TW_QS8_EMBED_KERNELS(X, F) TW_SCALAR_AVX2_WASMSIMD(X, F, qs8_embed)
TW_DECLARE_KERNEL_FAMILY(F32Ssru, TW_F32_SSRU_KERNELS)
TW_DECLARE_KERNEL_FAMILY(F32Argmax, TW_F32_ARGMAX_KERNELS)
TW_DECLARE_KERNEL_FAMILY(F32ExpShifted, TW_F32_EXP_SHIFTED_KERNELS)
TW_DECLARE_KERNEL_FAMILY(Qs8Embed, TW_QS8_EMBED_KERNELS)

// The scalar steps, shared with the SIMD kernels' tails.
inline int FirstCandidate(int n, int skip) { return skip == 0 ? (n > 1 ? 1 : -1) : (n > 0 ? 0 : -1); }
inline float MaxOf(const float* x, int from, int n, int skip, float best) {
  for (int i = from; i < n; ++i)
    if (i != skip && x[i] > best) best = x[i];
  return best;
}
inline int FirstIndexOf(const float* x, int from, int n, int skip, float value) {
  for (int i = from; i < n; ++i)
    if (i != skip && x[i] == value) return i;
  return -1;
}

}  // namespace tw::kernels
