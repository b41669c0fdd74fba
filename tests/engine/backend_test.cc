// Every backend's fully-connected layer against the scalar reference, for f32 and int8 weights,
// over shapes that hit the kernels' tile edges.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "backends/backend.h"
#include "backends/activation_quantization.h"

namespace tw {
namespace {

struct Shape {
  int rows, in, out;
};

struct Case {
  std::string backend;
  bool int8;
  Shape shape;
};

std::string CaseName(const ::testing::TestParamInfo<Case>& info) {
  const Case& c = info.param;
  return c.backend + (c.int8 ? "_int8_" : "_f32_") + std::to_string(c.shape.rows) + "x" + std::to_string(c.shape.in) +
         "x" + std::to_string(c.shape.out);
}

class BackendTest : public ::testing::TestWithParam<Case> {};

struct Weights {
  std::vector<float> w, bias, scale, dequantized;
  std::vector<int8_t> q;
};

Weights Random(const Shape& s, std::mt19937& rng) {
  std::normal_distribution<float> n(0.f, 0.5f);
  Weights r;
  r.w.resize((size_t)s.in * s.out);
  for (auto& x : r.w) x = n(rng);
  r.bias.resize(s.out);
  for (auto& x : r.bias) x = n(rng);
  r.q.resize(r.w.size());
  r.scale.resize(s.out);
  r.dequantized.resize(r.w.size());
  for (int o = 0; o < s.out; ++o) {
    float amax = 0.f;
    for (int k = 0; k < s.in; ++k) amax = std::fmax(amax, std::fabs(r.w[(size_t)o * s.in + k]));
    r.scale[o] = amax / 127.f;
    for (int k = 0; k < s.in; ++k) {
      size_t i = (size_t)o * s.in + k;
      r.q[i] = static_cast<int8_t>(std::nearbyint(r.w[i] / r.scale[o]));
      r.dequantized[i] = r.q[i] * r.scale[o];
    }
  }
  return r;
}

TEST_P(BackendTest, MatchesReference) {
  const Case& c = GetParam();
  std::mt19937 rng(c.shape.rows * 131 + c.shape.in * 7 + c.shape.out);
  Weights wts = Random(c.shape, rng);
  std::normal_distribution<float> n(0.f, 1.f);
  std::vector<float> x((size_t)c.shape.rows * c.shape.in);
  for (auto& v : x) v = n(rng);

  LinearWeights lw;
  lw.in = c.shape.in;
  lw.out = c.shape.out;
  lw.bias = wts.bias.data();
  if (c.int8) {
    lw.q = wts.q.data();
    lw.scale = wts.scale.data();
  } else {
    lw.w = wts.w.data();
  }
  auto backend = MakeBackend(c.backend);
  LinearWeights mine = lw;
  backend->Prepare(mine);
  std::vector<float> got((size_t)c.shape.rows * c.shape.out), want(got.size()), f32(got.size());
  backend->Linear(mine, x.data(), c.shape.rows, got.data());
  MakeBackend("reference")->Linear(lw, x.data(), c.shape.rows, want.data());

  // f32 on the (de)quantized weights: what the XNNPACK backend computes, and the yardstick
  // for the int8 error bound.
  LinearWeights deq = lw;
  deq.q = nullptr;
  deq.w = c.int8 ? wts.dequantized.data() : wts.w.data();
  MakeBackend("reference")->Linear(deq, x.data(), c.shape.rows, f32.data());

  for (int r = 0; r < c.shape.rows; ++r) {
    float xmax = 0.f;
    for (int k = 0; k < c.shape.in; ++k) xmax = std::fmax(xmax, std::fabs(x[(size_t)r * c.shape.in + k]));
    for (int o = 0; o < c.shape.out; ++o) {
      const size_t i = (size_t)r * c.shape.out + o;
      float wsum = 0.f;
      for (int k = 0; k < c.shape.in; ++k) wsum += std::fabs(wts.dequantized[(size_t)o * c.shape.in + k]);
      if (c.int8 && c.backend != "xnnpack") {
        // Same integers, same dequantization order: bit-identical.
        ASSERT_EQ(got[i], want[i]) << "row " << r << " col " << o;
        // Rounding each activation moves it by at most max|x|/254, so the product moves by at
        // most sum|w| * max|x| / 254 (plus f32 rounding).
        ASSERT_NEAR(want[i], f32[i], wsum * xmax / 254.f * 1.001f + 1e-4f) << "int8 error bound";
      } else {
        // f32 arithmetic in another summation order.
        ASSERT_NEAR(got[i], f32[i], 1e-4f * (1.f + std::fabs(f32[i]))) << "row " << r << " col " << o;
      }
    }
  }
}

std::vector<Case> AllCases() {
  std::vector<Case> cases;
  for (const auto& b : AvailableBackends())
    for (bool int8 : {false, true})
      for (Shape s : {Shape{1, 16, 8}, Shape{3, 17, 5}, Shape{4, 256, 256}, Shape{7, 256, 960}, Shape{9, 960, 256},
                      Shape{2, 64, 6000}})
        cases.push_back({b, int8, s});
  return cases;
}

INSTANTIATE_TEST_SUITE_P(AllBackends, BackendTest, ::testing::ValuesIn(AllCases()), CaseName);

TEST(Backend, UnknownNameListsTheAvailableOnes) {
  try {
    MakeBackend("cuda");
    FAIL();
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("available: reference, native"), std::string::npos);
  }
}

TEST(Quantize, ZeroRowAndRoundTrip) {
  std::vector<float> zero(8, 0.f);
  std::vector<int16_t> q(8, 5);
  EXPECT_EQ(QuantizeRow(zero.data(), 8, q.data()), 0.f);
  for (auto v : q) EXPECT_EQ(v, 0);
  std::vector<float> x = {-2.f, 1.f, 0.5f, 2.f, 2.f / 4095.f * 0.5f, 2.f / 4095.f * 1.5f};
  float s = QuantizeRow(x.data(), 6, q.data());
  EXPECT_FLOAT_EQ(s, 2.f / 4095.f);
  EXPECT_EQ(q[0], -4095);
  EXPECT_EQ(q[3], 4095);
  EXPECT_EQ(q[1], 2048);  // 2047.5 rounds half to even
  EXPECT_EQ(q[2], 1024);  // 1023.75
  EXPECT_EQ(q[4], 0);     // 0.5 rounds half to even
  EXPECT_EQ(q[5], 2);     // 1.5 too
}

TEST(Quantize, LevelsKeepInt32SumsExact) {
  EXPECT_EQ(ActivationLevels(256), 4095.f);
  EXPECT_EQ(ActivationLevels(4129), 4095.f);
  for (int k : {4130, 20000, 65536, 1 << 20}) {
    const float l = ActivationLevels(k);
    EXPECT_LT(l, 4095.f) << k;
    EXPECT_LE(static_cast<double>(l) * 127.0 * k, 2147483647.0) << k;
    EXPECT_GE(l, 1.f) << k;
  }
}

// Worst case for exactness: every activation and weight at its extreme, the longest row that
// keeps 4095 levels. The optimized kernels must still agree with exact 64-bit arithmetic.
TEST(Quantize, ExtremeRowsAccumulateExactly) {
  const int k = 4128;
  LinearWeights w;
  w.in = k;
  w.out = 2;
  std::vector<int8_t> q((size_t)2 * k, -127);
  for (int i = 0; i < k; ++i) q[k + i] = 127;
  std::vector<float> scale = {1.f, 1.f};
  w.q = q.data();
  w.scale = scale.data();
  std::vector<float> x(k, 1.f), y(2);
  for (const auto& name : AvailableBackends()) {
    if (name == "xnnpack") continue;  // f32 arithmetic on dequantized weights
    auto b = MakeBackend(name);
    b->Prepare(w);
    b->Linear(w, x.data(), 1, y.data());
    const double exact = 4095.0 * 127.0 * k * (1.0 / 4095.0);
    EXPECT_FLOAT_EQ(y[0], static_cast<float>(-exact)) << name;
    EXPECT_FLOAT_EQ(y[1], static_cast<float>(exact)) << name;
  }
}

}  // namespace
}  // namespace tw
