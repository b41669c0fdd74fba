// Optimized CPU backend. Same arithmetic as the reference: int8 results are bit-identical
// (integer accumulation is exact and dequantization is done in the same order); f32 results
// differ only by summation order. x86-64 gets AVX2 kernels when the CPU has AVX2 (checked once),
// the WASM build SIMD128 kernels; everything else uses portable loops.
//
// Kernel shape: activations are widened to int16 once per call; a tile of 4 activation rows x 2
// weight rows keeps 8 accumulators in registers, so each weight load serves 4 rows and each
// activation load 2 outputs.
#include <vector>

#include "backends/backend.h"
#include "backends/backends_internal.h"
#include "backends/quantize.h"

#if defined(__x86_64__)
#include <immintrin.h>
#define TW_X86 1
#endif
#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#define TW_WASM_SIMD 1
#endif

namespace tw {
namespace {

constexpr int kRowTile = 4;

// acc[r * n_out + n] = sum_k a[r, k] * w[n, k] for r < rows (<= kRowTile); a is int16 [rows, k].
using GemmI8Fn = void (*)(const int16_t* a, int rows, int k, const int8_t* w, int n_out, int32_t* acc);
using GemmF32Fn = void (*)(const float* x, int rows, int k, const float* w, int n_out, float* acc);

void GemmI8Portable(const int16_t* a, int rows, int k, const int8_t* w, int n_out, int32_t* acc) {
  for (int n = 0; n < n_out; ++n)
    for (int r = 0; r < rows; ++r) {
      const int16_t* ar = a + (size_t)r * k;
      const int8_t* b = w + (size_t)n * k;
      int32_t s = 0;
      for (int i = 0; i < k; ++i) s += int32_t(ar[i]) * int32_t(b[i]);
      acc[r * n_out + n] = s;
    }
}

void GemmF32Portable(const float* x, int rows, int k, const float* w, int n_out, float* acc) {
  for (int n = 0; n < n_out; ++n)
    for (int r = 0; r < rows; ++r) {
      const float* a = x + (size_t)r * k;
      const float* b = w + (size_t)n * k;
      float lanes[8] = {0};
      int i = 0;
      for (; i + 8 <= k; i += 8)
        for (int j = 0; j < 8; ++j) lanes[j] += a[i + j] * b[i + j];
      float s = 0.f;
      for (int j = 0; j < 8; ++j) s += lanes[j];
      for (; i < k; ++i) s += a[i] * b[i];
      acc[r * n_out + n] = s;
    }
}

// Remainders (k not a multiple of the vector width, odd n_out) in plain code.
inline int32_t DotTail(const int16_t* a, const int8_t* b, int from, int k) {
  int32_t s = 0;
  for (int i = from; i < k; ++i) s += int32_t(a[i]) * int32_t(b[i]);
  return s;
}

#ifdef TW_X86
__attribute__((target("avx2"))) inline int32_t HSum(__m256i v) {
  __m128i s = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
  s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0x4E));
  s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0xB1));
  return _mm_cvtsi128_si32(s);
}

__attribute__((target("avx2"))) inline float HSum(__m256 v) {
  __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  s = _mm_add_ps(s, _mm_movehl_ps(s, s));
  s = _mm_add_ss(s, _mm_shuffle_ps(s, s, 0x55));
  return _mm_cvtss_f32(s);
}

