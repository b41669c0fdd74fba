// The enumerators of every kernel family (gemm.h, quantize.h) and the choice of the best one.
#include "backends/kernels/gemm.h"
#include "backends/kernels/quantize.h"

namespace tw::kernels {
const std::vector<Kernel<Qs8GemmFn>>& Qs8GemmKernels() {
  static const std::vector<Kernel<Qs8GemmFn>> list = {
      {"qs8_gemm_1x1__scalar", qs8_gemm_1x1__scalar, AlwaysAvailable},
#if defined(__x86_64__)
      {"qs8_gemm_4x2__avx2", qs8_gemm_4x2__avx2, CpuHasAvx2},
#endif
#if defined(__wasm_simd128__)
      {"qs8_gemm_4x2__wasmsimd", qs8_gemm_4x2__wasmsimd, AlwaysAvailable},
#endif
  };
  return list;
}

const std::vector<Kernel<F32GemmFn>>& F32GemmKernels() {
  static const std::vector<Kernel<F32GemmFn>> list = {
      {"f32_gemm_1x1__scalar", f32_gemm_1x1__scalar, AlwaysAvailable},
#if defined(__x86_64__)
      {"f32_gemm_4x2__avx2", f32_gemm_4x2__avx2, CpuHasAvx2},
#endif
#if defined(__wasm_simd128__)
      {"f32_gemm_4x2__wasmsimd", f32_gemm_4x2__wasmsimd, AlwaysAvailable},
#endif
  };
  return list;
}

const std::vector<Kernel<Qu8s8SatGemmFn>>& Qu8s8SatGemmKernels() {
  static const std::vector<Kernel<Qu8s8SatGemmFn>> list = {
      {"qu8s8sat_gemm_1x1__scalar", qu8s8sat_gemm_1x1__scalar, AlwaysAvailable},
#if defined(__x86_64__)
      {"qu8s8sat_gemm_4x2__avx2", qu8s8sat_gemm_4x2__avx2, CpuHasAvx2},
#endif
#if defined(__wasm_simd128__)
      {"qu8s8sat_gemm_4x2__wasmsimd", qu8s8sat_gemm_4x2__wasmsimd, AlwaysAvailable},
#endif
  };
  return list;
}

const std::vector<Kernel<Qs16QuantizeFn>>& Qs16QuantizeKernels() {
  static const std::vector<Kernel<Qs16QuantizeFn>> list = {
      {"qs16_quantize__scalar", qs16_quantize__scalar, AlwaysAvailable},
#if defined(__x86_64__)
      {"qs16_quantize__avx2", qs16_quantize__avx2, CpuHasAvx2},
#endif
#if defined(__wasm_simd128__)
      {"qs16_quantize__wasmsimd", qs16_quantize__wasmsimd, AlwaysAvailable},
#endif
  };
  return list;
}

const std::vector<Kernel<Qu8QuantizeShiftedFn>>& Qu8QuantizeShiftedKernels() {
  static const std::vector<Kernel<Qu8QuantizeShiftedFn>> list = {
      {"qu8_quantize_shifted__scalar", qu8_quantize_shifted__scalar, AlwaysAvailable},
#if defined(__x86_64__)
      {"qu8_quantize_shifted__avx2", qu8_quantize_shifted__avx2, CpuHasAvx2},
#endif
#if defined(__wasm_simd128__)
      {"qu8_quantize_shifted__wasmsimd", qu8_quantize_shifted__wasmsimd, AlwaysAvailable},
#endif
  };
  return list;
}

Qs8GemmFn BestQs8Gemm() { return BestOf(Qs8GemmKernels()); }
F32GemmFn BestF32Gemm() { return BestOf(F32GemmKernels()); }
Qu8s8SatGemmFn BestQu8s8SatGemm() { return BestOf(Qu8s8SatGemmKernels()); }
Qs16QuantizeFn BestQs16Quantize() { return BestOf(Qs16QuantizeKernels()); }
Qu8QuantizeShiftedFn BestQu8QuantizeShifted() { return BestOf(Qu8QuantizeShiftedKernels()); }

}  // namespace tw::kernels
