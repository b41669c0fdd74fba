// Every add + layer-norm kernel (ops/kernels/layernorm.h) against the scalar definition, bit for
// bit: row counts around the 4-row blocks, widths with and without a multiple of 4, wide ranges.
#include <gtest/gtest.h>

#include "same_bits.h"

#include <cmath>
#include <cstring>
#include <random>

#include "ops/kernels/layernorm.h"

namespace tw::kernels {
namespace {

class F32AddLayerNorm : public ::testing::TestWithParam<Kernel<F32AddLayerNormFn>> {};

TEST_P(F32AddLayerNorm, EqualsScalarBitForBit) {
  if (!GetParam().available()) GTEST_SKIP() << "not supported by this CPU";
  std::mt19937 rng(21);
  for (int rows : {1, 3, 4, 5, 8, 11})
    for (int d : {4, 6, 16, 256, 512})
      for (float spread : {1.f, 300.f}) {
        std::normal_distribution<float> n(0.5f, spread);
        std::vector<float> x((size_t)rows * d), res(x.size()), scale(d), bias(d);
        for (auto* v : {&x, &res, &scale, &bias})
          for (auto& e : *v) e = n(rng);
        auto y = x;
        GetParam().fn(x.data(), res.data(), rows, d, scale.data(), bias.data());
        f32_add_layernorm__scalar(y.data(), res.data(), rows, d, scale.data(), bias.data());
        ASSERT_TRUE(testing::SameBits(x, y)) << rows << " rows of " << d << ", spread " << spread;
      }
}

TEST(F32AddLayerNorm, ScalarNormalizes) {
  float x[4] = {1.f, 2.f, 3.f, 4.f};
  const float res[4] = {1.f, 1.f, 1.f, 1.f}, scale[4] = {1.f, 1.f, 1.f, 1.f}, bias[4] = {0.f, 0.f, 0.f, 10.f};
  f32_add_layernorm__scalar(x, res, 1, 4, scale, bias);
  EXPECT_NEAR(x[0] + x[1] + x[2] + x[3] - 10.f, 0.f, 1e-5f);  // mean 0, plus the bias
  EXPECT_NEAR(x[0], -1.3416f, 1e-3f);                          // (2 - 3.5) / sqrt(1.25)
}

std::string Name(const ::testing::TestParamInfo<Kernel<F32AddLayerNormFn>>& info) { return info.param.name; }
INSTANTIATE_TEST_SUITE_P(All, F32AddLayerNorm, ::testing::ValuesIn(F32AddLayerNormKernels()), Name);

TEST(F32AddLayerNorm, FamilyHasItsScalarReferenceAndASimdKernel) {
  EXPECT_STREQ(F32AddLayerNormKernels().front().name, "f32_add_layernorm__scalar");
  EXPECT_GE(F32AddLayerNormKernels().size(), 2u);
}

}  // namespace
}  // namespace tw::kernels
