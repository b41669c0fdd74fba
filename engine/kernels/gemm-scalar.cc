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

void PackQs8c2(const int8_t* w, int n_out, int k, int8_t* packed) {
  const int n_pad = Qs8c2PaddedColumns(n_out);
  for (int n = 0; n < n_pad; ++n) {
    const int block = n / kQs8c2Columns, c = n % kQs8c2Columns;
    int8_t* dst = packed + (size_t)block * kQs8c2Columns * k + 2 * c;
    for (int p = 0; p < k / 2; ++p) {
      dst[(size_t)p * 2 * kQs8c2Columns] = n < n_out ? w[(size_t)n * k + 2 * p] : 0;
      dst[(size_t)p * 2 * kQs8c2Columns + 1] = n < n_out ? w[(size_t)n * k + 2 * p + 1] : 0;
    }
  }
}

void qs8c2_gemm_1x1__scalar(const int16_t* a, int rows, int k, const int8_t* packed, int n_pad, int32_t* acc) {
  for (int n = 0; n < n_pad; ++n) {
    const int8_t* b = packed + (size_t)(n / kQs8c2Columns) * kQs8c2Columns * k + 2 * (n % kQs8c2Columns);
    for (int r = 0; r < rows; ++r) {
      const int16_t* ar = a + (size_t)r * k;
      int32_t s = 0;
      for (int p = 0; p < k / 2; ++p)
        s += int32_t(ar[2 * p]) * b[(size_t)p * 2 * kQs8c2Columns] + int32_t(ar[2 * p + 1]) * b[(size_t)p * 2 * kQs8c2Columns + 1];
      acc[r * n_pad + n] = s;
    }
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
