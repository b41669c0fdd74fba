// The add + layer-norm family (kernels/layernorm.h): row counts around the 4-row blocks,
// widths with and without a multiple of 4, wide ranges.
#include <random>

#include "../same_bits.h"
#include "checks.h"

namespace tw::kernels::checks {

Result F32AddLayerNorm(F32AddLayerNormFn kernel, F32AddLayerNormFn reference) {
  std::mt19937 rng(21);
  for (int rows : {1, 3, 4, 5, 8, 11})
    for (int d : {4, 6, 16, 256, 512})
      for (float spread : {1.f, 300.f}) {
        std::normal_distribution<float> n(0.5f, spread);
        std::vector<float> x((size_t)rows * d), res(x.size()), scale(d), bias(d);
        for (auto* v : {&x, &res, &scale, &bias})
          for (auto& e : *v) e = n(rng);
        auto y = x;
        kernel(x.data(), res.data(), rows, d, scale.data(), bias.data());
        reference(y.data(), res.data(), rows, d, scale.data(), bias.data());
        if (auto same = testing::SameBits(x, y); !same) return same << " at " << rows << " rows of " << d << ", spread " << spread;
      }
  return ::testing::AssertionSuccess();
}

}  // namespace tw::kernels::checks
