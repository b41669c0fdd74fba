// What every kernel family shares: the Kernel entry, the choice of the best one, and the one list
// per family that declares its kernels and feeds the backend (Best<Family>), the conformance test
// (tests/engine/kernels/conformance_test.cc: every kernel against the family's scalar reference)
// and the kernel benchmark (<Family>Kernels()).
//
// A family header defines <Family>Sig (the function type) and its list, one line per kernel, the
// scalar reference first, ISA variants wrapped in TW_ON_X86 / TW_ON_WASM:
//   #define TW_QS8_GEMM_KERNELS(X, F)  X(F, qs8_gemm_1x1__scalar, AlwaysAvailable)
//                                     TW_ON_X86(X(F, qs8_gemm_4x2__avx2, CpuHasAvx2)) ...
// (continued lines end in backslashes), or, for the usual three (scalar, AVX2, SIMD128),
//   #define TW_F32_SSRU_KERNELS(X, F) TW_SCALAR_AVX2_WASMSIMD(X, F, f32_ssru)
// then TW_DECLARE_KERNEL_FAMILY(Qs8Gemm, TW_QS8_GEMM_KERNELS) (which also makes Qs8GemmFn), and
// families.cc has TW_DEFINE_KERNEL_FAMILY(Qs8Gemm, TW_QS8_GEMM_KERNELS). Adding a kernel is its
// definition (in its <family>-<isa>.cc file) and its line in the list.
#pragma once
#include <vector>

namespace tw::kernels {

template <typename Fn>
struct Kernel {
  const char* name;
  Fn fn;
  bool (*available)();
};

// `available` predicates.
inline bool AlwaysAvailable() { return true; }
#if defined(__x86_64__)
inline bool CpuHasAvx2() { return __builtin_cpu_supports("avx2"); }
inline bool CpuHasAvx512Vnni() {
  return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vnni");
}
#endif

// The fastest kernel of a family this CPU can run: the last available one in its list.
template <typename Fn>
Fn BestOf(const std::vector<Kernel<Fn>>& list) {
  Fn best = list.front().fn;
  for (const auto& k : list)
    if (k.available()) best = k.fn;
  return best;
}

}  // namespace tw::kernels

#if defined(__x86_64__)
#define TW_ON_X86(...) __VA_ARGS__
#else
#define TW_ON_X86(...)
#endif
#if defined(__wasm_simd128__)
#define TW_ON_WASM(...) __VA_ARGS__
#else
#define TW_ON_WASM(...)
#endif

// The usual list: the scalar reference, AVX2 on x86, SIMD128 in WASM.
#define TW_SCALAR_AVX2_WASMSIMD(X, F, op)    \
  X(F, op##__scalar, AlwaysAvailable)         \
  TW_ON_X86(X(F, op##__avx2, CpuHasAvx2))     \
  TW_ON_WASM(X(F, op##__wasmsimd, AlwaysAvailable))

#define TW_KERNEL_DECLARATION_(Family, name, available) Family##Sig name;
#define TW_KERNEL_ENTRY_(Family, name, available) Kernel<Family##Fn>{#name, name, available},

// In the family's header (namespace tw::kernels): every kernel of the list, the list, the best.
#define TW_DECLARE_KERNEL_FAMILY(Family, LIST)                \
  using Family##Fn = Family##Sig*;                            \
  LIST(TW_KERNEL_DECLARATION_, Family)                        \
  const std::vector<Kernel<Family##Fn>>& Family##Kernels();   \
  Family##Fn Best##Family();

// In one .cc of the family (namespace tw::kernels).
#define TW_DEFINE_KERNEL_FAMILY(Family, LIST)                                       \
  const std::vector<Kernel<Family##Fn>>& Family##Kernels() {                        \
    static const std::vector<Kernel<Family##Fn>> list = {LIST(TW_KERNEL_ENTRY_, Family)}; \
    return list;                                                                    \
  }                                                                                 \
  Family##Fn Best##Family() { return BestOf(Family##Kernels()); }
