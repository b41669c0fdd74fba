// Lexical shortlist in Marian's binary format (`lex.*.s2t.bin`): for each source token, the target
// tokens worth scoring. The output layer then computes logits only for those of each sentence
// (Marian/Bergamot score the union over a batch; see Transformer::SetOutputShortlists).
//
// Layout (little-endian): six u64 — magic 0xF11A48D5013417F5, checksum (not verified, as in
// Bergamot), firstNum, bestNum, number of offsets (= source vocab + 1), number of entries — then
// the u64 offsets, then u32 target ids; the list of source id s is ids[offsets[s] .. offsets[s+1]).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace tw {

class Shortlist {
 public:
  static constexpr uint64_t kMagic = 0xF11A48D5013417F5ull;
  // Throws kCorrupt / kTruncated / kBadMagic with the reason; ids must be < vocab_size.
  static Shortlist FromBytes(const std::string& bytes, int vocab_size);
  static Shortlist FromPath(const std::string& path, int vocab_size);

  // Sorted allowed targets for these sentences (the engine passes one): ids [0, firstNum), every
  // source token's list and the source ids themselves, padded with further unused ids to a
  // multiple of 8.
  std::vector<int> Allowed(const std::vector<std::vector<int>>& src) const;
  int first_num() const { return first_num_; }

 private:
  int vocab_size_ = 0, first_num_ = 0;
  std::vector<uint64_t> offsets_;
  std::vector<uint32_t> ids_;
};

}  // namespace tw
