// One check per kernel family: does `kernel` compute what the family's scalar reference computes,
// on inputs chosen to break SIMD variants (lengths around the vector widths, tails, hostile
// values)? Bit for bit, except f32 GEMM (summation order, within rounding). The conformance test
// runs every kernel of every family through its family's check.
#pragma once
#include <gtest/gtest.h>

#include "kernels/gemm.h"
#include "kernels/quantize.h"
#include "kernels/attention.h"
#include "kernels/layernorm.h"
#include "kernels/step.h"

namespace tw::kernels::checks {

using Result = ::testing::AssertionResult;

Result Qs8Gemm(Qs8GemmFn kernel, Qs8GemmFn reference);
Result Qs8c2Gemm(Qs8c2GemmFn kernel, Qs8c2GemmFn reference);
Result F32Gemm(F32GemmFn kernel, F32GemmFn reference);
Result Qu8s8SatGemm(Qu8s8SatGemmFn kernel, Qu8s8SatGemmFn reference);
Result Qs16Quantize(Qs16QuantizeFn kernel, Qs16QuantizeFn reference);
Result Qu8QuantizeShifted(Qu8QuantizeShiftedFn kernel, Qu8QuantizeShiftedFn reference);
Result F32Attention(F32AttentionFn kernel, F32AttentionFn reference);
Result F32AddLayerNorm(F32AddLayerNormFn kernel, F32AddLayerNormFn reference);
Result F32Ssru(F32SsruFn kernel, F32SsruFn reference);
Result F32Argmax(F32ArgmaxFn kernel, F32ArgmaxFn reference);
Result F32ExpShifted(F32ExpShiftedFn kernel, F32ExpShiftedFn reference);
Result Qs8Embed(Qs8EmbedFn kernel, Qs8EmbedFn reference);

}  // namespace tw::kernels::checks
