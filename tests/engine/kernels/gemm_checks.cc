// GEMM families (kernels/gemm.h): shapes with every tile remainder, odd weight rows,
// k around the vector widths, the model's shapes; qu8s8sat also with inputs that saturate int16.
#include <cmath>
#include <random>

#include "../same_bits.h"
#include "checks.h"

namespace tw::kernels::checks {
namespace {
struct Shape {
  int rows, k, n;
};
const Shape kShapes[] = {{1, 1, 1}, {1, 7, 3}, {2, 16, 2}, {3, 33, 5}, {4, 256, 256}, {4, 960, 64}, {1, 256, 6000}, {4, 17, 9}};
}  // namespace

Result Qs8Gemm(Qs8GemmFn kernel, Qs8GemmFn reference) {
  std::mt19937 rng(7);
  for (const Shape& s : kShapes) {
    std::vector<int16_t> a((size_t)s.rows * s.k);
    std::vector<int8_t> w((size_t)s.n * s.k);
    for (auto& v : a) v = static_cast<int16_t>(int(rng() % 8191) - 4095);  // quantize.h's activation range
    for (auto& v : w) v = static_cast<int8_t>(int(rng() % 255) - 127);
    std::vector<int32_t> got((size_t)s.rows * s.n), want(got.size());
    kernel(a.data(), s.rows, s.k, w.data(), s.n, got.data());
    reference(a.data(), s.rows, s.k, w.data(), s.n, want.data());
    if (auto same = testing::SameBits(got, want); !same) return same << " at " << s.rows << "x" << s.k << "x" << s.n;
  }
  return ::testing::AssertionSuccess();
}

// Even k only (the packing's contract); column counts around the 16-column blocks.
Result Qs8c2Gemm(Qs8c2GemmFn kernel, Qs8c2GemmFn reference) {
  const Shape shapes[] = {{1, 2, 1}, {1, 8, 15}, {2, 16, 16}, {3, 34, 17}, {4, 256, 256}, {5, 960, 48}, {1, 256, 6000},
                          {7, 18, 33}, {4, 1024, 40}};
  std::mt19937 rng(10);
  for (const Shape& s : shapes) {
    std::vector<int16_t> a((size_t)s.rows * s.k);
    std::vector<int8_t> w((size_t)s.n * s.k), packed((size_t)Qs8c2PaddedColumns(s.n) * s.k);
    for (auto& v : a) v = static_cast<int16_t>(int(rng() % 8191) - 4095);
    for (auto& v : w) v = static_cast<int8_t>(int(rng() % 255) - 127);
    PackQs8c2(w.data(), s.n, s.k, packed.data());
    const int n_pad = Qs8c2PaddedColumns(s.n);
    std::vector<int32_t> got((size_t)s.rows * n_pad), want(got.size());
    kernel(a.data(), s.rows, s.k, packed.data(), n_pad, got.data());
    reference(a.data(), s.rows, s.k, packed.data(), n_pad, want.data());
    if (auto same = testing::SameBits(got, want); !same) return same << " at " << s.rows << "x" << s.k << "x" << s.n;
  }
  return ::testing::AssertionSuccess();
}

Result F32Gemm(F32GemmFn kernel, F32GemmFn reference) {
  std::mt19937 rng(8);
  std::normal_distribution<float> nd(0.f, 1.f);
  for (const Shape& s : kShapes) {
    std::vector<float> a((size_t)s.rows * s.k), w((size_t)s.n * s.k);
    for (auto& v : a) v = nd(rng);
    for (auto& v : w) v = nd(rng);
    std::vector<float> got((size_t)s.rows * s.n), want(got.size());
    kernel(a.data(), s.rows, s.k, w.data(), s.n, got.data());
    reference(a.data(), s.rows, s.k, w.data(), s.n, want.data());
    const float tolerance = 1e-4f * (1.f + std::sqrt((float)s.k));  // another summation order
    for (size_t i = 0; i < got.size(); ++i)
      if (!(std::fabs(got[i] - want[i]) <= tolerance))
        return ::testing::AssertionFailure() << "element " << i << ": " << got[i] << " vs " << want[i] << " at " << s.rows
                                             << "x" << s.k << "x" << s.n;
  }
  return ::testing::AssertionSuccess();
}

Result Qu8s8SatGemm(Qu8s8SatGemmFn kernel, Qu8s8SatGemmFn reference) {
  std::mt19937 rng(9);
  for (const Shape& s : kShapes)
    for (int extreme = 0; extreme < 2; ++extreme) {
      // extreme: large activations and weights of one sign, so that most pairs saturate int16
      std::vector<uint8_t> a((size_t)s.rows * s.k);
      std::vector<int8_t> w((size_t)s.n * s.k);
      for (auto& v : a) v = static_cast<uint8_t>(extreme ? 200 + rng() % 55 : rng() % 255);
      for (auto& v : w) v = static_cast<int8_t>(extreme ? (rng() % 2 ? 1 : -1) * int(100 + rng() % 28) : int(rng() % 255) - 127);
      std::vector<int32_t> got((size_t)s.rows * s.n), want(got.size());
      kernel(a.data(), s.rows, s.k, w.data(), s.n, got.data());
      reference(a.data(), s.rows, s.k, w.data(), s.n, want.data());
      if (auto same = testing::SameBits(got, want); !same)
        return same << " at " << s.rows << "x" << s.k << "x" << s.n << (extreme ? " (saturating)" : "");
    }
  return ::testing::AssertionSuccess();
}

}  // namespace tw::kernels::checks
