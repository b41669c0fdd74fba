// Loading validates every byte it trusts: each kind of damage gets its own error code and a
// message naming the problem.
#include <gtest/gtest.h>

#include <limits>
#include <memory>

#include "core/crc32.h"
#include "core/error.h"
#include "format/model_file.h"
#include "model/transformer.h"
#include "tiny_model.h"

namespace tw {
namespace {

using testing::TinyModelBytes;
using testing::TinySpec;

ErrorCode LoadError(std::vector<uint8_t> bytes, std::string* message = nullptr) {
  try {
    auto file = std::make_shared<const ModelFile>(ModelFile::FromBytes(std::move(bytes)));
    Transformer model(file, MakeBackend("reference"));
  } catch (const Error& e) {
    if (message) *message = e.what();
    return e.code();
  }
  ADD_FAILURE() << "model loaded although it should have failed";
  return ErrorCode::kIo;
}

TEST(ModelFile, ValidTinyModelLoadsAndRunsOneStep) {
  for (bool int8 : {false, true}) {
    TinySpec spec;
    spec.int8 = int8;
    auto file = std::make_shared<const ModelFile>(ModelFile::FromBytes(TinyModelBytes(spec)));
    EXPECT_EQ(file->Meta("d_model"), "16");
    Transformer model(file, MakeBackend("reference"));
    Encoded enc = model.Encode({{5, 6, 7, 0}});
    DecoderState st = model.Start(enc, {0});
    std::vector<float> logits;
    model.Step(enc, st, {0}, logits);
    ASSERT_EQ(logits.size(), 40u);
    for (float v : logits) EXPECT_TRUE(std::isfinite(v));
  }
}

TEST(ModelFile, TruncatedAnywhereIsReportedAsTruncated) {
  auto bytes = TinyModelBytes();
  for (size_t cut : {size_t(9), size_t(30), size_t(200), bytes.size() / 2, bytes.size() - 1}) {
    std::string msg;
    EXPECT_EQ(LoadError({bytes.begin(), bytes.begin() + cut}, &msg), ErrorCode::kTruncated) << "cut at " << cut << ": " << msg;
  }
}

TEST(ModelFile, FlippedDataBitNamesTheCorruptTensor) {
  auto bytes = TinyModelBytes();
  bytes[bytes.size() - 3] ^= 0x10;  // inside the last tensor's data
  std::string msg;
  EXPECT_EQ(LoadError(bytes, &msg), ErrorCode::kCorrupt);
  EXPECT_NE(msg.find("checksum mismatch in tensor 'dec.0.ffn_norm.bias'"), std::string::npos) << msg;
}

TEST(ModelFile, FlippedHeaderBitIsCorrupt) {
  auto bytes = TinyModelBytes();
  for (size_t at : {size_t(30), size_t(40), size_t(120)}) {  // metadata lengths, text, tensor table
    auto damaged = bytes;
    damaged[at] ^= 0x01;
    std::string msg;
    EXPECT_EQ(LoadError(damaged, &msg), ErrorCode::kCorrupt) << at;
    EXPECT_NE(msg.find("header checksum mismatch"), std::string::npos) << msg;
  }
}

TEST(ModelFile, WrongMagicAndEmptyFile) {
  auto bytes = TinyModelBytes();
  bytes[0] = 'X';
  EXPECT_EQ(LoadError(bytes), ErrorCode::kBadMagic);
  EXPECT_EQ(LoadError({}), ErrorCode::kBadMagic);
}

TEST(ModelFile, NewerVersionSaysUpdateTheEngine) {
  auto bytes = WriteModelFile(testing::TinyMeta({}), testing::TinyTensors({}), kModelFileVersion + 1);
  std::string msg;
  EXPECT_EQ(LoadError(bytes, &msg), ErrorCode::kTooNew);
  EXPECT_NE(msg.find("newer than this engine"), std::string::npos) << msg;
}

TEST(ModelFile, ShapeInconsistentWithConfigNamesTensorAndShapes) {
  auto meta = testing::TinyMeta({});
  meta["ffn"] = "32";  // tensors were written for ffn 24
  std::string msg;
  EXPECT_EQ(LoadError(WriteModelFile(meta, testing::TinyTensors({})), &msg), ErrorCode::kBadShape);
  EXPECT_NE(msg.find("enc.0.ffn.w1.weight' has shape [24, 16], the configuration needs [32, 16]"), std::string::npos) << msg;
}

TEST(ModelFile, MissingTensorIsNamed) {
  auto tensors = testing::TinyTensors({});
  tensors.erase(tensors.begin() + 3);
  std::string msg;
  EXPECT_EQ(LoadError(WriteModelFile(testing::TinyMeta({}), tensors), &msg), ErrorCode::kMissingTensor);
  EXPECT_NE(msg.find("is missing"), std::string::npos);
}

TEST(ModelFile, BadMetadataIsBadConfig) {
  auto meta = testing::TinyMeta({});
  meta["heads"] = "3";  // 16 is not divisible by 3
  EXPECT_EQ(LoadError(WriteModelFile(meta, testing::TinyTensors({}))), ErrorCode::kBadConfig);
  meta = testing::TinyMeta({});
  meta["dec_cell"] = "lstm";
  EXPECT_EQ(LoadError(WriteModelFile(meta, testing::TinyTensors({}))), ErrorCode::kBadConfig);
  meta.erase("dec_cell");
  EXPECT_EQ(LoadError(WriteModelFile(meta, testing::TinyTensors({}))), ErrorCode::kBadConfig);
  meta = testing::TinyMeta({});
  meta["placeholders"] = "%s";  // a convention the engine's callers do not know
  std::string msg;
  EXPECT_EQ(LoadError(WriteModelFile(meta, testing::TinyTensors({})), &msg), ErrorCode::kBadConfig);
  EXPECT_NE(msg.find("unknown placeholders '%s'"), std::string::npos) << msg;
}

// Whether callers may stand {1}, {2}, … in for kept text is the model file's to say.
TEST(ModelFile, PlaceholderConventionIsReadFromTheFile) {
  auto meta = testing::TinyMeta({});
  EXPECT_EQ(ModelConfig::FromFile(ModelFile::FromBytes(WriteModelFile(meta, testing::TinyTensors({})))).placeholders, "");
  meta["placeholders"] = "{n}";
  EXPECT_EQ(ModelConfig::FromFile(ModelFile::FromBytes(WriteModelFile(meta, testing::TinyTensors({})))).placeholders, "{n}");
}

TEST(ModelFile, HugeDeclaredSizeFailsBeforeAllocating) {
  // One tensor claiming 2^40 elements: rejected from the header alone.
  TensorToWrite t{"big", DType::kF32, {1}, std::vector<uint8_t>(4)};
  auto bytes = WriteModelFile({{"arch", "transformer"}}, {t});
  // Patch the single dim (right after name_len, name, dtype, ndim) to 2^33.
  size_t dim_at = 24 + (4 + 4 + 4 + 11) + (4 + 3 + 4 + 4);  // fixed header, metadata, tensor entry
  uint64_t huge = 1ull << 33;
  std::memcpy(&bytes[dim_at], &huge, 8);
  // A hostile file carries a valid checksum for its lies.
  uint32_t header_bytes;
  std::memcpy(&header_bytes, &bytes[20], 4);
  uint32_t crc = Crc32(bytes.data(), header_bytes - 4);
  std::memcpy(&bytes[header_bytes - 4], &crc, 4);
  std::string msg;
  EXPECT_EQ(LoadError(bytes, &msg), ErrorCode::kCorrupt) << msg;
  EXPECT_NE(msg.find("has dimension 8589934592"), std::string::npos) << msg;
}

}  // namespace
}  // namespace tw

namespace tw {
namespace {

TEST(ModelFile, NonFiniteWeightsAreRejectedByName) {
  auto tensors = testing::TinyTensors({});
  for (auto& t : tensors)
    if (t.name == "enc.0.attn_norm.scale") {
      const float nan = std::numeric_limits<float>::quiet_NaN();
      std::memcpy(t.data.data() + 8, &nan, 4);
    }
  std::string msg;
  EXPECT_EQ(LoadError(WriteModelFile(testing::TinyMeta({}), tensors), &msg), ErrorCode::kCorrupt);
  EXPECT_NE(msg.find("tensor 'enc.0.attn_norm.scale' contains NaN or infinity at element 2"), std::string::npos) << msg;
}

}  // namespace
}  // namespace tw
