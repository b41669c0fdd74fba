// How many sentences are decoded together (TranslatorOptions::max_batch_sentences) is a speed
// setting only: on the shipped en-de model, one, the default and 32 give the same translations and
// the same confidence scores for lines of very different lengths (the batches are length-sorted),
// with and without the model's lexical shortlist (each sentence scores its own list).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "model/shortlist.h"
#include "translator/translator.h"

namespace {

const std::string kDir = std::string(TW_SOURCE_DIR) + "/models/en-de/";

std::vector<std::string> Lines() {
  std::vector<std::string> lines = {"Save", "Your cart is empty.", "Scientists say the new vaccine could be available by next spring.",
                                    "", "Press the power button and hold it for five seconds."};
  for (int i = 0; i < 14; ++i) lines.push_back("Child number " + std::to_string(i) + " runs across a green field with a kite.");
  lines.push_back("The city council approved the new budget on Tuesday, after a long debate about schools, roads and the "
                  "price of public transport in the north of the country.");
  return lines;
}

struct Result {
  std::vector<std::string> out;
  std::vector<float> scores;
};

Result TranslateWithBatch(int batch, bool shortlist) {
  tw::TranslatorOptions opt;
  opt.max_batch_sentences = batch;
  auto tr = tw::Translator::FromPaths(kDir + "model.twm", kDir + "vocab.spm", opt);
  if (shortlist)
    tr->SetShortlist(std::make_shared<const tw::Shortlist>(
        tw::Shortlist::FromPath(kDir + "lex.s2t.bin", tr->model().config().vocab_size)));
  Result r;
  r.out = tr->Translate(Lines(), &r.scores);
  return r;
}

class BatchSize : public ::testing::TestWithParam<bool> {};

TEST_P(BatchSize, TranslationsAndScoresDoNotDependOnIt) {
  const bool shortlist = GetParam();
  ASSERT_GT(Lines().size(), static_cast<size_t>(tw::TranslatorOptions{}.max_batch_sentences));  // several batches
  const Result base = TranslateWithBatch(tw::TranslatorOptions{}.max_batch_sentences, shortlist);
  ASSERT_EQ(base.out.size(), Lines().size());
  EXPECT_EQ(base.out[3], "");
  EXPECT_NE(base.out[0], base.out[1]);
  for (int batch : {1, 32}) {
    const Result r = TranslateWithBatch(batch, shortlist);
    EXPECT_EQ(r.out, base.out) << "batch " << batch;
    ASSERT_EQ(r.scores.size(), base.scores.size());
    for (size_t i = 0; i < r.scores.size(); ++i) {
      if (!std::isnan(base.scores[i])) {
        EXPECT_EQ(r.scores[i], base.scores[i]) << "batch " << batch << ", line " << i;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(WithAndWithoutShortlist, BatchSize, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool>& p) { return p.param ? "shortlist" : "whole_vocabulary"; });

}  // namespace