// int16 x int16 pairs summed exactly into int32 by vpmaddwd. R is a compile-time row count so
// the 2R accumulators live in registers.
template <int R>
__attribute__((target("avx2"))) void GemmI8Avx2Rows(const int16_t* a, int k, const int8_t* w, int n_out, int32_t* acc) {
  constexpr int rows = R;
  const int k16 = k / 16 * 16;
  int n = 0;
  for (; n + 2 <= n_out; n += 2) {
    const int8_t* b0 = w + (size_t)n * k;
    const int8_t* b1 = b0 + k;
    __m256i s0[kRowTile], s1[kRowTile];
    for (int r = 0; r < kRowTile; ++r) s0[r] = s1[r] = _mm256_setzero_si256();
    for (int i = 0; i < k16; i += 16) {
      const __m256i w0 = _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(b0 + i)));
      const __m256i w1 = _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(b1 + i)));
      for (int r = 0; r < rows; ++r) {
        const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(a + (size_t)r * k + i));
        s0[r] = _mm256_add_epi32(s0[r], _mm256_madd_epi16(x, w0));
        s1[r] = _mm256_add_epi32(s1[r], _mm256_madd_epi16(x, w1));
      }
    }
    for (int r = 0; r < rows; ++r) {
      acc[r * n_out + n] = HSum(s0[r]) + DotTail(a + (size_t)r * k, b0, k16, k);
      acc[r * n_out + n + 1] = HSum(s1[r]) + DotTail(a + (size_t)r * k, b1, k16, k);
    }
  }
  for (; n < n_out; ++n)
    for (int r = 0; r < rows; ++r) acc[r * n_out + n] = DotTail(a + (size_t)r * k, w + (size_t)n * k, 0, k);
}

__attribute__((target("avx2"))) void GemmI8Avx2(const int16_t* a, int rows, int k, const int8_t* w, int n_out,
                                                int32_t* acc) {
  switch (rows) {
    case 4: return GemmI8Avx2Rows<4>(a, k, w, n_out, acc);
    case 3: return GemmI8Avx2Rows<3>(a, k, w, n_out, acc);
    case 2: return GemmI8Avx2Rows<2>(a, k, w, n_out, acc);
    default: return GemmI8Avx2Rows<1>(a, k, w, n_out, acc);
  }
}

template <int R>
__attribute__((target("avx2"))) void GemmF32Avx2Rows(const float* x, int k, const float* w, int n_out, float* acc) {
  const int k8 = k / 8 * 8;
  int n = 0;
  for (; n + 2 <= n_out; n += 2) {
    const float* b0 = w + (size_t)n * k;
    const float* b1 = b0 + k;
    __m256 s0[R], s1[R];
    for (int r = 0; r < R; ++r) s0[r] = s1[r] = _mm256_setzero_ps();
    for (int i = 0; i < k8; i += 8) {
      const __m256 w0 = _mm256_loadu_ps(b0 + i), w1 = _mm256_loadu_ps(b1 + i);
      for (int r = 0; r < R; ++r) {
        const __m256 a = _mm256_loadu_ps(x + (size_t)r * k + i);
        s0[r] = _mm256_add_ps(s0[r], _mm256_mul_ps(a, w0));
        s1[r] = _mm256_add_ps(s1[r], _mm256_mul_ps(a, w1));
      }
    }
    for (int r = 0; r < R; ++r) {
      float t0 = HSum(s0[r]), t1 = HSum(s1[r]);
      for (int i = k8; i < k; ++i) {
        t0 += x[(size_t)r * k + i] * b0[i];
        t1 += x[(size_t)r * k + i] * b1[i];
      }
      acc[r * n_out + n] = t0;
      acc[r * n_out + n + 1] = t1;
    }
  }
  for (; n < n_out; ++n)  // last odd column
    for (int r = 0; r < R; ++r) {
      float t = 0.f;
      for (int i = 0; i < k; ++i) t += x[(size_t)r * k + i] * w[(size_t)n * k + i];
      acc[r * n_out + n] = t;
    }
}

__attribute__((target("avx2"))) void GemmF32Avx2(const float* x, int rows, int k, const float* w, int n_out, float* acc) {
  switch (rows) {
    case 4: return GemmF32Avx2Rows<4>(x, k, w, n_out, acc);
    case 3: return GemmF32Avx2Rows<3>(x, k, w, n_out, acc);
    case 2: return GemmF32Avx2Rows<2>(x, k, w, n_out, acc);
    default: return GemmF32Avx2Rows<1>(x, k, w, n_out, acc);
  }
}
#endif

