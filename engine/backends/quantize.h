// Dynamic int8 quantization of activations, shared by every int8 backend so that they all
// compute the same integers: per row, scale = max|x| / 127, q = round-half-even(x * 127 / max|x|).
// The product is dequantized as float(acc) * (x_scale * w_scale[n]) + bias[n], in that order.
#pragma once
#include <cmath>
#include <cstdint>

namespace tw {

inline float QuantizeRow(const float* x, int n, int8_t* q) {
  float amax = 0.f;
  for (int i = 0; i < n; ++i) {
    const float a = x[i] < 0.f ? -x[i] : x[i];
    amax = a > amax ? a : amax;  // plain compares: vectorized and inlined, unlike fmaxf calls
  }
  if (amax == 0.f) {
    for (int i = 0; i < n; ++i) q[i] = 0;
    return 0.f;
  }
  const float inv = 127.f / amax;
  for (int i = 0; i < n; ++i) {
    // Clamped so that overflowed activations (inf, NaN from a damaged model) stay defined.
    float v = x[i] * inv;
    v = v != v ? 0.f : (v > 127.f ? 127.f : (v < -127.f ? -127.f : v));
    // Round half to even by adding and removing 1.5 * 2^23 (exact IEEE arithmetic in every build,
    // no libm call, vectorizable); identical to nearbyint for |v| <= 2^22.
    q[i] = static_cast<int8_t>((v + 12582912.f) - 12582912.f);
  }
  return amax / 127.f;
}

inline float Dequantize(int32_t acc, float x_scale, float w_scale, const float* bias, int n) {
  float y = static_cast<float>(acc) * (x_scale * w_scale);
  return bias ? y + bias[n] : y;
}

}  // namespace tw
