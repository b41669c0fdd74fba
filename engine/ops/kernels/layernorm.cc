// The add + layer-norm kernel family's enumerator (layernorm.h).
#include "ops/kernels/layernorm.h"

namespace tw::kernels {

const std::vector<Kernel<F32AddLayerNormFn>>& F32AddLayerNormKernels() {
  static const std::vector<Kernel<F32AddLayerNormFn>> list = {
      {"f32_add_layernorm__scalar", f32_add_layernorm__scalar, AlwaysAvailable},
#if defined(__x86_64__)
      {"f32_add_layernorm__sse2", f32_add_layernorm__sse2, AlwaysAvailable},
#endif
#if defined(__wasm_simd128__)
      {"f32_add_layernorm__wasmsimd", f32_add_layernorm__wasmsimd, AlwaysAvailable},
#endif
  };
  return list;
}

F32AddLayerNormFn BestF32AddLayerNorm() { return BestOf(F32AddLayerNormKernels()); }

}  // namespace tw::kernels