#ifdef TW_WASM_SIMD
inline int32_t HSum(v128_t v) {
  return wasm_i32x4_extract_lane(v, 0) + wasm_i32x4_extract_lane(v, 1) + wasm_i32x4_extract_lane(v, 2) +
         wasm_i32x4_extract_lane(v, 3);
}

// i32x4.dot_i16x8_s: pairs of int16 products summed exactly (relaxed SIMD's int8 dot product is
// not available with our toolchain).
template <int R>
void GemmI8WasmSimdRows(const int16_t* a, int k, const int8_t* w, int n_out, int32_t* acc) {
  constexpr int rows = R;
  const int k8 = k / 8 * 8;
  int n = 0;
  for (; n + 2 <= n_out; n += 2) {
    const int8_t* b0 = w + (size_t)n * k;
    const int8_t* b1 = b0 + k;
    v128_t s0[kRowTile], s1[kRowTile];
    for (int r = 0; r < kRowTile; ++r) s0[r] = s1[r] = wasm_i32x4_splat(0);
    for (int i = 0; i < k8; i += 8) {
      const v128_t w0 = wasm_i16x8_load8x8(b0 + i);
      const v128_t w1 = wasm_i16x8_load8x8(b1 + i);
      for (int r = 0; r < rows; ++r) {
        const v128_t x = wasm_v128_load(a + (size_t)r * k + i);
        s0[r] = wasm_i32x4_add(s0[r], wasm_i32x4_dot_i16x8(x, w0));
        s1[r] = wasm_i32x4_add(s1[r], wasm_i32x4_dot_i16x8(x, w1));
      }
    }
    for (int r = 0; r < rows; ++r) {
      acc[r * n_out + n] = HSum(s0[r]) + DotTail(a + (size_t)r * k, b0, k8, k);
      acc[r * n_out + n + 1] = HSum(s1[r]) + DotTail(a + (size_t)r * k, b1, k8, k);
    }
  }
  for (; n < n_out; ++n)
    for (int r = 0; r < rows; ++r) acc[r * n_out + n] = DotTail(a + (size_t)r * k, w + (size_t)n * k, 0, k);
}

void GemmI8WasmSimd(const int16_t* a, int rows, int k, const int8_t* w, int n_out, int32_t* acc) {
  switch (rows) {
    case 4: return GemmI8WasmSimdRows<4>(a, k, w, n_out, acc);
    case 3: return GemmI8WasmSimdRows<3>(a, k, w, n_out, acc);
    case 2: return GemmI8WasmSimdRows<2>(a, k, w, n_out, acc);
    default: return GemmI8WasmSimdRows<1>(a, k, w, n_out, acc);
  }
}

template <int R>
void GemmF32WasmSimdRows(const float* x, int k, const float* w, int n_out, float* acc) {
  const int k4 = k / 4 * 4;
  int n = 0;
  for (; n + 2 <= n_out; n += 2) {
    const float* b0 = w + (size_t)n * k;
    const float* b1 = b0 + k;
    v128_t s0[R], s1[R];
    for (int r = 0; r < R; ++r) s0[r] = s1[r] = wasm_f32x4_splat(0.f);
    for (int i = 0; i < k4; i += 4) {
      const v128_t w0 = wasm_v128_load(b0 + i), w1 = wasm_v128_load(b1 + i);
      for (int r = 0; r < R; ++r) {
        const v128_t a = wasm_v128_load(x + (size_t)r * k + i);
        s0[r] = wasm_f32x4_add(s0[r], wasm_f32x4_mul(a, w0));
        s1[r] = wasm_f32x4_add(s1[r], wasm_f32x4_mul(a, w1));
      }
    }
    for (int r = 0; r < R; ++r) {
      float t0 = (wasm_f32x4_extract_lane(s0[r], 0) + wasm_f32x4_extract_lane(s0[r], 1)) +
                 (wasm_f32x4_extract_lane(s0[r], 2) + wasm_f32x4_extract_lane(s0[r], 3));
      float t1 = (wasm_f32x4_extract_lane(s1[r], 0) + wasm_f32x4_extract_lane(s1[r], 1)) +
                 (wasm_f32x4_extract_lane(s1[r], 2) + wasm_f32x4_extract_lane(s1[r], 3));
      for (int i = k4; i < k; ++i) {
        t0 += x[(size_t)r * k + i] * b0[i];
        t1 += x[(size_t)r * k + i] * b1[i];
      }
      acc[r * n_out + n] = t0;
      acc[r * n_out + n + 1] = t1;
    }
  }
  for (; n < n_out; ++n)  // last odd column
    for (int r = 0; r < R; ++r) {
      float t = 0.f;
      for (int i = 0; i < k; ++i) t += x[(size_t)r * k + i] * w[(size_t)n * k + i];
      acc[r * n_out + n] = t;
    }
}

