// The lists of the backend's kernel families (gemm.h, quantize.h; kernel.h makes them).
#include "backends/kernels/gemm.h"
#include "backends/kernels/quantize.h"

namespace tw::kernels {
TW_DEFINE_KERNEL_FAMILY(Qs8Gemm, TW_QS8_GEMM_KERNELS)
TW_DEFINE_KERNEL_FAMILY(F32Gemm, TW_F32_GEMM_KERNELS)
TW_DEFINE_KERNEL_FAMILY(Qu8s8SatGemm, TW_QU8S8SAT_GEMM_KERNELS)
TW_DEFINE_KERNEL_FAMILY(Qs16Quantize, TW_QS16_QUANTIZE_KERNELS)
TW_DEFINE_KERNEL_FAMILY(Qu8QuantizeShifted, TW_QU8_QUANTIZE_SHIFTED_KERNELS)
}  // namespace tw::kernels
