// Every per-step decoder kernel (ops/kernels/step.h) against the scalar definition, bit for bit:
// SSRU updates over lengths around the SIMD widths with large and hostile values; argmax with
// ties, the skipped id at every position of a vector, NaN, -inf rows. Natively and in WASM.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <random>

#include "ops/kernels/step.h"

namespace tw::kernels {
namespace {

// Equal bits, except that any NaN equals any NaN: IEEE 754 (and WebAssembly) leave the sign and
// payload of a NaN result unspecified, so compilers and SIMD units may differ there.
::testing::AssertionResult SameFloats(const std::vector<float>& x, const std::vector<float>& y) {
  for (size_t i = 0; i < x.size(); ++i) {
    if (std::isnan(x[i]) && std::isnan(y[i])) continue;
    if (std::memcmp(&x[i], &y[i], 4) != 0) return ::testing::AssertionFailure() << "element " << i << ": " << x[i] << " vs " << y[i];
  }
  return ::testing::AssertionSuccess();
}

class F32Ssru : public ::testing::TestWithParam<Kernel<F32SsruFn>> {};
class F32Argmax : public ::testing::TestWithParam<Kernel<F32ArgmaxFn>> {};

TEST_P(F32Ssru, EqualsScalarBitForBit) {
  if (!GetParam().available()) GTEST_SKIP() << "not supported by this CPU";
  std::mt19937 rng(4);
  for (size_t n : {1u, 3u, 4u, 7u, 8u, 9u, 17u, 256u, 1029u}) {
    std::normal_distribution<float> nd(0.f, n > 200 ? 30.f : 2.f);
    std::vector<float> a(n), b(n), c(n);
    for (auto* v : {&a, &b, &c})
      for (auto& x : *v) x = nd(rng);
    if (n > 8) a[3] = NAN, a[5] = INFINITY, a[6] = -INFINITY, b[7] = NAN;
    auto a2 = a, c2 = c;
    GetParam().fn(a.data(), b.data(), c.data(), n);
    f32_ssru__scalar(a2.data(), b.data(), c2.data(), n);
    ASSERT_TRUE(SameFloats(a, a2)) << "output, n=" << n;
    ASSERT_TRUE(SameFloats(c, c2)) << "cell, n=" << n;
  }
}

TEST_P(F32Argmax, EqualsScalar) {
  if (!GetParam().available()) GTEST_SKIP() << "not supported by this CPU";
  std::mt19937 rng(6);
  std::normal_distribution<float> nd(0.f, 3.f);
  for (int n : {1, 2, 5, 8, 9, 16, 17, 6000}) {
    std::vector<float> x(n);
    for (auto& v : x) v = std::round(nd(rng));  // many ties
    for (int skip = -1; skip < std::min(n, 20); ++skip) {
      ASSERT_EQ(GetParam().fn(x.data(), n, skip), f32_argmax__scalar(x.data(), n, skip)) << "n " << n << " skip " << skip;
      if (n > 1) {  // the skipped id holds the largest value: it must still not win
        auto y = x;
        if (skip >= 0) y[skip] = 1e9f;
        ASSERT_EQ(GetParam().fn(y.data(), n, skip), f32_argmax__scalar(y.data(), n, skip));
      }
    }
  }
  std::vector<float> odd = {NAN, 1.f, 5.f, NAN, 5.f, -INFINITY, 2.f, 0.f, 4.f, NAN};
  for (int skip : {-1, 0, 1, 2}) EXPECT_EQ(GetParam().fn(odd.data(), 10, skip), f32_argmax__scalar(odd.data(), 10, skip));
  std::vector<float> low(12, -INFINITY);
  EXPECT_EQ(GetParam().fn(low.data(), 12, 0), 1);
}

TEST(F32Argmax, ScalarDefinition) {
  const float x[] = {1.f, 7.f, 3.f, 7.f, 9.f};
  EXPECT_EQ(f32_argmax__scalar(x, 5, -1), 4);
  EXPECT_EQ(f32_argmax__scalar(x, 5, 4), 1);  // ties: the first
  EXPECT_EQ(f32_argmax__scalar(x, 1, 0), -1);  // nothing to choose
}

template <typename K>
std::string Name(const ::testing::TestParamInfo<K>& info) { return info.param.name; }
INSTANTIATE_TEST_SUITE_P(All, F32Ssru, ::testing::ValuesIn(F32SsruKernels()), Name<Kernel<F32SsruFn>>);
INSTANTIATE_TEST_SUITE_P(All, F32Argmax, ::testing::ValuesIn(F32ArgmaxKernels()), Name<Kernel<F32ArgmaxFn>>);

TEST(StepKernels, EachFamilyHasItsScalarReferenceAndASimdKernel) {
  EXPECT_STREQ(F32SsruKernels().front().name, "f32_ssru__scalar");
  EXPECT_STREQ(F32ArgmaxKernels().front().name, "f32_argmax__scalar");
  EXPECT_GE(F32SsruKernels().size(), 2u);
  EXPECT_GE(F32ArgmaxKernels().size(), 2u);
}

}  // namespace
}  // namespace tw::kernels
