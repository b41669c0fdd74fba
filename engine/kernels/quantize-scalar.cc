// Scalar quantization kernels: the definition of their families (quantize.h).
#include "kernels/quantize.h"

namespace tw::kernels {

float qs16_quantize__scalar(const float* x, int n, float levels, int16_t* q) {
  const float amax = AbsMax(x, 0, n, 0.f);
  if (amax == 0.f) {
    for (int i = 0; i < n; ++i) q[i] = 0;
    return 0.f;
  }
  QuantizeTail(x, 0, n, levels / amax, levels, q);
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
