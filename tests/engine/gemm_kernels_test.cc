// Every GEMM kernel of every family in this build (the enumerators of backends/kernels/gemm.h)
// against the family's scalar kernel: qs8 and qu8s8sat exactly, f32 within summation-order rounding.
// Runs natively and, compiled to WASM, under Node.
#include <gtest/gtest.h>

#include "same_bits.h"

#include <cmath>
#include <random>

#include "backends/kernels/gemm.h"

namespace tw::kernels {
namespace {

struct Shape {
  int rows, k, n;
};
const Shape kShapes[] = {{1, 1, 1}, {1, 7, 3}, {2, 16, 2}, {3, 33, 5}, {4, 256, 256}, {4, 960, 64}, {1, 256, 6000}, {4, 17, 9}};

class Qs8Gemm : public ::testing::TestWithParam<Kernel<Qs8GemmFn>> {};
class F32Gemm : public ::testing::TestWithParam<Kernel<F32GemmFn>> {};
class Qu8s8SatGemm : public ::testing::TestWithParam<Kernel<Qu8s8SatGemmFn>> {};

TEST_P(Qs8Gemm, EqualsScalarExactly) {
  if (!GetParam().available()) GTEST_SKIP() << "not supported by this CPU";
  std::mt19937 rng(7);
  for (const Shape& s : kShapes) {
    std::vector<int16_t> a((size_t)s.rows * s.k);
    std::vector<int8_t> w((size_t)s.n * s.k);
    for (auto& v : a) v = static_cast<int16_t>(int(rng() % 8191) - 4095);  // quantize.h's activation range
    for (auto& v : w) v = static_cast<int8_t>(int(rng() % 255) - 127);
    std::vector<int32_t> got((size_t)s.rows * s.n), want(got.size());
    GetParam().fn(a.data(), s.rows, s.k, w.data(), s.n, got.data());
    qs8_gemm_1x1__scalar(a.data(), s.rows, s.k, w.data(), s.n, want.data());
    ASSERT_TRUE(testing::SameBits(got, want)) << s.rows << "x" << s.k << "x" << s.n;
  }
}

TEST_P(F32Gemm, MatchesScalar) {
  if (!GetParam().available()) GTEST_SKIP() << "not supported by this CPU";
  std::mt19937 rng(8);
  std::normal_distribution<float> nd(0.f, 1.f);
  for (const Shape& s : kShapes) {
    std::vector<float> a((size_t)s.rows * s.k), w((size_t)s.n * s.k);
    for (auto& v : a) v = nd(rng);
    for (auto& v : w) v = nd(rng);
    std::vector<float> got((size_t)s.rows * s.n), want(got.size());
    GetParam().fn(a.data(), s.rows, s.k, w.data(), s.n, got.data());
    f32_gemm_1x1__scalar(a.data(), s.rows, s.k, w.data(), s.n, want.data());
    for (size_t i = 0; i < got.size(); ++i) ASSERT_NEAR(got[i], want[i], 1e-4f * (1.f + std::sqrt((float)s.k))) << i;
  }
}

TEST_P(Qu8s8SatGemm, EqualsScalarExactlyIncludingSaturation) {
  if (!GetParam().available()) GTEST_SKIP() << "not supported by this CPU";
  std::mt19937 rng(9);
  for (const Shape& s : kShapes) {
    for (int extreme = 0; extreme < 2; ++extreme) {
      // extreme: large activations and weights of one sign, so that most pairs saturate int16
      std::vector<uint8_t> a((size_t)s.rows * s.k);
      std::vector<int8_t> w((size_t)s.n * s.k);
      for (auto& v : a) v = static_cast<uint8_t>(extreme ? 200 + rng() % 55 : rng() % 255);
      for (auto& v : w) v = static_cast<int8_t>(extreme ? (rng() % 2 ? 1 : -1) * int(100 + rng() % 28) : int(rng() % 255) - 127);
      std::vector<int32_t> got((size_t)s.rows * s.n), want(got.size());
      GetParam().fn(a.data(), s.rows, s.k, w.data(), s.n, got.data());
      qu8s8sat_gemm_1x1__scalar(a.data(), s.rows, s.k, w.data(), s.n, want.data());
      ASSERT_TRUE(testing::SameBits(got, want)) << s.rows << "x" << s.k << "x" << s.n << (extreme ? " extreme" : "");
    }
  }
}

TEST(Qu8s8SatGemm, ScalarSaturatesEachPairToInt16) {
  const uint8_t a[4] = {254, 254, 254, 1};
  const int8_t w[4] = {127, 127, -127, 2};
  int32_t acc = 0;
  qu8s8sat_gemm_1x1__scalar(a, 1, 4, w, 1, &acc);
  // 254*127 + 254*127 = 64516 -> 32767; 254*-127 + 1*2 = -32256 (no saturation)
  EXPECT_EQ(acc, 32767 - 32256);
}

template <typename K>
std::string Name(const ::testing::TestParamInfo<K>& info) { return info.param.name; }

INSTANTIATE_TEST_SUITE_P(All, Qs8Gemm, ::testing::ValuesIn(Qs8GemmKernels()), Name<Kernel<Qs8GemmFn>>);
INSTANTIATE_TEST_SUITE_P(All, F32Gemm, ::testing::ValuesIn(F32GemmKernels()), Name<Kernel<F32GemmFn>>);
INSTANTIATE_TEST_SUITE_P(All, Qu8s8SatGemm, ::testing::ValuesIn(Qu8s8SatGemmKernels()), Name<Kernel<Qu8s8SatGemmFn>>);

TEST(GemmKernels, EachFamilyStartsWithItsScalarReference) {
  EXPECT_STREQ(Qs8GemmKernels().front().name, "qs8_gemm_1x1__scalar");
  EXPECT_STREQ(F32GemmKernels().front().name, "f32_gemm_1x1__scalar");
  EXPECT_STREQ(Qu8s8SatGemmKernels().front().name, "qu8s8sat_gemm_1x1__scalar");
  EXPECT_GE(Qs8GemmKernels().size(), 2u) << "a SIMD kernel is compiled into this build";
  EXPECT_GE(Qu8s8SatGemmKernels().size(), 2u) << "a SIMD kernel is compiled into this build";
}

}  // namespace
}  // namespace tw::kernels
