// Bad text through the real translator and the shipped en-de model: no crash, no hang, output
// bounded, one output per input.
#include <gtest/gtest.h>

#include <string>

#include "translator/translator.h"

namespace tw {
namespace {

std::unique_ptr<Translator> Load() {
  const std::string dir = std::string(TW_SOURCE_DIR) + "/models/en-de/";
  return Translator::FromPaths(dir + "model.twm", dir + "vocab.spm", TranslatorOptions{});
}

TEST(HostileText, TenThousandWordParagraphIsTranslatedWithBoundedOutput) {
  auto t = Load();
  std::string para;
  const char* words[] = {"A", "man", "in", "a", "red", "shirt", "walks", "his", "dog", "."};
  for (int i = 0; i < 10000; ++i) para += std::string(words[i % 10]) + " ";
  auto out = t->Translate({para});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_GT(out[0].size(), 1000u);
  EXPECT_LT(out[0].size(), para.size() * 4);
}

TEST(HostileText, HundredThousandCharacterTokenDoesNotExplode) {
  auto t = Load();
  const std::string token(100000, 'x');
  auto out = t->Translate({"A man types " + token + " on a keyboard."});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_NE(out[0].find(token), std::string::npos) << "the over-long word is kept verbatim";
  EXPECT_LT(out[0].size(), token.size() + 1000);
}

TEST(HostileText, ScriptsEmojiCombiningZeroWidthAndBrokenUtf8) {
  auto t = Load();
  std::vector<std::string> in = {"Ελληνικά и кириллица 漢字 mixed with English.", "A dog 🐕 runs 🏃‍♂️ fast 🙂.",
                                 "Cafe\xCC\x81 with combining accent.", "zero\xE2\x80\x8Bwidth\xE2\x80\x8Cjoiners\xE2\x80\x8D.",
                                 "broken \xFF\xFE\xC3 utf8 \xED\xA0\x80 surrogate", "", "   ", "\t", " \t\r\n\v\f",
                                 "\xC2\xA0\xE2\x80\x83\xE2\x80\x8B\xE2\x80\xAF\xE3\x80\x80\xEF\xBB\xBF"};  // Unicode spaces
  auto out = t->Translate(in);
  ASSERT_EQ(out.size(), in.size());
  for (size_t i = 0; i < 5; ++i) EXPECT_FALSE(out[i].empty()) << i;
  for (size_t i = 5; i < in.size(); ++i) EXPECT_EQ(out[i], "") << i;
}

TEST(HostileText, LineCountIsPreservedOverManyLines) {
  auto t = Load();
  std::vector<std::string> in;
  for (int i = 0; i < 300; ++i) in.push_back(i % 7 == 0 ? "" : "Two children play football number " + std::to_string(i) + ".");
  auto out = t->Translate(in);
  ASSERT_EQ(out.size(), in.size());
  for (size_t i = 0; i < in.size(); ++i) EXPECT_EQ(out[i].empty(), in[i].empty()) << i;
}

}  // namespace
}  // namespace tw
