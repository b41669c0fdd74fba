// Confidence scores on the shipped en-de model: each sentence's score is the mean log-probability
// of the tokens greedy search chose (EOS included), checked against a separate teacher-forced
// computation; it does not depend on the batch; asking for it changes no output; lines get the
// token-weighted mean of their chunks through the C API, NaN where no output went in.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "bindings/c_api.h"
#include "model/search.h"
#include "translator/translator.h"

namespace {

const std::string kDir = std::string(TW_SOURCE_DIR) + "/models/en-de/";

std::string Slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

std::unique_ptr<tw::Translator> Load() {
  return tw::Translator::FromPaths(kDir + "model.twm", kDir + "vocab.spm", tw::TranslatorOptions{});
}

const std::vector<std::string> kLines = {
    "A dog runs through the snow.", "Scientists say the tuberculosis vaccine works.",
    "Click Save to keep your changes.", "Qwpoe zxmv lkjasd poiu.", "The meeting was moved to Tuesday afternoon."};

// Mean log-probability of `out` followed by EOS for one source, one step at a time with the
// chosen tokens fed back, softmax in double with the C library's exp.
double TeacherForcedMean(tw::Transformer& model, const std::vector<int>& src, const std::vector<int>& out) {
  const auto& cfg = model.config();
  tw::Encoded enc = model.Encode({src});
  tw::DecoderState st = model.Start(enc, {0});
  std::vector<float> logits;
  int prev = cfg.eos_id;
  double sum = 0.0;
  for (size_t t = 0; t <= out.size(); ++t) {
    model.Step(enc, st, {prev}, logits);
    const int next = t < out.size() ? out[t] : cfg.eos_id;
    double mx = -INFINITY, z = 0.0;
    for (int v = 0; v < cfg.vocab_size; ++v)
      if (v != cfg.unk_id) mx = std::max(mx, static_cast<double>(logits[v]));
    for (int v = 0; v < cfg.vocab_size; ++v)
      if (v != cfg.unk_id) z += std::exp(logits[v] - mx);
    sum += logits[next] - mx - std::log(z);
    prev = next;
  }
  return sum / static_cast<double>(out.size() + 1);
}

TEST(Confidence, GreedyScoreIsTheMeanLogProbabilityOfItsTokens) {
  auto tr = Load();
  std::vector<std::vector<int>> src;
  for (const auto& l : kLines) src.push_back(tr->SourceChunks(l)[0]);
  std::vector<float> scores;
  const auto scored = tw::GreedySearch(tr->model(), src, {}, &scores);
  const auto plain = tw::GreedySearch(tr->model(), src, {});
  ASSERT_EQ(scored, plain) << "asking for scores must not change the output";
  ASSERT_EQ(scores.size(), src.size());
  for (size_t i = 0; i < src.size(); ++i) {
    EXPECT_LT(scores[i], 0.f) << kLines[i];
    EXPECT_NEAR(scores[i], TeacherForcedMean(tr->model(), src[i], scored[i]), 1e-4) << kLines[i];
  }
  // The sentences differ in how sure the model is: the scores are not one constant.
  EXPECT_GT(*std::max_element(scores.begin(), scores.end()) - *std::min_element(scores.begin(), scores.end()), 0.1f);
}

TEST(Confidence, ScoreDoesNotDependOnTheBatch) {
  auto tr = Load();
  std::vector<std::vector<int>> src;
  for (const auto& l : kLines) src.push_back(tr->SourceChunks(l)[0]);
  std::vector<float> together;
  tw::GreedySearch(tr->model(), src, {}, &together);
  for (size_t i = 0; i < src.size(); ++i) {
    std::vector<float> alone;
    tw::GreedySearch(tr->model(), {src[i]}, {}, &alone);
    EXPECT_EQ(alone[0], together[i]) << kLines[i];
  }
}

TEST(Confidence, BeamOfOneScoresAsGreedy) {
  auto tr = Load();
  const auto src = tr->SourceChunks(kLines[1])[0];
  std::vector<float> greedy;
  const auto g = tw::GreedySearch(tr->model(), {src}, {}, &greedy);
  tw::SearchOptions one;
  one.beam = 1;
  float beam = 0.f;
  EXPECT_EQ(tw::BeamSearch(tr->model(), src, one, &beam), g[0]);
  EXPECT_NEAR(beam, greedy[0], 1e-4);
}

TEST(Confidence, LineScoresThroughTheCApi) {
  const std::string model = Slurp(kDir + "model.twm"), vocab = Slurp(kDir + "vocab.spm");
  tw_translator* t = tw_translator_create(model.data(), model.size(), vocab.data(), vocab.size(), "native");
  ASSERT_NE(t, nullptr) << tw_last_error();
  const std::string word(150, 'x');  // cuts line 2 into two chunks around a word kept verbatim
  const std::string text = "A dog runs through the snow.\n\nTwo men " + word + " play football.";
  const int n = tw_plan(t, text.c_str());
  ASSERT_EQ(n, 3);
  ASSERT_EQ(tw_decode(t, 1), n) << tw_last_error();
  std::vector<std::vector<int>> plain;
  for (int i = 0; i < n; ++i) {
    int len = 0;
    const int* ids = tw_decoded(t, i, &len);
    plain.emplace_back(ids, ids + len);
  }
  ASSERT_EQ(tw_decode_scored(t, 1), n) << tw_last_error();
  std::vector<int> lengths;
  std::vector<float> chunk;
  for (int i = 0; i < n; ++i) {
    int len = 0;
    const int* ids = tw_decoded(t, i, &len);
    EXPECT_EQ(std::vector<int>(ids, ids + len), plain[i]);
    lengths.push_back(len);
    chunk.push_back(tw_decoded_score(t, i));
    EXPECT_LT(chunk.back(), 0.f);
  }
  EXPECT_EQ(tw_decoded_score(t, n), 0.f);
  const float* lines = tw_line_scores(t, lengths.data(), chunk.data(), n);
  ASSERT_NE(lines, nullptr) << tw_last_error();
  EXPECT_FLOAT_EQ(lines[0], chunk[0]);
  EXPECT_TRUE(std::isnan(lines[1])) << "a blank line has no output to score";
  const double w1 = lengths[1] + 1, w2 = lengths[2] + 1;
  EXPECT_NEAR(lines[2], (chunk[1] * w1 + chunk[2] * w2) / (w1 + w2), 1e-6) << "token-weighted mean of its two chunks";
  EXPECT_EQ(tw_line_scores(t, lengths.data(), chunk.data(), n - 1), nullptr);
  EXPECT_NE(std::string(tw_last_error()).find("one score per planned source"), std::string::npos) << tw_last_error();
  tw_translator_free(t);
}

}  // namespace
