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
using Qs8c2GemmSig = void(const int16_t* a, int rows, int k, const int8_t* packed, int n_pad, int32_t* acc);
using Qu8s8SatGemmSig = void(const uint8_t* a, int rows, int k, const int8_t* w, int n_out, int32_t* acc);

// The families (kernel.h): one line per kernel, the scalar reference first.
#define TW_QS8_GEMM_KERNELS(X, F)                     \
  X(F, qs8_gemm_1x1__scalar, AlwaysAvailable)         \
  TW_ON_X86(X(F, qs8_gemm_4x2__avx2, CpuHasAvx2))     \
  TW_ON_X86(X(F, qs8_gemm_4x2__avx512vnni, CpuHasAvx512Vnni)) \
  TW_ON_WASM(X(F, qs8_gemm_4x2__wasmsimd, AlwaysAvailable))
// qs8c2: the qs8 product on weights packed once at load (PackQs8c2): the columns cut into blocks
// of kQs8c2Columns (the last one zero-padded) and, within a block, each pair of k stored as the
// block's columns x 2 values. A vector of packed weights then holds whole output columns, so the
// sums need no horizontal reduction and each pair of activations is broadcast as one int32.
// k must be even; acc is [rows, n_pad] with n_pad = Qs8c2PaddedColumns(n_out).
#define TW_QS8C2_GEMM_KERNELS(X, F)                      \
  X(F, qs8c2_gemm_1x1__scalar, AlwaysAvailable)          \
  TW_ON_X86(X(F, qs8c2_gemm_4x16__avx2, CpuHasAvx2))     \
  TW_ON_X86(X(F, qs8c2_gemm_4x32__avx512vnni, CpuHasAvx512Vnni)) \
  TW_ON_WASM(X(F, qs8c2_gemm_4x8__wasmsimd, AlwaysAvailable))
#define TW_F32_GEMM_KERNELS(X, F)                     \
  X(F, f32_gemm_1x1__scalar, AlwaysAvailable)         \
  TW_ON_X86(X(F, f32_gemm_4x2__avx2, CpuHasAvx2))     \
  TW_ON_WASM(X(F, f32_gemm_4x2__wasmsimd, AlwaysAvailable))
#define TW_QU8S8SAT_GEMM_KERNELS(X, F)                  \
  X(F, qu8s8sat_gemm_1x1__scalar, AlwaysAvailable)      \
  TW_ON_X86(X(F, qu8s8sat_gemm_4x2__avx2, CpuHasAvx2))  \
  TW_ON_WASM(X(F, qu8s8sat_gemm_4x2__wasmsimd, AlwaysAvailable))
TW_DECLARE_KERNEL_FAMILY(Qs8Gemm, TW_QS8_GEMM_KERNELS)
TW_DECLARE_KERNEL_FAMILY(Qs8c2Gemm, TW_QS8C2_GEMM_KERNELS)
TW_DECLARE_KERNEL_FAMILY(F32Gemm, TW_F32_GEMM_KERNELS)
TW_DECLARE_KERNEL_FAMILY(Qu8s8SatGemm, TW_QU8S8SAT_GEMM_KERNELS)

// The qs8c2 packing (gemm-scalar.cc defines it, with the reference kernel that reads it).
constexpr int kQs8c2Columns = 16;
inline int Qs8c2PaddedColumns(int n_out) { return (n_out + kQs8c2Columns - 1) / kQs8c2Columns * kQs8c2Columns; }
// w [n_out, k] row-major, k even -> packed [Qs8c2PaddedColumns(n_out) * k] bytes.
void PackQs8c2(const int8_t* w, int n_out, int k, int8_t* packed);

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
