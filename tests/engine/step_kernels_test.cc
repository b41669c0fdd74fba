// Every per-step decoder kernel (ops/kernels/step.h) against the scalar definition, bit for bit:
// SSRU updates over lengths around the SIMD widths with large and hostile values; argmax with
// ties, the skipped id at every position of a vector, NaN, -inf rows; int8 embedding rows of
// several widths. Natively and in WASM.
#include <gtest/gtest.h>

#include "same_bits.h"

#include <cmath>
#include <cstring>
#include <random>

#include "ops/kernels/step.h"

namespace tw::kernels {
namespace {

using testing::SameBits;

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
    ASSERT_TRUE(SameBits(a, a2)) << "output, n=" << n;
    ASSERT_TRUE(SameBits(c, c2)) << "cell, n=" << n;
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

class Qs8Embed : public ::testing::TestWithParam<Kernel<Qs8EmbedFn>> {};

TEST_P(Qs8Embed, EqualsScalarBitForBit) {
  if (!GetParam().available()) GTEST_SKIP() << "not supported by this CPU";
  std::mt19937 rng(12);
  std::normal_distribution<float> nd(0.f, 1.f);
  for (int d : {1, 7, 8, 9, 16, 30, 256, 512}) {
    std::vector<int8_t> q(d);
    std::vector<float> signal(d), got(d), want(d);
    for (auto& v : q) v = static_cast<int8_t>(int(rng() % 255) - 127);
    for (auto& v : signal) v = nd(rng);
    GetParam().fn(q.data(), 0.0123f, std::sqrt(static_cast<float>(d)), signal.data(), d, got.data());
    qs8_embed__scalar(q.data(), 0.0123f, std::sqrt(static_cast<float>(d)), signal.data(), d, want.data());
    ASSERT_TRUE(SameBits(got, want)) << "d=" << d;
  }
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
INSTANTIATE_TEST_SUITE_P(All, Qs8Embed, ::testing::ValuesIn(Qs8EmbedKernels()), Name<Kernel<Qs8EmbedFn>>);

TEST(StepKernels, EachFamilyHasItsScalarReferenceAndASimdKernel) {
  EXPECT_STREQ(F32SsruKernels().front().name, "f32_ssru__scalar");
  EXPECT_STREQ(F32ArgmaxKernels().front().name, "f32_argmax__scalar");
  EXPECT_GE(F32SsruKernels().size(), 2u);
  EXPECT_GE(F32ArgmaxKernels().size(), 2u);
  EXPECT_STREQ(Qs8EmbedKernels().front().name, "qs8_embed__scalar");
  EXPECT_GE(Qs8EmbedKernels().size(), 2u);
}

}  // namespace
}  // namespace tw::kernels