void GemmF32WasmSimd(const float* x, int rows, int k, const float* w, int n_out, float* acc) {
  switch (rows) {
    case 4: return GemmF32WasmSimdRows<4>(x, k, w, n_out, acc);
    case 3: return GemmF32WasmSimdRows<3>(x, k, w, n_out, acc);
    case 2: return GemmF32WasmSimdRows<2>(x, k, w, n_out, acc);
    default: return GemmF32WasmSimdRows<1>(x, k, w, n_out, acc);
  }
}
#endif

class NativeBackend : public Backend {
 public:
  NativeBackend() {
#ifdef TW_WASM_SIMD
    gemm_i8_ = GemmI8WasmSimd;
    gemm_f32_ = GemmF32WasmSimd;
#endif
#ifdef TW_X86
    if (__builtin_cpu_supports("avx2")) {
      gemm_i8_ = GemmI8Avx2;
      gemm_f32_ = GemmF32Avx2;
    }
#endif
  }
  const char* name() const override { return "native"; }

  void Linear(const LinearWeights& w, const float* x, int rows, float* y) override {
    if (w.quantized()) {
      q8_.resize((size_t)w.in);
      a16_.resize((size_t)rows * w.in);
      sx_.resize(rows);
      acc_i32_.resize((size_t)kRowTile * w.out);
      for (int r = 0; r < rows; ++r) {
        sx_[r] = QuantizeRow(x + (size_t)r * w.in, w.in, q8_.data());
        for (int i = 0; i < w.in; ++i) a16_[(size_t)r * w.in + i] = q8_[i];
      }
      for (int r0 = 0; r0 < rows; r0 += kRowTile) {
        const int nr = rows - r0 < kRowTile ? rows - r0 : kRowTile;
        gemm_i8_(a16_.data() + (size_t)r0 * w.in, nr, w.in, w.q, w.out, acc_i32_.data());
        for (int r = 0; r < nr; ++r)
          for (int n = 0; n < w.out; ++n)
            y[(size_t)(r0 + r) * w.out + n] = Dequantize(acc_i32_[r * w.out + n], sx_[r0 + r], w.scale[n], w.bias, n);
      }
      return;
    }
    acc_f32_.resize((size_t)kRowTile * w.out);
    for (int r0 = 0; r0 < rows; r0 += kRowTile) {
      const int nr = rows - r0 < kRowTile ? rows - r0 : kRowTile;
      gemm_f32_(x + (size_t)r0 * w.in, nr, w.in, w.w, w.out, acc_f32_.data());
      for (int r = 0; r < nr; ++r)
        for (int n = 0; n < w.out; ++n) {
          const float v = acc_f32_[r * w.out + n];
          y[(size_t)(r0 + r) * w.out + n] = w.bias ? v + w.bias[n] : v;
        }
    }
  }

 private:
  GemmI8Fn gemm_i8_ = GemmI8Portable;
  GemmF32Fn gemm_f32_ = GemmF32Portable;
  std::vector<int8_t> q8_;
  std::vector<int16_t> a16_;
  std::vector<float> sx_, acc_f32_;
  std::vector<int32_t> acc_i32_;
};

}  // namespace

std::unique_ptr<Backend> MakeNativeBackend() { return std::make_unique<NativeBackend>(); }

}  // namespace tw
