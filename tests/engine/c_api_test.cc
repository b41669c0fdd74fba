// The C API as the WASM module uses it, on the shipped en-de model: translating in one call and
// translating through the external-decoder split (tw_plan -> our own decoding -> tw_assemble)
// give the same lines; bad arguments get an error, never a crash.
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "bindings/c_api.h"
#include "core/error.h"
#include "format/model_file.h"
#include "model/layout.h"
#include "model/search.h"
#include "model/transformer.h"
#include "ops/ops.h"

namespace {

std::string Slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

struct Files {
  std::string dir = std::string(TW_SOURCE_DIR) + "/models/en-de/";
  std::string model = Slurp(dir + "model.twm"), vocab = Slurp(dir + "vocab.spm");
};

TEST(CApi, PlanDecodeAssembleMatchesTranslate) {
  Files f;
  tw_translator* t = tw_translator_create(f.model.data(), f.model.size(), f.vocab.data(), f.vocab.size(), "native");
  ASSERT_NE(t, nullptr) << tw_last_error();
  const std::string word(150, 'x');  // an overlong "word" is kept verbatim by the plan
  const std::string text = "A dog runs through the snow.\n\nTwo men " + word + " play football.\nA girl.";
  const std::string whole = tw_translate(t, text.c_str(), 1);

  const int n = tw_plan(t, text.c_str());
  ASSERT_EQ(n, 4) << "three translatable pieces plus the text after the long word";
  std::vector<std::vector<int>> src;
  for (int i = 0; i < n; ++i) {
    int len = 0;
    const int* ids = tw_plan_source(t, i, &len);
    ASSERT_NE(ids, nullptr);
    ASSERT_GT(len, 0);
    src.emplace_back(ids, ids + len);
  }
  int len = -1;
  EXPECT_EQ(tw_plan_source(t, n, &len), nullptr);
  EXPECT_EQ(len, 0);
  EXPECT_EQ(tw_plan_max_target(t, n), 0);

  // Decode outside the C API, as the WebGPU path does, with the same model.
  auto file = std::make_shared<const tw::ModelFile>(
      tw::ModelFile::FromBytes(std::vector<uint8_t>(f.model.begin(), f.model.end())));
  tw::Transformer model(file, tw::MakeBackend("native"));
  auto out = tw::GreedySearch(model, src, tw::SearchOptions{});
  for (int i = 0; i < n; ++i)  // the stop rule an outside decoder is given is the engine's own
    EXPECT_EQ(tw_plan_max_target(t, i), tw::MaxOutputLength(model.config(), static_cast<int>(src[i].size()), {}));
  std::vector<int> ids, lengths;
  for (auto& o : out) {
    ids.insert(ids.end(), o.begin(), o.end());
    lengths.push_back(static_cast<int>(o.size()));
  }
  // The engine's own decoder behind the same split gives the same ids.
  ASSERT_EQ(tw_decode(t, 1), n) << tw_last_error();
  for (int i = 0; i < n; ++i) {
    int len = -1;
    const int* got = tw_decoded(t, i, &len);
    EXPECT_EQ(std::vector<int>(got, got + len), out[i]) << i;
  }
  EXPECT_EQ(tw_decoded(t, n, &len), nullptr);
  EXPECT_EQ(tw_decode(t, 0), -1);
  const char* assembled = tw_assemble(t, ids.data(), lengths.data(), n);
  ASSERT_NE(assembled, nullptr) << tw_last_error();
  EXPECT_EQ(std::string(assembled), whole);
  EXPECT_NE(whole.find(word), std::string::npos);

  EXPECT_EQ(tw_assemble(t, ids.data(), lengths.data(), n - 1), nullptr);
  EXPECT_NE(std::string(tw_last_error()).find("expected 4 decoded outputs"), std::string::npos) << tw_last_error();
  const int bad_id = 1 << 20, one = 1;
  std::vector<int> bad_lengths(n, 0);
  bad_lengths[0] = one;
  EXPECT_EQ(tw_assemble(t, &bad_id, bad_lengths.data(), n), nullptr);
  EXPECT_NE(std::string(tw_last_error()).find("out of range"), std::string::npos) << tw_last_error();
  EXPECT_EQ(tw_plan(nullptr, "x"), -1);
  tw_translator_free(t);
}

// Callers map error names, not numbers (web/translator/errors.js).
TEST(CApi, ErrorCodesHaveStableNames) {
  EXPECT_STREQ(tw_error_code_name(static_cast<int>(tw::ErrorCode::kTooNew)), "too_new");
  EXPECT_STREQ(tw_error_code_name(static_cast<int>(tw::ErrorCode::kCorrupt)), "corrupt");
  EXPECT_STREQ(tw_error_code_name(static_cast<int>(tw::ErrorCode::kInvalidArgument)), "invalid_argument");
  EXPECT_STREQ(tw_error_code_name(-2), "out_of_memory");
  EXPECT_STREQ(tw_error_code_name(-1), "internal");
  EXPECT_STREQ(tw_error_code_name(999), "internal");
  EXPECT_EQ(tw_translator_create("junk", 4, "junk", 4, "native"), nullptr);
  EXPECT_STREQ(tw_error_code_name(tw_last_error_code()), "bad_magic") << tw_last_error();
}

// The description is JSON whatever the (untrusted) file names its tensors: quotes, backslashes and
// control characters in a name are escaped, not written raw.
TEST(CApi, ModelDescriptionEscapesTensorNames) {
  Files f;
  const tw::ModelFile original = tw::ModelFile::FromBytes(std::vector<uint8_t>(f.model.begin(), f.model.end()));
  std::vector<tw::TensorToWrite> tensors;
  for (const std::string& name : original.TensorNames()) {
    const tw::TensorInfo& t = original.Info(name);
    tensors.push_back({name, t.dtype, t.shape, std::vector<uint8_t>(original.Data(t), original.Data(t) + t.nbytes)});
  }
  tensors.push_back({"extra \"name\" \\ with\na newline", tw::DType::kF32, {1}, std::vector<uint8_t>(4, 0)});
  const std::vector<uint8_t> bytes = tw::WriteModelFile(original.metadata(), tensors);
  tw_translator* t = tw_translator_create(bytes.data(), bytes.size(), f.vocab.data(), f.vocab.size(), "native");
  ASSERT_NE(t, nullptr) << tw_last_error();
  const std::string json = tw_model_description(t);
  EXPECT_NE(json.find("\"extra \\\"name\\\" \\\\ with\\u000aa newline\":{"), std::string::npos) << json;
  for (const char c : json) EXPECT_GE(static_cast<unsigned char>(c), 0x20) << "a raw control character";
  tw_translator_free(t);
}

// What the WebGPU decoder builds itself from: every tensor of the layout table with its shape,
// the engine's length limit, and addresses that really hold the model's data.
TEST(CApi, ModelDescriptionIsTheEnginesView) {
  Files f;
  tw_translator* t = tw_translator_create(f.model.data(), f.model.size(), f.vocab.data(), f.vocab.size(), "native");
  ASSERT_NE(t, nullptr) << tw_last_error();
  const std::string json = tw_model_description(t);
  auto file = std::make_shared<const tw::ModelFile>(
      tw::ModelFile::FromBytes(std::vector<uint8_t>(f.model.begin(), f.model.end())));
  const tw::ModelConfig cfg = tw::ModelConfig::FromFile(*file);
  for (const auto& spec : tw::TensorsOf(cfg)) {
    std::string shape;
    for (auto d : spec.shape) shape += (shape.empty() ? "" : ",") + std::to_string(d);
    EXPECT_NE(json.find("\"" + spec.name + "\":{\"dtype\":\"" + (spec.matrix ? "i8" : "f32") + "\",\"shape\":[" + shape + "]"),
              std::string::npos) << spec.name;
  }
  EXPECT_NE(json.find("\"max_target_tokens\":" + std::to_string(tw::MaxOutputLength(cfg, 256, {}))), std::string::npos);
  EXPECT_NE(json.find("\"placeholders\":\"" + cfg.placeholders + "\""), std::string::npos);
  auto number_after = [&](const std::string& key) {
    const size_t at = json.find(key);
    EXPECT_NE(at, std::string::npos) << key;
    return std::stoull(json.substr(at + key.size()));
  };
  const auto* bias = reinterpret_cast<const float*>(number_after("\"output_bias\":{\"dtype\":\"f32\",\"shape\":[" + std::to_string(cfg.vocab_size) + "],\"address\":"));
  const float* expected = file->F32("output_bias", {cfg.vocab_size});
  EXPECT_EQ(0, std::memcmp(bias, expected, sizeof(float) * cfg.vocab_size));
  const auto* positional = reinterpret_cast<const float*>(number_after("\"positional\":{\"address\":"));
  std::vector<float> row(cfg.d_model);
  tw::PositionalSignal(37, cfg.d_model, row.data());
  EXPECT_EQ(0, std::memcmp(positional + 37 * cfg.d_model, row.data(), sizeof(float) * cfg.d_model));
  EXPECT_EQ(tw_model_description(nullptr), nullptr);
  tw_translator_free(t);
}

}  // namespace

namespace {

// An OPUS-MT-style model (self-attention decoder, swish, d 16, random weights) converted from
// .npz with its joint vocabulary (tests/scripts/make_opus_package.py): the engine loads it and
// keeps one output line per input line.
TEST(CApi, ConvertedOpusMtPackageTranslates) {
  const std::string dir = std::string(TW_TESTDATA) + "/opus/";
  const std::string model = Slurp(dir + "model.twm"), vocab = Slurp(dir + "vocab.spm");
  ASSERT_FALSE(model.empty());
  tw_translator* t = tw_translator_create(model.data(), model.size(), vocab.data(), vocab.size(), "native");
  ASSERT_NE(t, nullptr) << tw_last_error();
  EXPECT_STREQ(tw_model_meta(t, "dec_cell"), "self-attention");
  EXPECT_STREQ(tw_model_meta(t, "activation"), "swish");
  const char* out = tw_translate(t, "A man rides a bike.\nTwo dogs play.", 1);
  ASSERT_NE(out, nullptr) << tw_last_error();
  EXPECT_NE(std::string(out).find('\n'), std::string::npos);
  tw_translator_free(t);
}

}  // namespace
