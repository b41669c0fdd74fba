// Stage timing (core/profile.h) on the shipped en-de model: off, nothing is recorded; on, every
// stage of a translation is there with the number of times it ran, the parts fit inside the
// total, the output is the same as without it, and the C API's JSON says the same.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "bindings/c_api.h"
#include "core/profile.h"
#include "translator/translator.h"

namespace {

const std::string kDir = std::string(TW_SOURCE_DIR) + "/models/en-de/";
const std::vector<std::string> kLines = {"A dog runs through the snow.", "Click Save to keep your changes.",
                                         "The meeting was moved to Tuesday afternoon."};

std::unique_ptr<tw::Translator> Load() {
  return tw::Translator::FromPaths(kDir + "model.twm", kDir + "vocab.spm", tw::TranslatorOptions{});
}

std::map<std::string, tw::profile::Entry> ByStage() {
  std::map<std::string, tw::profile::Entry> out;
  for (const auto& e : tw::profile::Entries()) out[e.stage] = e;
  return out;
}

TEST(Profile, OffRecordsNothing) {
  auto t = Load();
  tw::profile::Start();
  tw::profile::Stop();
  t->Translate(kLines);
  EXPECT_TRUE(tw::profile::Entries().empty());
}

TEST(Profile, OnRecordsEveryStageAndChangesNoOutput) {
  auto t = Load();
  const auto plain = t->Translate(kLines);
  tw::profile::Start();
  const auto profiled = t->Translate(kLines);
  tw::profile::Stop();
  EXPECT_EQ(plain, profiled);
  const auto stages = ByStage();
  const int layers = t->model().config().enc_layers;
  std::vector<std::string> want = {"tokenize", "encoder: embedding", "encoder: cross-attention keys and values",
                                   "decoder: embedding", "decoder: SSRU", "decoder: cross-attention",
                                   "decoder: feed-forward", "decoder: output layer", "decoder: argmax (and score)",
                                   "detokenize", "translate (all stages)"};
  for (int l = 0; l < layers; ++l) want.push_back(tw::profile::EncoderLayerName(l));
  for (const auto& name : want) {
    ASSERT_TRUE(stages.count(name)) << name;
    EXPECT_GT(stages.at(name).calls, 0) << name;
  }
  EXPECT_EQ(stages.at("tokenize").calls, static_cast<int64_t>(kLines.size()));
  EXPECT_EQ(stages.at("translate (all stages)").calls, 1);
  // One decoder step per output token of the longest sentence and more: as many output-layer
  // calls as steps, and each decoder layer's parts once per layer per step.
  const int64_t steps = stages.at("decoder: output layer").calls;
  EXPECT_GT(steps, 3);
  EXPECT_EQ(stages.at("decoder: feed-forward").calls, steps * t->model().config().dec_layers);
  int64_t parts = 0;
  for (const auto& [name, e] : stages)
    if (name != "translate (all stages)") parts += e.nanoseconds;
  EXPECT_LE(parts, stages.at("translate (all stages)").nanoseconds);
}

TEST(Profile, CApiGivesTheSameAsJson) {
  auto t = Load();
  tw_profile_start();
  t->Translate(kLines);
  const std::string json = tw_profile_json();
  tw_profile_stop();
  EXPECT_EQ(json, tw::profile::ToJson());
  EXPECT_NE(json.find("{\"stage\":\"decoder: output layer\",\"ms\":"), std::string::npos) << json;
  EXPECT_EQ(json.rfind("{\"stages\":[", 0), 0u) << json;
}

}  // namespace
