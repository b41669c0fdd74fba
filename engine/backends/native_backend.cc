// Optimized CPU backend. Same arithmetic as the reference: int8 results are bit-identical
// (integer accumulation is exact and dequantization is done in the same order); f32 results
// differ only by summation order. x86-64 gets AVX2 kernels when the CPU has AVX2 (checked once),
// the WASM build SIMD128 kernels; everything else uses portable loops.
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

constexpr int kRowTile = 4;  // activation rows sharing one pass over a weight row

// acc[r * n_out + n] = sum_k qx[r, k] * w[n, k] for r < rows (<= kRowTile).
void GemmI8Portable(const int8_t* qx, int rows, int k, const int8_t* w, int n_out, int32_t* acc) {
  for (int n = 0; n < n_out; ++n)
    for (int r = 0; r < rows; ++r) {
      const int8_t* a = qx + (size_t)r * k;
      const int8_t* b = w + (size_t)n * k;
      int32_t s = 0;
      for (int i = 0; i < k; ++i) s += int32_t(a[i]) * int32_t(b[i]);
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

// int8 x int8 -> int32 via sign-extension to int16 and vpmaddwd (pairs summed exactly in int32).
__attribute__((target("avx2"))) void GemmI8Avx2(const int8_t* qx, int rows, int k, const int8_t* w, int n_out,
                                                int32_t* acc) {
  const int k16 = k / 16 * 16;
  for (int n = 0; n < n_out; ++n) {
    const int8_t* b = w + (size_t)n * k;
    __m256i s[kRowTile];
    for (int r = 0; r < kRowTile; ++r) s[r] = _mm256_setzero_si256();
    for (int i = 0; i < k16; i += 16) {
      const __m256i bw = _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i)));
      for (int r = 0; r < rows; ++r) {
        const __m256i aw = _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(qx + (size_t)r * k + i)));
        s[r] = _mm256_add_epi32(s[r], _mm256_madd_epi16(aw, bw));
      }
    }
    for (int r = 0; r < rows; ++r) {
      int32_t t = HSum(s[r]);
      for (int i = k16; i < k; ++i) t += int32_t(qx[(size_t)r * k + i]) * int32_t(b[i]);
      acc[r * n_out + n] = t;
    }
  }
}

__attribute__((target("avx2"))) void GemmF32Avx2(const float* x, int rows, int k, const float* w, int n_out, float* acc) {
  const int k8 = k / 8 * 8;
  for (int n = 0; n < n_out; ++n) {
    const float* b = w + (size_t)n * k;
    __m256 s[kRowTile];
    for (int r = 0; r < kRowTile; ++r) s[r] = _mm256_setzero_ps();
    for (int i = 0; i < k8; i += 8) {
      const __m256 bv = _mm256_loadu_ps(b + i);
      for (int r = 0; r < rows; ++r) s[r] = _mm256_add_ps(s[r], _mm256_mul_ps(_mm256_loadu_ps(x + (size_t)r * k + i), bv));
    }
    for (int r = 0; r < rows; ++r) {
      float t = HSum(s[r]);
      for (int i = k8; i < k; ++i) t += x[(size_t)r * k + i] * b[i];
      acc[r * n_out + n] = t;
    }
  }
}
#endif

#ifdef TW_WASM_SIMD
// WASM SIMD128: int8 widened to int16 (i16x8.load8x8_s), pairs multiplied and summed exactly by
// i32x4.dot_i16x8_s (relaxed SIMD's int8 dot product is not available with our toolchain).
void GemmI8WasmSimd(const int8_t* qx, int rows, int k, const int8_t* w, int n_out, int32_t* acc) {
  const int k8 = k / 8 * 8;
  for (int n = 0; n < n_out; ++n) {
    const int8_t* b = w + (size_t)n * k;
    v128_t s[kRowTile];
    for (int r = 0; r < kRowTile; ++r) s[r] = wasm_i32x4_splat(0);
    for (int i = 0; i < k8; i += 8) {
      const v128_t bw = wasm_i16x8_load8x8(b + i);
      for (int r = 0; r < rows; ++r)
        s[r] = wasm_i32x4_add(s[r], wasm_i32x4_dot_i16x8(wasm_i16x8_load8x8(qx + (size_t)r * k + i), bw));
    }
    for (int r = 0; r < rows; ++r) {
      int32_t t = wasm_i32x4_extract_lane(s[r], 0) + wasm_i32x4_extract_lane(s[r], 1) +
                  wasm_i32x4_extract_lane(s[r], 2) + wasm_i32x4_extract_lane(s[r], 3);
      for (int i = k8; i < k; ++i) t += int32_t(qx[(size_t)r * k + i]) * int32_t(b[i]);
      acc[r * n_out + n] = t;
    }
  }
}

void GemmF32WasmSimd(const float* x, int rows, int k, const float* w, int n_out, float* acc) {
  const int k4 = k / 4 * 4;
  for (int n = 0; n < n_out; ++n) {
    const float* b = w + (size_t)n * k;
    v128_t s[kRowTile];
    for (int r = 0; r < kRowTile; ++r) s[r] = wasm_f32x4_splat(0.f);
    for (int i = 0; i < k4; i += 4) {
      const v128_t bv = wasm_v128_load(b + i);
      for (int r = 0; r < rows; ++r) s[r] = wasm_f32x4_add(s[r], wasm_f32x4_mul(wasm_v128_load(x + (size_t)r * k + i), bv));
    }
    for (int r = 0; r < rows; ++r) {
      float t = (wasm_f32x4_extract_lane(s[r], 0) + wasm_f32x4_extract_lane(s[r], 1)) +
                (wasm_f32x4_extract_lane(s[r], 2) + wasm_f32x4_extract_lane(s[r], 3));
      for (int i = k4; i < k; ++i) t += x[(size_t)r * k + i] * b[i];
      acc[r * n_out + n] = t;
    }
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
      qx_.resize((size_t)rows * w.in);
      sx_.resize(rows);
      acc_i32_.resize((size_t)kRowTile * w.out);
      for (int r = 0; r < rows; ++r) sx_[r] = QuantizeRow(x + (size_t)r * w.in, w.in, qx_.data() + (size_t)r * w.in);
      for (int r0 = 0; r0 < rows; r0 += kRowTile) {
        const int nr = rows - r0 < kRowTile ? rows - r0 : kRowTile;
        gemm_i8_(qx_.data() + (size_t)r0 * w.in, nr, w.in, w.q, w.out, acc_i32_.data());
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
  void (*gemm_i8_)(const int8_t*, int, int, const int8_t*, int, int32_t*) = GemmI8Portable;
  void (*gemm_f32_)(const float*, int, int, const float*, int, float*) = GemmF32Portable;
  std::vector<int8_t> qx_;
  std::vector<float> sx_, acc_f32_;
  std::vector<int32_t> acc_i32_;
};

}  // namespace

std::unique_ptr<Backend> MakeNativeBackend() { return std::make_unique<NativeBackend>(); }

}  // namespace tw
