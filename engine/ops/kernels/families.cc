// The lists of the ops' kernel families (attention.h, layernorm.h, step.h; kernel.h makes them).
#include "ops/kernels/attention.h"
#include "ops/kernels/layernorm.h"
#include "ops/kernels/step.h"

namespace tw::kernels {
TW_DEFINE_KERNEL_FAMILY(F32Attention, TW_F32_ATTENTION_KERNELS)
TW_DEFINE_KERNEL_FAMILY(F32AddLayerNorm, TW_F32_ADD_LAYERNORM_KERNELS)
TW_DEFINE_KERNEL_FAMILY(F32Ssru, TW_F32_SSRU_KERNELS)
TW_DEFINE_KERNEL_FAMILY(F32Argmax, TW_F32_ARGMAX_KERNELS)
TW_DEFINE_KERNEL_FAMILY(F32ExpShifted, TW_F32_EXP_SHIFTED_KERNELS)
TW_DEFINE_KERNEL_FAMILY(Qs8Embed, TW_QS8_EMBED_KERNELS)
}  // namespace tw::kernels
