// Replays every input the fuzzers ever crashed on (tests/fuzz/regressions/<target>/*) plus the
// seeds, through the same entry points, in a build with checksums off as in fuzzing and with
// UBSan-style traps on float -> int overflow impossible by construction.
#include <gtest/gtest.h>

#include <dirent.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_targets.h"

namespace {

std::vector<std::string> Files(const std::string& dir) {
  std::vector<std::string> out;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d))
      if (e->d_name[0] != '.') out.push_back(dir + "/" + e->d_name);
    closedir(d);
  }
  return out;
}

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void Replay(const std::string& target, int (*fn)(const uint8_t*, size_t), size_t min_files) {
  const std::string base = std::string(TW_SOURCE_DIR) + "/tests/fuzz/";
  auto files = Files(base + "regressions/" + target);
  for (auto& f : Files(base + "seeds/" + target)) files.push_back(f);
  ASSERT_GE(files.size(), min_files) << target;
  for (const auto& f : files) {
    const std::string bytes = Read(f);
    EXPECT_EQ(fn(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()), 0) << f;
  }
}

TEST(FuzzRegressions, ModelFile) { Replay("model_file", tw::fuzz::ModelFile, 2); }
TEST(FuzzRegressions, SentencePieceModel) { Replay("sentence_piece_model", tw::fuzz::SentencePieceModel, 1); }
TEST(FuzzRegressions, SentencePieceText) { Replay("sentence_piece_text", tw::fuzz::SentencePieceText, 3); }
TEST(FuzzRegressions, Shortlist) { Replay("shortlist", tw::fuzz::ShortlistFile, 2); }

}  // namespace
