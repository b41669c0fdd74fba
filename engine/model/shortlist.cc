#include "model/shortlist.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/error.h"

namespace tw {

Shortlist Shortlist::FromPath(const std::string& path, int vocab_size) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kIo, path + ": cannot open shortlist");
  std::stringstream ss;
  ss << in.rdbuf();
  return FromBytes(ss.str(), vocab_size);
}

Shortlist Shortlist::FromBytes(const std::string& b, int vocab_size) {
  auto u64 = [&](size_t at) {
    uint64_t v;
    std::memcpy(&v, b.data() + at, 8);
    return v;
  };
  if (b.size() < 48) throw Error(ErrorCode::kTruncated, "shortlist: file shorter than its 48-byte header");
  if (u64(0) != kMagic) throw Error(ErrorCode::kBadMagic, "shortlist: not a Marian lexical shortlist (wrong magic)");
  const uint64_t first = u64(16), offsets = u64(32), entries = u64(40);
  if (offsets < 1 || offsets > (1u << 24) || entries > (1ull << 32) || first > (1u << 24))
    throw Error(ErrorCode::kCorrupt, "shortlist: implausible header counts");
  if (b.size() != 48 + offsets * 8 + entries * 4)
    throw Error(ErrorCode::kTruncated, "shortlist: " + std::to_string(b.size()) + " bytes, the header promises " +
                                           std::to_string(48 + offsets * 8 + entries * 4));
  Shortlist s;
  s.vocab_size_ = vocab_size;
  s.first_num_ = static_cast<int>(std::min<uint64_t>(first, vocab_size));
  s.offsets_.resize(offsets);
  std::memcpy(s.offsets_.data(), b.data() + 48, offsets * 8);
  s.ids_.resize(entries);
  if (entries) std::memcpy(s.ids_.data(), b.data() + 48 + offsets * 8, entries * 4);  // data() may be null when empty
  for (size_t i = 0; i < offsets; ++i)
    if (s.offsets_[i] > entries || (i && s.offsets_[i] < s.offsets_[i - 1]))
      throw Error(ErrorCode::kCorrupt, "shortlist: offsets are not increasing within the entries");
  for (uint32_t id : s.ids_)
    if (id >= static_cast<uint32_t>(vocab_size))
      throw Error(ErrorCode::kVocabMismatch, "shortlist: target id " + std::to_string(id) + " is outside the vocabulary");
  return s;
}

std::vector<int> Shortlist::Allowed(const std::vector<std::vector<int>>& src) const {
  std::vector<char> on(vocab_size_, 0);
  for (int i = 0; i < first_num_; ++i) on[i] = 1;
  for (const auto& sentence : src)
    for (int s : sentence) {
      if (s < 0 || s >= vocab_size_) continue;
      on[s] = 1;
      if (static_cast<size_t>(s) + 1 < offsets_.size())
        for (uint64_t k = offsets_[s]; k < offsets_[s + 1]; ++k) on[ids_[k]] = 1;
    }
  std::vector<int> out;
  for (int i = 0; i < vocab_size_; ++i)
    if (on[i]) out.push_back(i);
  for (int i = 0; out.size() % 8 != 0 && i < vocab_size_; ++i)
    if (!on[i]) {
      on[i] = 1;
      out.push_back(i);
    }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace tw
