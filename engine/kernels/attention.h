// Attention kernels: one query row block against a sentence's keys and values, fused softmax.
// XNNPACK-style names f32_attention__<isa>, one list (kernels/kernel.h).
//
// Contract, per head h (heads are contiguous dh = d / heads slices) and query row i:
//   s[j] = (sum over c, in order, of q[i, h dh + c] * kt[(h dh + c) * ldk + j]) * (1 / sqrt(dh))
//   p[j] = Exp(s[j] - max s) (kernels/exp.h), sum = p[0] + p[1] + ... in order
//   out[i, h dh + c] = sum over j, in order, of (p[j] * (1 / sum)) * v[j, h dh + c]
// for j < valid_k. Keys come transposed (kt [d, ldk]: key j is column j) so that SIMD lanes can
// take 4 or 8 keys at once while each score keeps the scalar summation order; outputs are
// vectorized over c, again in the scalar order. So every variant equals the scalar one bit for
// bit, and so does the WGSL attention kernel.
#pragma once
#include <cmath>
#include <vector>

#include "kernels/exp.h"

#include "kernels/kernel.h"

namespace tw::kernels {

// p: scratch of at least valid_k floats.
using F32AttentionSig = void(const float* q, int tq, const float* kt, int ldk, const float* v, int valid_k, int heads,
                             int d, float* out, float* p);

#define TW_F32_ATTENTION_KERNELS(X, F) TW_SCALAR_AVX2_WASMSIMD(X, F, f32_attention)
TW_DECLARE_KERNEL_FAMILY(F32Attention, TW_F32_ATTENTION_KERNELS)

// The scalar steps of the definition, in order. The scalar kernel is made of them; the SIMD
// kernels call them for what lies beyond their last full vector and for the order-bound sums.
inline void ScoreKeys(const float* qi, const float* kh, int ldk, int dh, float inv_sqrt, int from, int to, float* p) {
  for (int j = from; j < to; ++j) {
    float s = 0.f;
    for (int c = 0; c < dh; ++c) s += qi[c] * kh[(size_t)c * ldk + j];
    p[j] = s * inv_sqrt;
  }
}
inline float LargestScore(const float* p, int n) {
  float mx = -INFINITY;
  for (int j = 0; j < n; ++j) mx = p[j] > mx ? p[j] : mx;
  return mx;
}
inline void ExpMinus(float* p, int from, int to, float mx) {
  for (int j = from; j < to; ++j) p[j] = Exp(p[j] - mx);
}
inline float SumInOrder(const float* p, int n) {
  float sum = 0.f;
  for (int j = 0; j < n; ++j) sum += p[j];
  return sum;
}
inline void AddWeighted(float w, const float* vj, int from, int to, float* o) {
  for (int c = from; c < to; ++c) o[c] += w * vj[c];
}


}  // namespace tw::kernels
