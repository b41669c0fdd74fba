// The scalar references themselves, on cases worked by hand (the conformance suite then holds
// every other kernel to them), and the vector Exp helpers the SIMD kernels use.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "../same_bits.h"
#include "kernels/gemm.h"
#include "kernels/quantize.h"
#include "kernels/exp.h"
#include "kernels/attention.h"
#include "kernels/layernorm.h"
#include "kernels/step.h"
#if defined(__x86_64__)
#include "kernels/exp-avx2.h"
#endif
#if defined(__wasm_simd128__)
#include "kernels/exp-wasmsimd.h"
#endif

namespace tw::kernels {
namespace {

TEST(Qu8s8SatGemm, ScalarSaturatesEachPairToInt16) {
  const uint8_t a[4] = {254, 254, 254, 1};
  const int8_t w[4] = {127, 127, -127, 2};
  int32_t acc = 0;
  qu8s8sat_gemm_1x1__scalar(a, 1, 4, w, 1, &acc);
  // 254*127 + 254*127 = 64516 -> 32767; 254*-127 + 1*2 = -32256 (no saturation)
  EXPECT_EQ(acc, 32767 - 32256);
}

TEST(Qs8Gemm, ScalarIsTheDotProductOfEveryRowPair) {
  const int16_t a[6] = {1, -2, 3, 4000, 0, -4000};  // 2 rows, k 3
  const int8_t w[6] = {127, 1, -1, -127, 0, 2};      // 2 weight rows
  int32_t acc[4];
  qs8_gemm_1x1__scalar(a, 2, 3, w, 2, acc);
  EXPECT_EQ(acc[0], 127 - 2 - 3);
  EXPECT_EQ(acc[1], -127 + 6);
  EXPECT_EQ(acc[2], 4000 * 127 + 4000);
  EXPECT_EQ(acc[3], -4000 * 127 - 8000);
}

// The packed reference is the plain qs8 product of the weights before packing, with zero
// columns after the last (padding to whole 16-column blocks).
TEST(Qs8c2Gemm, PackedScalarEqualsThePlainProduct) {
  const int rows = 3, k = 6, n = 19, n_pad = Qs8c2PaddedColumns(n);
  ASSERT_EQ(n_pad, 32);
  std::vector<int16_t> a(rows * k);
  std::vector<int8_t> w(n * k), packed((size_t)n_pad * k);
  for (size_t i = 0; i < a.size(); ++i) a[i] = static_cast<int16_t>((int(i) * 977) % 8191 - 4095);
  for (size_t i = 0; i < w.size(); ++i) w[i] = static_cast<int8_t>((int(i) * 53) % 255 - 127);
  PackQs8c2(w.data(), n, k, packed.data());
  std::vector<int32_t> plain(rows * n), got(rows * n_pad, -1);
  qs8_gemm_1x1__scalar(a.data(), rows, k, w.data(), n, plain.data());
  qs8c2_gemm_1x1__scalar(a.data(), rows, k, packed.data(), n_pad, got.data());
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < n_pad; ++c) EXPECT_EQ(got[r * n_pad + c], c < n ? plain[r * n + c] : 0) << r << "," << c;
}

TEST(Qs16Quantize, ScalarDefinition) {
  const float x[] = {-2.f, 1.f, 0.5f, NAN, 0.25f};
  int16_t q[5];
  EXPECT_EQ(qs16_quantize__scalar(x, 5, 4.f, q), 0.5f);  // max|x| / levels
  const int16_t want[] = {-4, 2, 1, 0, 0};                // 0.5 * 2 = 1; 0.25 * 2 = 0.5 -> 0 (half to even)
  for (int i = 0; i < 5; ++i) EXPECT_EQ(q[i], want[i]) << i;
}

TEST(F32Attention, ScalarAttendsToTheMatchingKey) {
  // One head, d 2: the query matches key 1 far better, so the output is (nearly) value 1.
  const float q[] = {10.f, 0.f}, kt[] = {0.f, 10.f, -10.f, /* c = 1 */ 0.f, 0.f, 0.f};
  const float v[] = {1.f, 1.f, 5.f, -5.f, 9.f, 9.f};
  float out[2], p[3];
  f32_attention__scalar(q, 1, kt, 3, v, 3, 1, 2, out, p);
  EXPECT_NEAR(out[0], 5.f, 1e-3f);
  EXPECT_NEAR(out[1], -5.f, 1e-3f);
  f32_attention__scalar(q, 1, kt, 3, v, 1, 1, 2, out, p);  // only key 0 is valid
  EXPECT_EQ(out[0], 1.f);
}

TEST(F32AddLayerNorm, ScalarNormalizes) {
  float x[4] = {1.f, 2.f, 3.f, 4.f};
  const float res[4] = {1.f, 1.f, 1.f, 1.f}, scale[4] = {1.f, 1.f, 1.f, 1.f}, bias[4] = {0.f, 0.f, 0.f, 10.f};
  f32_add_layernorm__scalar(x, res, 1, 4, scale, bias);
  EXPECT_NEAR(x[0] + x[1] + x[2] + x[3] - 10.f, 0.f, 1e-5f);  // mean 0, plus the bias
  EXPECT_NEAR(x[0], -1.3416f, 1e-3f);                          // (2 - 3.5) / sqrt(1.25)
}

TEST(F32Argmax, ScalarDefinition) {
  const float x[] = {1.f, 7.f, 3.f, 7.f, 9.f};
  EXPECT_EQ(f32_argmax__scalar(x, 5, -1), 4);
  EXPECT_EQ(f32_argmax__scalar(x, 5, 4), 1);   // ties: the first
  EXPECT_EQ(f32_argmax__scalar(x, 1, 0), -1);  // nothing to choose
  const std::vector<float> low(12, -INFINITY);
  EXPECT_EQ(f32_argmax__scalar(low.data(), 12, 0), 1);  // all -inf: the first candidate
}

TEST(F32ExpShifted, ScalarDefinition) {
  const float x[] = {0.f, 1.f, -1.f, 2.5f};
  float out[4];
  f32_exp_shifted__scalar(x, 4, 1.f, out);
  for (int i = 0; i < 4; ++i) EXPECT_NEAR(out[i], std::exp(x[i] - 1.f), 2e-7f * std::exp(x[i] - 1.f)) << i;
  EXPECT_EQ(out[1], 1.f);  // exp(0) exactly
}

#if defined(__x86_64__)
__attribute__((target("avx2"))) void ExpAvx2Array(const std::vector<float>& xs, std::vector<float>& out) {
  for (size_t i = 0; i < xs.size(); i += 8) _mm256_storeu_ps(&out[i], ExpAvx2(_mm256_loadu_ps(&xs[i])));
}
#endif

// The vector Exp helpers the SIMD kernels use equal kernels/exp.h lane for lane, edges included.
TEST(VectorExp, EqualsScalarExp) {
  std::vector<float> xs = {NAN, INFINITY, -INFINITY, 0.f, -0.f, 88.f, 88.5f, 1e30f, -87.29f, -87.3f, -87.31f, -1e30f,
                           1e-30f, 0.5f, -0.5f, 1.5f, 60.f, -60.f};
  std::mt19937 rng(9);
  std::uniform_real_distribution<float> u(-100.f, 100.f);
  for (int i = 0; i < 4000; ++i) xs.push_back(u(rng));
  while (xs.size() % 8) xs.push_back(0.f);
  std::vector<float> want(xs.size());
  for (size_t i = 0; i < xs.size(); ++i) want[i] = Exp(xs[i]);
  int checked = 0;
#if defined(__x86_64__)
  if (__builtin_cpu_supports("avx2")) {
    std::vector<float> got(xs.size());
    ExpAvx2Array(xs, got);
    EXPECT_TRUE(testing::SameBits(got, want)) << "avx2";
    ++checked;
  }
#endif
#if defined(__wasm_simd128__)
  std::vector<float> got(xs.size());
  for (size_t i = 0; i < xs.size(); i += 4) wasm_v128_store(&got[i], ExpWasmSimd(wasm_v128_load(&xs[i])));
  EXPECT_TRUE(testing::SameBits(got, want)) << "wasmsimd";
  ++checked;
#endif
  if (!checked) GTEST_SKIP() << "no vector Exp in this build";
}

}  // namespace
}  // namespace tw::kernels
