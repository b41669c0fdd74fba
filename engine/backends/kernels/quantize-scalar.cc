// Scalar quantization kernels: the definition of their families (quantize.h).
#include "backends/kernels/quantize.h"

namespace tw::kernels {

float qs16_quantize__scalar(const float* x, int n, float levels, int16_t* q) {
  float amax = 0.f;
  for (int i = 0; i < n; ++i) {
    const float a = x[i] < 0.f ? -x[i] : x[i];
    amax = a > amax ? a : amax;  // NaN never compares greater: ignored
  }
  if (amax == 0.f) {
    for (int i = 0; i < n; ++i) q[i] = 0;
    return 0.f;
  }
  const float inv = levels / amax;
  for (int i = 0; i < n; ++i) {
    // Clamped so that overflowed activations (inf, NaN from a damaged model) stay defined.
    float v = x[i] * inv;
    v = v != v ? 0.f : (v > levels ? levels : (v < -levels ? -levels : v));
    q[i] = static_cast<int16_t>((v + kRoundMagic) - kRoundMagic);
  }
  return amax / levels;
}

void qu8_quantize_shifted__scalar(const float* x, int n, float a_mult, uint8_t* q) {
  for (int i = 0; i < n; ++i) {
    float v = x[i] * a_mult;
    v = v != v ? -127.f : (v > 127.f ? 127.f : (v < -127.f ? -127.f : v));  // intgemm: NaN -> INT32_MIN -> -127
    q[i] = static_cast<uint8_t>(static_cast<int>((v + kRoundMagic) - kRoundMagic) + 127);
  }
}

}  // namespace tw::kernels
