// GEMM micro-kernels, one family per storage type, XNNPACK-style names:
//   <type>_gemm_<rows>x<cols>__<isa>   e.g. qs8_gemm_4x2__avx2
// Contract of every kernel: acc[r * n_out + n] = sum_k a[r, k] * w[n, k] for r < rows <= 4,
// with a [rows, k] row-major (qs8: int8 values widened to int16) and w [n_out, k] row-major.
// qs8 kernels are exact (int32), so every variant must equal the scalar one bit for bit.
// qu8s8sat kernels (Marian's int8 arithmetic, backends/marian_int8.h): a is uint8, and each pair
// a[2p] w[2p] + a[2p+1] w[2p+1] is saturated to int16 before the int32 sum, as x86 pmaddubsw
// does; also exact, so also bit for bit.
//
// The enumerators below are the one list per family that the backend (best available kernel),
// the kernel test (every kernel against the scalar one) and the kernel benchmark iterate.
#pragma once
#include <cstddef>  // size_t
using std::size_t;
#include <cstdint>
#include <vector>

namespace tw::kernels {

constexpr int kMaxRows = 4;

using Qs8GemmFn = void (*)(const int16_t* a, int rows, int k, const int8_t* w, int n_out, int32_t* acc);
using F32GemmFn = void (*)(const float* a, int rows, int k, const float* w, int n_out, float* acc);
using Qu8s8SatGemmFn = void (*)(const uint8_t* a, int rows, int k, const int8_t* w, int n_out, int32_t* acc);

template <typename Fn>
struct Kernel {
  const char* name;
  Fn fn;
  bool (*available)();
};

// `available` predicates of the enumerators.
inline bool AlwaysAvailable() { return true; }
#if defined(__x86_64__)
inline bool CpuHasAvx2() { return __builtin_cpu_supports("avx2"); }
#endif

// The fastest kernel of a family this CPU can run: the last available one in its list.
template <typename Fn>
Fn BestOf(const std::vector<Kernel<Fn>>& list) {
  Fn best = list.front().fn;
  for (const auto& k : list)
    if (k.available()) best = k.fn;
  return best;
}

void qs8_gemm_1x1__scalar(const int16_t* a, int rows, int k, const int8_t* w, int n_out, int32_t* acc);
void f32_gemm_1x1__scalar(const float* a, int rows, int k, const float* w, int n_out, float* acc);
void qu8s8sat_gemm_1x1__scalar(const uint8_t* a, int rows, int k, const int8_t* w, int n_out, int32_t* acc);
#if defined(__x86_64__)
void qu8s8sat_gemm_4x2__avx2(const uint8_t* a, int rows, int k, const int8_t* w, int n_out, int32_t* acc);
void qs8_gemm_4x2__avx2(const int16_t* a, int rows, int k, const int8_t* w, int n_out, int32_t* acc);
void f32_gemm_4x2__avx2(const float* a, int rows, int k, const float* w, int n_out, float* acc);
#endif
#if defined(__wasm_simd128__)
void qs8_gemm_4x2__wasmsimd(const int16_t* a, int rows, int k, const int8_t* w, int n_out, int32_t* acc);
void f32_gemm_4x2__wasmsimd(const float* a, int rows, int k, const float* w, int n_out, float* acc);
void qu8s8sat_gemm_4x2__wasmsimd(const uint8_t* a, int rows, int k, const int8_t* w, int n_out, int32_t* acc);
#endif

// Shared by the SIMD kernels for the part of k beyond the last full vector: exact int32 dot product.
inline int32_t Qs8DotTail(const int16_t* a, const int8_t* b, int from, int k) {
  int32_t s = 0;
  for (int i = from; i < k; ++i) s += int32_t(a[i]) * int32_t(b[i]);
  return s;
}

// The qu8s8sat product of one row pair from element `from` (even) on, in the scalar definition.
inline int32_t Qu8s8SatDotTail(const uint8_t* a, const int8_t* w, int from, int k) {
  int32_t acc = 0;
  int i = from;
  for (; i + 1 < k; i += 2) {
    int32_t p = int32_t(a[i]) * w[i] + int32_t(a[i + 1]) * w[i + 1];
    acc += p > 32767 ? 32767 : (p < -32768 ? -32768 : p);
  }
  if (i < k) acc += int32_t(a[i]) * w[i];
  return acc;
}

// Every kernel of the family compiled into this build, the scalar reference first.
const std::vector<Kernel<Qs8GemmFn>>& Qs8GemmKernels();
const std::vector<Kernel<F32GemmFn>>& F32GemmKernels();
const std::vector<Kernel<Qu8s8SatGemmFn>>& Qu8s8SatGemmKernels();
// The fastest one this CPU can run (the last available in the list).
Qs8GemmFn BestQs8Gemm();
F32GemmFn BestF32Gemm();
Qu8s8SatGemmFn BestQu8s8SatGemm();

}  // namespace tw::kernels
