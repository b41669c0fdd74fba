// The attention kernel family's enumerator (attention.h).
#include "ops/kernels/attention.h"

namespace tw::kernels {
const std::vector<Kernel<F32AttentionFn>>& F32AttentionKernels() {
  static const std::vector<Kernel<F32AttentionFn>> list = {
      {"f32_attention__scalar", f32_attention__scalar, AlwaysAvailable},
#if defined(__x86_64__)
      {"f32_attention__avx2", f32_attention__avx2, CpuHasAvx2},
#endif
#if defined(__wasm_simd128__)
      {"f32_attention__wasmsimd", f32_attention__wasmsimd, AlwaysAvailable},
#endif
  };
  return list;
}

F32AttentionFn BestF32Attention() { return BestOf(F32AttentionKernels()); }

}  // namespace tw::kernels
