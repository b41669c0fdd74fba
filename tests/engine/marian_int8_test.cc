// Marian's int8 arithmetic (backends/marian_int8.h): the formulas on hand-checked values, every
// backend giving the same bits, and models that opt in loading, or failing with a clear error.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <memory>
#include <random>

#include "backends/backend.h"
#include "kernels/quantize.h"
#include "backends/marian_int8.h"
#include "core/error.h"
#include "format/model_file.h"
#include "model/transformer.h"
#include "tiny_model.h"

namespace tw {
namespace {

TEST(MarianInt8, ActivationsAreShiftedRoundedHalfEvenAndClamped) {
  const float x[] = {0.f, 1.25f, -1.25f, 0.5f / 4, 1.5f / 4, 100.f, -100.f, NAN, INFINITY};
  uint8_t a[9];
  kernels::qu8_quantize_shifted__scalar(x, 9, 4.f, a);  // intgemm's PrepareA(Int8Shift)  // x * 4: 0, 5, -5, 0.5 -> 0, 1.5 -> 2, clamped, clamped, NaN, inf
  const uint8_t want[] = {127, 132, 122, 127, 129, 254, 0, 0, 254};
  for (int i = 0; i < 9; ++i) EXPECT_EQ(a[i], want[i]) << i;
}

TEST(MarianInt8, ShiftIsUndoneByTheBiasAndPairsSaturate) {
  // One output, k = 4: w = {127, 127, 1, -1}, a_mult = b_mult = 1 (values are the integers).
  const int8_t w[] = {127, 127, 1, -1};
  const float bias[] = {0.5f};
  MarianInt8 m = PrepareMarianInt8(w, 1, 4, 1.f, 1.f, bias);
  EXPECT_EQ(m.unquant, 1.f);
  EXPECT_EQ(m.bias[0], 254 * -127.f + 0.5f);  // column sum 254, times -(127 * 127) / 127
  LinearWeights lw;
  lw.in = 4;
  lw.out = 1;
  lw.q = w;
  lw.marian = std::make_shared<MarianInt8>(m);
  float y = 0;
  const float small[] = {3.f, -2.f, 5.f, 1.f};  // no saturation: exactly x . w + bias
  MarianInt8Linear(lw, small, 1, &y, false);
  EXPECT_EQ(y, 3 * 127 - 2 * 127 + 5 - 1 + 0.5f);
  const float big[] = {127.f, 127.f, 0.f, 0.f};  // (254 * 127) * 2 = 64516 saturates to 32767
  MarianInt8Linear(lw, big, 1, &y, false);
  EXPECT_EQ(y, 32767.f + 127 * -254.f + 0.5f);
}

TEST(MarianInt8, EveryBackendGivesTheSameBits) {
  std::mt19937 rng(3);
  std::normal_distribution<float> n(0.f, 1.f);
  const int in = 70, out = 37, rows = 9;  // odd sizes: kernel tails and partial row tiles
  std::vector<int8_t> q((size_t)in * out);
  for (auto& v : q) v = static_cast<int8_t>(int(rng() % 255) - 127);
  std::vector<float> bias(out), scale(out, 1.f / 50.f), x((size_t)rows * in);
  for (auto& v : bias) v = n(rng);
  for (auto& v : x) v = 3.f * n(rng);
  for (const std::string& name : AvailableBackends()) {
    auto backend = MakeBackend(name);
    LinearWeights lw;
    lw.in = in;
    lw.out = out;
    lw.q = q.data();
    lw.scale = scale.data();
    lw.bias = bias.data();
    lw.marian_a_mult = 40.f;
    lw.marian_b_mult = 50.f;
    backend->Prepare(lw);
    ASSERT_TRUE(lw.marian) << name << ": the multipliers choose Marian's arithmetic at load";
    std::vector<float> got((size_t)rows * out), want(got.size());
    backend->Linear(lw, x.data(), rows, got.data());
    MarianInt8Linear(lw, x.data(), rows, want.data(), false);
    EXPECT_EQ(0, std::memcmp(got.data(), want.data(), got.size() * sizeof(float))) << name;
  }
}

TEST(MarianInt8, OptedInModelRunsAndDiffersFromOurArithmetic) {
  auto meta = testing::TinyMarianMeta();
  auto file = std::make_shared<const ModelFile>(ModelFile::FromBytes(WriteModelFile(meta, testing::TinyMarianTensors(false))));
  testing::TinySpec spec;
  spec.int8 = true;
  auto ours = std::make_shared<const ModelFile>(ModelFile::FromBytes(testing::TinyModelBytes(spec)));
  std::vector<float> logits[2];
  int i = 0;
  for (const auto& f : {file, ours}) {
    Transformer model(f, MakeBackend("native"));
    Encoded enc = model.Encode({{5, 6, 7, 0}});
    DecoderState st = model.Start(enc, {0});
    model.Step(enc, st, {0}, logits[i++]);
  }
  for (float v : logits[0]) ASSERT_TRUE(std::isfinite(v));
  EXPECT_NE(logits[0], logits[1]);
}

TEST(MarianInt8, MissingMultiplierOrUnknownArithmeticIsAClearError) {
  auto meta = testing::TinyMarianMeta();
  try {
    Transformer model(std::make_shared<const ModelFile>(ModelFile::FromBytes(WriteModelFile(meta, testing::TinyMarianTensors(true)))),
                      MakeBackend("reference"));
    FAIL() << "loaded without a b_mult";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kMissingTensor);
    EXPECT_NE(std::string(e.what()).find("b_mult"), std::string::npos) << e.what();
  }
  meta["int8_arithmetic"] = "intgemm16";
  try {
    Transformer model(std::make_shared<const ModelFile>(ModelFile::FromBytes(WriteModelFile(meta, testing::TinyMarianTensors(false)))),
                      MakeBackend("reference"));
    FAIL() << "loaded an unknown arithmetic";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBadConfig);
    EXPECT_NE(std::string(e.what()).find("int8_arithmetic"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace tw
