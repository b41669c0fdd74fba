// Marian lexical shortlists: reading, validation, the allowed set, and its effect on decoding.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>

#include "core/error.h"
#include "model/search.h"
#include "model/shortlist.h"
#include "tiny_model.h"

namespace tw {
namespace {

std::string Lex(uint64_t first, const std::vector<std::vector<uint32_t>>& lists, uint64_t magic = Shortlist::kMagic) {
  std::vector<uint64_t> offsets = {0};
  std::vector<uint32_t> ids;
  for (const auto& l : lists) {
    ids.insert(ids.end(), l.begin(), l.end());
    offsets.push_back(ids.size());
  }
  uint64_t header[6] = {magic, 0, first, 50, offsets.size(), ids.size()};
  std::string b(reinterpret_cast<const char*>(header), 48);
  b.append(reinterpret_cast<const char*>(offsets.data()), offsets.size() * 8);
  b.append(reinterpret_cast<const char*>(ids.data()), ids.size() * 4);
  return b;
}

ErrorCode Code(const std::string& bytes, int vocab) {
  try {
    Shortlist::FromBytes(bytes, vocab);
  } catch (const Error& e) {
    return e.code();
  }
  return ErrorCode::kIo;
}

TEST(Shortlist, AllowedIsFirstIdsSourceIdsAndTheirListsPaddedToEight) {
  // vocab 40; source 5 lists {30, 31}, source 6 lists {33}
  std::vector<std::vector<uint32_t>> lists(40);
  lists[5] = {30, 31};
  lists[6] = {33};
  Shortlist s = Shortlist::FromBytes(Lex(3, lists), 40);
  auto allowed = s.Allowed({{5, 0}, {6}});
  EXPECT_EQ(allowed.size() % 8, 0u);
  for (int id : {0, 1, 2, 5, 6, 30, 31, 33}) EXPECT_TRUE(std::binary_search(allowed.begin(), allowed.end(), id)) << id;
  EXPECT_TRUE(std::is_sorted(allowed.begin(), allowed.end()));
}

TEST(Shortlist, DamageIsReported) {
  std::vector<std::vector<uint32_t>> lists(40);
  lists[2] = {7};
  const std::string good = Lex(3, lists);
  EXPECT_EQ(Code(Lex(3, lists, 42), 40), ErrorCode::kBadMagic);
  EXPECT_EQ(Code(good.substr(0, good.size() - 2), 40), ErrorCode::kTruncated);
  EXPECT_EQ(Code(good.substr(0, 20), 40), ErrorCode::kTruncated);
  lists[2] = {77};
  EXPECT_EQ(Code(Lex(3, lists), 40), ErrorCode::kVocabMismatch);
}

TEST(Shortlist, DecodingEmitsOnlyAllowedTokensAndAFullListChangesNothing) {
  auto file = std::make_shared<const ModelFile>(ModelFile::FromBytes(testing::TinyModelBytes({})));
  Transformer model(file, MakeBackend("native"));
  std::vector<std::vector<int>> src = {{5, 9, 12, 0}, {7, 3, 0}};
  auto full = GreedySearch(model, src, SearchOptions{});
  std::vector<int> all(40);
  for (int i = 0; i < 40; ++i) all[i] = i;
  model.SetOutputShortlists({all, all});
  EXPECT_EQ(GreedySearch(model, src, SearchOptions{}), full);
  const std::vector<int> few = {0, 1, 4, 8, 15, 16, 23, 39};
  model.SetOutputShortlists({few, few});
  for (const auto& out : GreedySearch(model, src, SearchOptions{}))
    for (int id : out) EXPECT_TRUE(std::find(few.begin(), few.end(), id) != few.end()) << id;
}

TEST(Shortlist, EachSentenceIsRestrictedToItsOwnList) {
  auto file = std::make_shared<const ModelFile>(ModelFile::FromBytes(testing::TinyModelBytes({})));
  Transformer model(file, MakeBackend("native"));
  std::vector<std::vector<int>> src = {{5, 9, 12, 0}, {7, 3, 0}};
  const auto full = GreedySearch(model, src, SearchOptions{});
  std::vector<int> all(40);
  for (int i = 0; i < 40; ++i) all[i] = i;
  const std::vector<int> few = {0, 2, 6, 11, 19, 27, 31, 38};
  model.SetOutputShortlists({all, few});
  const auto out = GreedySearch(model, src, SearchOptions{});
  EXPECT_EQ(out[0], full[0]);  // the whole vocabulary: as if no shortlist
  for (int id : out[1]) EXPECT_TRUE(std::find(few.begin(), few.end(), id) != few.end()) << id;
  model.SetOutputShortlists({few});  // a row whose source has no list is an error, not a crash
  EXPECT_THROW(GreedySearch(model, src, SearchOptions{}), Error);
}

}  // namespace
}  // namespace tw
