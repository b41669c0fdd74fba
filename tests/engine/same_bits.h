// The one bit comparison of the kernel tests: every kernel must equal its scalar definition bit
// for bit. Any NaN equals any NaN (IEEE 754 and WebAssembly leave a NaN result's sign and payload
// unspecified, so compilers and SIMD units may differ there); the first difference is named.
#pragma once
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <vector>

namespace tw::testing {

template <typename T>
::testing::AssertionResult SameBits(const T* x, const T* y, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if constexpr (std::is_floating_point_v<T>)
      if (std::isnan(x[i]) && std::isnan(y[i])) continue;
    if (std::memcmp(&x[i], &y[i], sizeof(T)) != 0)
      return ::testing::AssertionFailure() << "element " << i << " of " << n << ": " << +x[i] << " vs " << +y[i];
  }
  return ::testing::AssertionSuccess();
}

template <typename T>
::testing::AssertionResult SameBits(const std::vector<T>& x, const std::vector<T>& y) {
  if (x.size() != y.size()) return ::testing::AssertionFailure() << "sizes " << x.size() << " vs " << y.size();
  return SameBits(x.data(), y.data(), x.size());
}

}  // namespace tw::testing
