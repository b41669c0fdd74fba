// Attention kernels: one query row block against a sentence's keys and values, fused softmax.
// XNNPACK-style names f32_attention__<isa>, one enumerator (like backends/kernels/gemm.h).
//
// Contract, per head h (heads are contiguous dh = d / heads slices) and query row i:
//   s[j] = (sum over c, in order, of q[i, h dh + c] * kt[(h dh + c) * ldk + j]) * (1 / sqrt(dh))
//   p[j] = Exp(s[j] - max s) (ops/exp.h), sum = p[0] + p[1] + ... in order
//   out[i, h dh + c] = sum over j, in order, of (p[j] * (1 / sum)) * v[j, h dh + c]
// for j < valid_k. Keys come transposed (kt [d, ldk]: key j is column j) so that SIMD lanes can
// take 4 or 8 keys at once while each score keeps the scalar summation order; outputs are
// vectorized over c, again in the scalar order. So every variant equals the scalar one bit for
// bit, and so does the WGSL attention kernel.
#pragma once
#include <vector>

#include "backends/kernels/gemm.h"  // Kernel<Fn>

namespace tw::kernels {

// p: scratch of at least valid_k floats.
using F32AttentionFn = void (*)(const float* q, int tq, const float* kt, int ldk, const float* v, int valid_k,
                                int heads, int d, float* out, float* p);

void f32_attention__scalar(const float* q, int tq, const float* kt, int ldk, const float* v, int valid_k, int heads,
                           int d, float* out, float* p);
#if defined(__x86_64__)
void f32_attention__avx2(const float* q, int tq, const float* kt, int ldk, const float* v, int valid_k, int heads,
                         int d, float* out, float* p);
#endif
#if defined(__wasm_simd128__)
void f32_attention__wasmsimd(const float* q, int tq, const float* kt, int ldk, const float* v, int valid_k, int heads,
                             int d, float* out, float* p);
#endif

const std::vector<Kernel<F32AttentionFn>>& F32AttentionKernels();
F32AttentionFn BestF32Attention();

}  // namespace tw::kernels
