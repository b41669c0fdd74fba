// GEMM micro-kernels, one family per storage type, XNNPACK-style names:
//   <type>_gemm_<rows>x<cols>__<isa>   e.g. qs8_gemm_4x2__avx2
// Contract of every kernel: acc[r * n_out + n] = sum_k a[r, k] * w[n, k] for r < rows <= 4,
// with a [rows, k] row-major and w [n_out, k] row-major.
// qs8: w is int8 (the name's type); a holds quantized activations in int16 lanes, at most 13 bits
// (|a| <= 4095, backends/activation_quantization.h), so |a * w| sums stay exact in int32 and every
// variant must equal the scalar one bit for bit.
// qu8s8sat kernels (Marian's int8 arithmetic, backends/marian_int8.h): a is uint8, and each pair
// a[2p] w[2p] + a[2p+1] w[2p+1] is saturated to int16 before the int32 sum, as x86 pmaddubsw
// does; also exact, so also bit for bit.
// The SIMD variants share one register tiling (gemm-tiles.h); each ISA supplies vector operations.
#pragma once
#include <cstddef>  // size_t
using std::size_t;
#include <cstdint>

#include "kernels/kernel.h"

namespace tw::kernels {

constexpr int kMaxRows = 4;

using Qs8GemmSig = void(const int16_t* a, int rows, int k, const int8_t* w, int n_out, int32_t* acc);
using F32GemmSig = void(const float* a, int rows, int k, const float* w, int n_out, float* acc);
using Qu8s8SatGemmSig = void(const uint8_t* a, int rows, int k, const int8_t* w, int n_out, int32_t* acc);

// The families (kernel.h): one line per kernel, the scalar reference first.
#define TW_QS8_GEMM_KERNELS(X, F)                     \
  X(F, qs8_gemm_1x1__scalar, AlwaysAvailable)         \
  TW_ON_X86(X(F, qs8_gemm_4x2__avx2, CpuHasAvx2))     \
  TW_ON_X86(X(F, qs8_gemm_4x2__avx512vnni, CpuHasAvx512Vnni)) \
  TW_ON_WASM(X(F, qs8_gemm_4x2__wasmsimd, AlwaysAvailable))
#define TW_F32_GEMM_KERNELS(X, F)                     \
  X(F, f32_gemm_1x1__scalar, AlwaysAvailable)         \
  TW_ON_X86(X(F, f32_gemm_4x2__avx2, CpuHasAvx2))     \
  TW_ON_WASM(X(F, f32_gemm_4x2__wasmsimd, AlwaysAvailable))
#define TW_QU8S8SAT_GEMM_KERNELS(X, F)                  \
  X(F, qu8s8sat_gemm_1x1__scalar, AlwaysAvailable)      \
  TW_ON_X86(X(F, qu8s8sat_gemm_4x2__avx2, CpuHasAvx2))  \
  TW_ON_WASM(X(F, qu8s8sat_gemm_4x2__wasmsimd, AlwaysAvailable))
TW_DECLARE_KERNEL_FAMILY(Qs8Gemm, TW_QS8_GEMM_KERNELS)
TW_DECLARE_KERNEL_FAMILY(F32Gemm, TW_F32_GEMM_KERNELS)
TW_DECLARE_KERNEL_FAMILY(Qu8s8SatGemm, TW_QU8S8SAT_GEMM_KERNELS)

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

}  // namespace tw::kernels
