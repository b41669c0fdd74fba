// Add + layer-norm kernels (post-norm: x = LayerNorm(x + residual) * scale + bias, eps 1e-6,
// biased variance), XNNPACK-style names f32_add_layernorm__<isa>, one enumerator.
// The scalar kernel is the definition: per row, mean and variance are sums taken in element
// order (as the WGSL kernel takes them). SIMD variants keep that order by giving each lane its
// own row: 4 rows at a time, transposed in 4 x 4 blocks, so every row's sums see the same
// additions in the same order; the element-wise parts need no such care. Bit-identical.
#pragma once
#include <vector>

#include "backends/kernels/gemm.h"  // Kernel<Fn>

namespace tw::kernels {

using F32AddLayerNormFn = void (*)(float* x, const float* residual, int rows, int d, const float* scale,
                                   const float* bias);

void f32_add_layernorm__scalar(float* x, const float* residual, int rows, int d, const float* scale, const float* bias);
#if defined(__x86_64__)
void f32_add_layernorm__sse2(float* x, const float* residual, int rows, int d, const float* scale, const float* bias);
#endif
#if defined(__wasm_simd128__)
void f32_add_layernorm__wasmsimd(float* x, const float* residual, int rows, int d, const float* scale,
                                 const float* bias);
#endif

const std::vector<Kernel<F32AddLayerNormFn>>& F32AddLayerNormKernels();
F32AddLayerNormFn BestF32AddLayerNorm();

}  // namespace tw::kernels
