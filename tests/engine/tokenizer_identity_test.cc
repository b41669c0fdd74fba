// Our SentencePiece implementation against the real libsentencepiece, id for id, on every
// sentence of Multi30k (all splits, en/de/fr) with a vocabulary trained by spm_train.
#include <gtest/gtest.h>
#include <sentencepiece_processor.h>

#include <cstdio>
#include <memory>

#include "core/error.h"
#include "read_gz.h"
#include "tokenizer/sentencepiece.h"

namespace tw {
namespace {

const std::string kModel = std::string(TW_TESTDATA) + "/spm-en-de/spm.model";

class Identity : public ::testing::Test {
 protected:
  void SetUp() override { Load(kModel); }
  void Load(const std::string& model) {
    ASSERT_TRUE(lib.Load(model).ok()) << model;
    ours = std::make_unique<SentencePiece>(SentencePiece::FromPath(model));
  }
  void Check(const std::string& text) {
    std::vector<int> want;
    ASSERT_TRUE(lib.Encode(text, &want).ok());
    std::vector<int> got = ours->Encode(text);
    ASSERT_EQ(got, want) << "text: '" << text << "' normalized '" << ours->Normalize(text) << "'";
    std::string want_text;
    ASSERT_TRUE(lib.Decode(want, &want_text).ok());
    ASSERT_EQ(ours->Decode(got), want_text);
  }
  sentencepiece::SentencePieceProcessor lib;
  std::unique_ptr<SentencePiece> ours;
};

TEST_F(Identity, EveryMulti30kSentence) {
  const std::string corpus = std::string(TW_SOURCE_DIR) + "/../shared/data/multi30k/";
  size_t total = 0;
  for (const char* split : {"train", "val", "test_2016_flickr"})
    for (const char* lang : {"en", "de", "fr"}) {
      auto lines = ReadGz(corpus + split + "." + lang + ".gz");
      ASSERT_GT(lines.size(), 900u) << split << "." << lang;
      for (const auto& l : lines) {
        Check(l);
        if (HasFatalFailure()) return;
      }
      total += lines.size();
    }
  EXPECT_GT(total, 90000u);
}

TEST_F(Identity, HardStrings) {
  for (const char* s : {"", " ", "   leading and  double  spaces   ", "ＦＵＬＬ width ｶﾀｶﾅ", "emoji 🙂🏳️‍🌈 mix",
                        "e\xCC\x81 combining", "zero\xE2\x80\x8Bwidth", "tab\tand\nnewline", "\xFF\xFE broken utf8",
                        "Ελληνικά и кириллица 漢字", "ﬁ ligature ①②", "\xC2\xA0non-breaking\xC2\xA0space"})
    Check(s);
}

// The shipped recipe has byte fallback: characters the vocabulary lacks are spelled as UTF-8 byte
// pieces, so everything a page can contain comes back as it went in, never as <unk> / U+2047.
TEST_F(Identity, ByteFallbackKeepsEveryCharacter) {
  for (const char* s : {"Prix : 12,50 € «très» naïve", "Emoji 😀🎉 and 東京 and Ærøskøbing", "Ελληνικά и кириллица",
                        "Zürich – 3 × 4 ≠ 11 ⁇"}) {
    Check(s);
    const std::vector<int> ids = ours->Encode(s);
    for (int id : ids) EXPECT_NE(id, ours->unk_id()) << s;
    EXPECT_EQ(ours->Decode(ids), s);
  }
  // A cut byte sequence (model output can stop anywhere) decodes to U+FFFD per byte, as the library's.
  std::vector<int> cut = ours->Encode("😀 x");
  ASSERT_GE(cut.size(), 5u);
  cut.erase(cut.begin() + 2, cut.begin() + 4);
  std::string want;
  ASSERT_TRUE(lib.Decode(cut, &want).ok());
  EXPECT_EQ(ours->Decode(cut), want);
  EXPECT_NE(want.find("\xEF\xBF\xBD"), std::string::npos);
}

// The vocabulary nmt.opus_vocab makes for an OPUS-MT package (ids from vocab.yml, target-only
// pieces UNUSED), on the Multi30k English and German test sentences: German text reaches
// characters the source pieces do not cover, so unknown runs and UNUSED pieces are exercised.
TEST_F(Identity, OpusMtJointVocabulary) {
  Load(std::string(TW_TESTDATA) + "/opus/vocab.spm");
  const std::string corpus = std::string(TW_SOURCE_DIR) + "/../shared/data/multi30k/";
  for (const char* lang : {"en", "de"})
    for (const auto& l : ReadGz(corpus + "test_2016_flickr." + lang + ".gz")) {
      Check(l);
      if (HasFatalFailure()) return;
    }
}

TEST(SentencePieceModel, GarbageIsRejectedWithAClearError) {
  try {
    SentencePiece::FromBytes("definitely not a protobuf \xFF\xFF\xFF");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kBadTokenizer);
  }
}

}  // namespace
}  // namespace tw
