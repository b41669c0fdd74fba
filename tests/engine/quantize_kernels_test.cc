// Every activation-quantization kernel (backends/kernels/quantize.h) against its scalar
// definition, bit for bit, on ordinary rows, rows of every length around the SIMD widths, and
// hostile values (NaN, inf, huge, tiny, all zero). Runs natively and, compiled to WASM, under Node.
#include <gtest/gtest.h>

#include "same_bits.h"

#include <cmath>
#include <cstring>
#include <random>

#include "backends/kernels/quantize.h"

namespace tw::kernels {
namespace {

std::vector<std::vector<float>> Rows() {
  std::mt19937 rng(11);
  std::normal_distribution<float> n(0.f, 2.f);
  std::vector<std::vector<float>> rows;
  for (int len : {1, 3, 4, 7, 8, 9, 15, 16, 17, 31, 33, 256, 961}) {
    std::vector<float> r(len);
    for (auto& v : r) v = n(rng);
    rows.push_back(r);
  }
  rows.push_back(std::vector<float>(40, 0.f));
  std::vector<float> hostile = {NAN, INFINITY, -INFINITY, 1e30f, -1e-30f, 0.5f, -0.5f, 2.5f, -0.f, 1.f, NAN, 3.f,
                                -7.f, 1e-40f, 6.f, 100.f, -100.f};
  rows.push_back(hostile);
  hostile[1] = hostile[2] = 1.f;  // finite max, NaNs remaining
  rows.push_back(hostile);
  return rows;
}

class Qs16Quantize : public ::testing::TestWithParam<Kernel<Qs16QuantizeFn>> {};
class Qu8QuantizeShifted : public ::testing::TestWithParam<Kernel<Qu8QuantizeShiftedFn>> {};

TEST_P(Qs16Quantize, EqualsScalarBitForBit) {
  if (!GetParam().available()) GTEST_SKIP() << "not supported by this CPU";
  for (const auto& row : Rows())
    for (float levels : {127.f, 4095.f}) {
      const int n = static_cast<int>(row.size());
      std::vector<int16_t> got(n, 99), want(n, -99);
      const float s = GetParam().fn(row.data(), n, levels, got.data());
      const float t = qs16_quantize__scalar(row.data(), n, levels, want.data());
      ASSERT_TRUE(testing::SameBits(&s, &t, 1)) << "scale, n=" << n;
      ASSERT_TRUE(testing::SameBits(got, want)) << "n=" << n << " levels=" << levels;
    }
}

TEST_P(Qu8QuantizeShifted, EqualsScalarBitForBit) {
  if (!GetParam().available()) GTEST_SKIP() << "not supported by this CPU";
  for (const auto& row : Rows())
    for (float mult : {0.5f, 13.f, 1000.f}) {
      const int n = static_cast<int>(row.size());
      std::vector<uint8_t> got(n, 1), want(n, 2);
      GetParam().fn(row.data(), n, mult, got.data());
      qu8_quantize_shifted__scalar(row.data(), n, mult, want.data());
      ASSERT_TRUE(testing::SameBits(got, want)) << "n=" << n << " mult=" << mult;
    }
}

TEST(Qs16Quantize, ScalarDefinition) {
  const float x[] = {-2.f, 1.f, 0.5f, NAN, 0.25f};
  int16_t q[5];
  EXPECT_EQ(qs16_quantize__scalar(x, 5, 4.f, q), 0.5f);  // max|x| / levels
  const int16_t want[] = {-4, 2, 1, 0, 0};                // 0.5 * 2 = 1; 0.25 * 2 = 0.5 -> 0 (half to even)
  for (int i = 0; i < 5; ++i) EXPECT_EQ(q[i], want[i]) << i;
}

template <typename K>
std::string Name(const ::testing::TestParamInfo<K>& info) { return info.param.name; }

INSTANTIATE_TEST_SUITE_P(All, Qs16Quantize, ::testing::ValuesIn(Qs16QuantizeKernels()), Name<Kernel<Qs16QuantizeFn>>);
INSTANTIATE_TEST_SUITE_P(All, Qu8QuantizeShifted, ::testing::ValuesIn(Qu8QuantizeShiftedKernels()),
                         Name<Kernel<Qu8QuantizeShiftedFn>>);

TEST(QuantizeKernels, EachFamilyHasItsScalarReferenceAndASimdKernel) {
  EXPECT_STREQ(Qs16QuantizeKernels().front().name, "qs16_quantize__scalar");
  EXPECT_STREQ(Qu8QuantizeShiftedKernels().front().name, "qu8_quantize_shifted__scalar");
  EXPECT_GE(Qs16QuantizeKernels().size(), 2u);
  EXPECT_GE(Qu8QuantizeShiftedKernels().size(), 2u);
}

}  // namespace
}  // namespace tw::kernels
