// Add + layer-norm kernels (post-norm: x = LayerNorm(x + residual) * scale + bias, eps 1e-6,
// biased variance), XNNPACK-style names f32_add_layernorm__<isa>, one list (kernel.h).
// The scalar kernel is the definition: per row, mean and variance are sums taken in element
// order (as the WGSL kernel takes them). SIMD variants keep that order by giving each lane its
// own row: 4 rows at a time, transposed in 4 x 4 blocks, so every row's sums see the same
// additions in the same order; the element-wise parts need no such care. Bit-identical.
#pragma once
#include <vector>

#include "kernels/kernel.h"

namespace tw::kernels {

using F32AddLayerNormSig = void(float* x, const float* residual, int rows, int d, const float* scale, const float* bias);

#define TW_F32_ADD_LAYERNORM_KERNELS(X, F)                \
  X(F, f32_add_layernorm__scalar, AlwaysAvailable)        \
  TW_ON_X86(X(F, f32_add_layernorm__sse2, AlwaysAvailable)) \
  TW_ON_WASM(X(F, f32_add_layernorm__wasmsimd, AlwaysAvailable))
TW_DECLARE_KERNEL_FAMILY(F32AddLayerNorm, TW_F32_ADD_LAYERNORM_KERNELS)

}  // namespace tw::kernels
