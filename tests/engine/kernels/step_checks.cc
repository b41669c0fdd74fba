// The per-step decoder families (kernels/step.h): SSRU updates over lengths around the SIMD
// widths with large and hostile values; shifted exps likewise; argmax with ties, the skipped id at every position of a
// vector, NaN, -inf rows; int8 embedding rows of several widths.
#include <algorithm>
#include <cmath>
#include <random>

#include "../same_bits.h"
#include "checks.h"

namespace tw::kernels::checks {

Result F32Ssru(F32SsruFn kernel, F32SsruFn reference) {
  std::mt19937 rng(4);
  for (size_t n : {1u, 3u, 4u, 7u, 8u, 9u, 17u, 256u, 1029u}) {
    std::normal_distribution<float> nd(0.f, n > 200 ? 30.f : 2.f);
    std::vector<float> a(n), b(n), c(n);
    for (auto* v : {&a, &b, &c})
      for (auto& x : *v) x = nd(rng);
    if (n > 8) a[3] = NAN, a[5] = INFINITY, a[6] = -INFINITY, b[7] = NAN;
    auto a2 = a, c2 = c;
    kernel(a.data(), b.data(), c.data(), n);
    reference(a2.data(), b.data(), c2.data(), n);
    if (auto same = testing::SameBits(a, a2); !same) return same << " (output) at n=" << n;
    if (auto same = testing::SameBits(c, c2); !same) return same << " (cell) at n=" << n;
  }
  return ::testing::AssertionSuccess();
}

Result F32Argmax(F32ArgmaxFn kernel, F32ArgmaxFn reference) {
  auto differs = [&](const std::vector<float>& x, int skip) -> bool {
    return kernel(x.data(), static_cast<int>(x.size()), skip) != reference(x.data(), static_cast<int>(x.size()), skip);
  };
  std::mt19937 rng(6);
  std::normal_distribution<float> nd(0.f, 3.f);
  for (int n : {1, 2, 5, 8, 9, 16, 17, 6000}) {
    std::vector<float> x(n);
    for (auto& v : x) v = std::round(nd(rng));  // many ties
    for (int skip = -1; skip < std::min(n, 20); ++skip) {
      if (differs(x, skip)) return ::testing::AssertionFailure() << "n " << n << " skip " << skip;
      if (n > 1 && skip >= 0) {  // the skipped id holds the largest value: it must still not win
        auto y = x;
        y[skip] = 1e9f;
        if (differs(y, skip)) return ::testing::AssertionFailure() << "n " << n << " skip " << skip << " holding the largest";
      }
    }
  }
  const std::vector<float> odd = {NAN, 1.f, 5.f, NAN, 5.f, -INFINITY, 2.f, 0.f, 4.f, NAN};
  for (int skip : {-1, 0, 1, 2})
    if (differs(odd, skip)) return ::testing::AssertionFailure() << "NaN row, skip " << skip;
  if (differs(std::vector<float>(12, -INFINITY), 0)) return ::testing::AssertionFailure() << "-inf row";
  return ::testing::AssertionSuccess();
}

Result F32ExpShifted(F32ExpShiftedFn kernel, F32ExpShiftedFn reference) {
  std::mt19937 rng(8);
  for (size_t n : {1u, 3u, 4u, 7u, 8u, 9u, 17u, 8000u}) {
    std::normal_distribution<float> nd(0.f, n > 100 ? 40.f : 5.f);  // wide: underflow to 0 and clamping
    std::vector<float> x(n), got(n), want(n);
    for (auto& v : x) v = nd(rng);
    if (n > 8) x[2] = NAN, x[4] = INFINITY, x[5] = -INFINITY, x[6] = 200.f;
    for (float shift : {0.f, 3.5f, -10.f}) {
      kernel(x.data(), n, shift, got.data());
      reference(x.data(), n, shift, want.data());
      if (auto same = testing::SameBits(got, want); !same) return same << " at n=" << n << " shift " << shift;
    }
  }
  return ::testing::AssertionSuccess();
}

Result Qs8Embed(Qs8EmbedFn kernel, Qs8EmbedFn reference) {
  std::mt19937 rng(12);
  std::normal_distribution<float> nd(0.f, 1.f);
  for (int d : {1, 7, 8, 9, 16, 30, 256, 512}) {
    std::vector<int8_t> q(d);
    std::vector<float> signal(d), got(d), want(d);
    for (auto& v : q) v = static_cast<int8_t>(int(rng() % 255) - 127);
    for (auto& v : signal) v = nd(rng);
    kernel(q.data(), 0.0123f, std::sqrt(static_cast<float>(d)), signal.data(), d, got.data());
    reference(q.data(), 0.0123f, std::sqrt(static_cast<float>(d)), signal.data(), d, want.data());
    if (auto same = testing::SameBits(got, want); !same) return same << " at d=" << d;
  }
  return ::testing::AssertionSuccess();
}

}  // namespace tw::kernels::checks
