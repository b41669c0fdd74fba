// The per-step kernel families' enumerators (step.h).
#include "ops/kernels/step.h"

namespace tw::kernels {

const std::vector<Kernel<F32SsruFn>>& F32SsruKernels() {
  static const std::vector<Kernel<F32SsruFn>> list = {
      {"f32_ssru__scalar", f32_ssru__scalar, AlwaysAvailable},
#if defined(__x86_64__)
      {"f32_ssru__avx2", f32_ssru__avx2, CpuHasAvx2},
#endif
#if defined(__wasm_simd128__)
      {"f32_ssru__wasmsimd", f32_ssru__wasmsimd, AlwaysAvailable},
#endif
  };
  return list;
}

const std::vector<Kernel<F32ArgmaxFn>>& F32ArgmaxKernels() {
  static const std::vector<Kernel<F32ArgmaxFn>> list = {
      {"f32_argmax__scalar", f32_argmax__scalar, AlwaysAvailable},
#if defined(__x86_64__)
      {"f32_argmax__avx2", f32_argmax__avx2, CpuHasAvx2},
#endif
#if defined(__wasm_simd128__)
      {"f32_argmax__wasmsimd", f32_argmax__wasmsimd, AlwaysAvailable},
#endif
  };
  return list;
}

const std::vector<Kernel<Qs8EmbedFn>>& Qs8EmbedKernels() {
  static const std::vector<Kernel<Qs8EmbedFn>> list = {
      {"qs8_embed__scalar", qs8_embed__scalar, AlwaysAvailable},
#if defined(__x86_64__)
      {"qs8_embed__avx2", qs8_embed__avx2, CpuHasAvx2},
#endif
#if defined(__wasm_simd128__)
      {"qs8_embed__wasmsimd", qs8_embed__wasmsimd, AlwaysAvailable},
#endif
  };
  return list;
}

F32SsruFn BestF32Ssru() { return BestOf(F32SsruKernels()); }
F32ArgmaxFn BestF32Argmax() { return BestOf(F32ArgmaxKernels()); }
Qs8EmbedFn BestQs8Embed() { return BestOf(Qs8EmbedKernels()); }

}  // namespace tw::kernels
