// The attention family (kernels/attention.h): key counts around the SIMD widths, several
// heads, masked keys, a padded key stride, several query rows, scores large enough to hit Exp's clamps.
#include <random>

#include "../same_bits.h"
#include "checks.h"

namespace tw::kernels::checks {

Result F32Attention(F32AttentionFn kernel, F32AttentionFn reference) {
  std::mt19937 rng(5);
  struct Case {
    int tq, tk, valid, heads, d;
    float spread;
  };
  const Case cases[] = {{1, 1, 1, 1, 4, 1.f},   {1, 7, 7, 2, 8, 1.f},    {3, 9, 6, 2, 16, 2.f},   {1, 33, 33, 8, 256, 1.f},
                        {5, 16, 13, 4, 36, 3.f}, {1, 40, 40, 8, 256, 40.f}, {2, 12, 12, 3, 30, 1.f}};
  for (const Case& c : cases) {
    std::normal_distribution<float> n(0.f, c.spread);
    const int ldk = c.tk + 3;  // a stride wider than the keys
    std::vector<float> q((size_t)c.tq * c.d), kt((size_t)c.d * ldk), v((size_t)c.tk * c.d);
    for (auto* a : {&q, &kt, &v})
      for (auto& x : *a) x = n(rng);
    std::vector<float> got((size_t)c.tq * c.d, 7.f), want(got.size(), -7.f), p1(c.tk), p2(c.tk);
    kernel(q.data(), c.tq, kt.data(), ldk, v.data(), c.valid, c.heads, c.d, got.data(), p1.data());
    reference(q.data(), c.tq, kt.data(), ldk, v.data(), c.valid, c.heads, c.d, want.data(), p2.data());
    if (auto same = testing::SameBits(got, want); !same)
      return same << " at tq " << c.tq << " tk " << c.tk << " heads " << c.heads << " d " << c.d;
  }
  return ::testing::AssertionSuccess();
}

}  // namespace tw::kernels::checks
