// Per-step decoder kernels (XNNPACK-style names, one enumerator each, like attention.h):
//   f32_ssru: the SSRU cell update, element-wise over n = rows * d:
//             f = 1 / (1 + Exp(-a)), c = f * c + (1 - f) * b, a = c > 0 ? c : 0
//             (a: forget-gate pre-activations in, the cell's ReLU output out; b: x W^T; c: cell)
//   f32_argmax: greedy search's top-1: the first index of the largest value, `skip` excluded
//             (UNK); when the first candidate is NaN it is returned (as the scalar loop does).
//   qs8_embed: one token's embedding from an int8 row, out[c] = (float(q[c]) * row_scale) * mult
//             + signal[c] (mult = sqrt(d), signal = the positional signal).
// Every variant equals the scalar one bit for bit: same float operations per element, and a
// maximum does not depend on order.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "backends/kernels/gemm.h"  // Kernel<Fn>

namespace tw::kernels {

using F32SsruFn = void (*)(float* a, const float* b, float* c, size_t n);
using F32ArgmaxFn = int (*)(const float* x, int n, int skip);
using Qs8EmbedFn = void (*)(const int8_t* q, float row_scale, float mult, const float* signal, int d, float* out);

void f32_ssru__scalar(float* a, const float* b, float* c, size_t n);
int f32_argmax__scalar(const float* x, int n, int skip);
void qs8_embed__scalar(const int8_t* q, float row_scale, float mult, const float* signal, int d, float* out);
#if defined(__x86_64__)
void f32_ssru__avx2(float* a, const float* b, float* c, size_t n);
int f32_argmax__avx2(const float* x, int n, int skip);
void qs8_embed__avx2(const int8_t* q, float row_scale, float mult, const float* signal, int d, float* out);
#endif
#if defined(__wasm_simd128__)
void f32_ssru__wasmsimd(float* a, const float* b, float* c, size_t n);
int f32_argmax__wasmsimd(const float* x, int n, int skip);
void qs8_embed__wasmsimd(const int8_t* q, float row_scale, float mult, const float* signal, int d, float* out);
#endif

const std::vector<Kernel<F32SsruFn>>& F32SsruKernels();
const std::vector<Kernel<F32ArgmaxFn>>& F32ArgmaxKernels();
const std::vector<Kernel<Qs8EmbedFn>>& Qs8EmbedKernels();
F32SsruFn BestF32Ssru();
Qs8EmbedFn BestQs8Embed();
F32ArgmaxFn BestF32Argmax();

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
