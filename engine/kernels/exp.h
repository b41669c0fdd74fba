// expf of our own: the native and WASM builds link different C libraries (glibc, musl) whose
// expf may round differently in the last bit, and the WASM engine must reproduce the native
// engine's output exactly. Range reduction x = n ln2 + r, |r| <= ln2/2, then a degree-7 Taylor
// polynomial (error < 2 ulp over the float range), scaled by 2^n through the exponent bits.
#pragma once
#include <cstdint>
#include <cstring>

namespace tw {

inline float Exp(float x) {
  if (x != x) return x;  // NaN stays NaN (and never reaches the float -> int conversion)
  if (x > 88.f) x = 88.f;  // keeps 2^n finite; expf(88) is near FLT_MAX anyway
  if (x < -87.3f) return 0.f;
  const float n = __builtin_nearbyintf(x * 1.44269504088896341f);
  const float r = (x - n * 0.693145751953125f) - n * 1.42860682030941723212e-6f;
  float p = 1.f / 5040.f;
  p = p * r + 1.f / 720.f;
  p = p * r + 1.f / 120.f;
  p = p * r + 1.f / 24.f;
  p = p * r + 1.f / 6.f;
  p = p * r + 0.5f;
  p = p * r + 1.f;
  p = p * r + 1.f;
  const int32_t bits = (static_cast<int32_t>(n) + 127) << 23;
  float scale;
  std::memcpy(&scale, &bits, 4);
  return p * scale;
}

}  // namespace tw
