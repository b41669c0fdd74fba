// Scalar GEMM kernels: the reference of their families (see gemm.h).
#include "kernels/gemm.h"

namespace tw::kernels {

void qs8_gemm_1x1__scalar(const int16_t* a, int rows, int k, const int8_t* w, int n_out, int32_t* acc) {
  for (int n = 0; n < n_out; ++n)
    for (int r = 0; r < rows; ++r) {
      const int16_t* ar = a + (size_t)r * k;
      const int8_t* b = w + (size_t)n * k;
      int32_t s = 0;
      for (int i = 0; i < k; ++i) s += int32_t(ar[i]) * int32_t(b[i]);
      acc[r * n_out + n] = s;
    }
}

void f32_gemm_1x1__scalar(const float* x, int rows, int k, const float* w, int n_out, float* acc) {
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

void qu8s8sat_gemm_1x1__scalar(const uint8_t* a, int rows, int k, const int8_t* w, int n_out, int32_t* acc) {
  for (int n = 0; n < n_out; ++n)
    for (int r = 0; r < rows; ++r) acc[r * n_out + n] = Qu8s8SatDotTail(a + (size_t)r * k, w + (size_t)n * k, 0, k);
}

}  // namespace tw::kernels
