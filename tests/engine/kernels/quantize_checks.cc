// Activation quantization families (kernels/quantize.h): ordinary rows, every length
// around the SIMD widths, and hostile values (NaN, inf, huge, tiny, all zero).
#include <cmath>
#include <random>

#include "../same_bits.h"
#include "checks.h"

namespace tw::kernels::checks {
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
}  // namespace

Result Qs16Quantize(Qs16QuantizeFn kernel, Qs16QuantizeFn reference) {
  for (const auto& row : Rows())
    for (float levels : {127.f, 4095.f}) {
      const int n = static_cast<int>(row.size());
      std::vector<int16_t> got(n, 99), want(n, -99);
      const float s = kernel(row.data(), n, levels, got.data());
      const float t = reference(row.data(), n, levels, want.data());
      if (auto same = testing::SameBits(&s, &t, 1); !same) return same << " (scale) at n=" << n;
      if (auto same = testing::SameBits(got, want); !same) return same << " at n=" << n << " levels=" << levels;
    }
  return ::testing::AssertionSuccess();
}

Result Qu8QuantizeShifted(Qu8QuantizeShiftedFn kernel, Qu8QuantizeShiftedFn reference) {
  for (const auto& row : Rows())
    for (float mult : {0.5f, 13.f, 1000.f}) {
      const int n = static_cast<int>(row.size());
      std::vector<uint8_t> got(n, 1), want(n, 2);
      kernel(row.data(), n, mult, got.data());
      reference(row.data(), n, mult, want.data());
      if (auto same = testing::SameBits(got, want); !same) return same << " at n=" << n << " mult=" << mult;
    }
  return ::testing::AssertionSuccess();
}

}  // namespace tw::kernels::checks
