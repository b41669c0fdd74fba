// Every attention kernel (ops/kernels/attention.h) against the scalar definition, bit for bit:
// key counts around the SIMD widths, several heads, masked keys, a padded key stride, several
// query rows, and scores large enough to hit Exp's clamps. Runs natively and, in WASM, under Node.
#include <gtest/gtest.h>

#include "same_bits.h"

#include <cstring>
#include <random>

#include "ops/exp.h"
#include "ops/kernels/attention.h"
#if defined(__x86_64__)
#include "ops/kernels/exp-avx2.h"
#endif
#if defined(__wasm_simd128__)
#include "ops/kernels/exp-wasmsimd.h"
#endif

namespace tw::kernels {
namespace {

class F32Attention : public ::testing::TestWithParam<Kernel<F32AttentionFn>> {};

TEST_P(F32Attention, EqualsScalarBitForBit) {
  if (!GetParam().available()) GTEST_SKIP() << "not supported by this CPU";
  std::mt19937 rng(5);
  struct Case { int tq, tk, valid, heads, d; float spread; };
  const Case cases[] = {{1, 1, 1, 1, 4, 1.f},   {1, 7, 7, 2, 8, 1.f},    {3, 9, 6, 2, 16, 2.f},   {1, 33, 33, 8, 256, 1.f},
                        {5, 16, 13, 4, 36, 3.f}, {1, 40, 40, 8, 256, 40.f}, {2, 12, 12, 3, 30, 1.f}};
  for (const Case& c : cases) {
    std::normal_distribution<float> n(0.f, c.spread);
    const int ldk = c.tk + 3;  // a stride wider than the keys
    std::vector<float> q((size_t)c.tq * c.d), kt((size_t)c.d * ldk), v((size_t)c.tk * c.d);
    for (auto* a : {&q, &kt, &v})
      for (auto& x : *a) x = n(rng);
    std::vector<float> got((size_t)c.tq * c.d, 7.f), want(got.size(), -7.f), p1(c.tk), p2(c.tk);
    GetParam().fn(q.data(), c.tq, kt.data(), ldk, v.data(), c.valid, c.heads, c.d, got.data(), p1.data());
    f32_attention__scalar(q.data(), c.tq, kt.data(), ldk, v.data(), c.valid, c.heads, c.d, want.data(), p2.data());
    ASSERT_TRUE(testing::SameBits(got, want)) << "tq " << c.tq << " tk " << c.tk << " heads " << c.heads << " d " << c.d;
  }
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

#if defined(__x86_64__)
__attribute__((target("avx2"))) void ExpAvx2Array(const std::vector<float>& xs, std::vector<float>& out) {
  for (size_t i = 0; i < xs.size(); i += 8) _mm256_storeu_ps(&out[i], ExpAvx2(_mm256_loadu_ps(&xs[i])));
}
#endif

// The vector Exp helpers the SIMD kernels use equal ops/exp.h lane for lane, edges included.
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

std::string Name(const ::testing::TestParamInfo<Kernel<F32AttentionFn>>& info) { return info.param.name; }
INSTANTIATE_TEST_SUITE_P(All, F32Attention, ::testing::ValuesIn(F32AttentionKernels()), Name);

TEST(F32Attention, FamilyHasItsScalarReferenceAndASimdKernel) {
  EXPECT_STREQ(F32AttentionKernels().front().name, "f32_attention__scalar");
  EXPECT_GE(F32AttentionKernels().size(), 2u);
}

}  // namespace
}  // namespace tw::kernels
