// Our own SentencePiece-compatible tokenizer (unigram models). It reads the same `.model`
// protobuf as libsentencepiece and must produce identical ids; tests/engine/tokenizer_identity_test
// checks that on every sentence of Multi30k. We need it because the WASM build cannot link the
// library.
//
// Pipeline, as in the library: normalize (precompiled charsmap = longest-prefix replacement,
// whitespace trimming/collapsing, dummy prefix, ' ' -> U+2581), then Viterbi over all pieces that
// match at each character boundary, unknown characters as the UNK piece with score
// min_score - 10, consecutive unknowns merged into one UNK, which byte-fallback models then spell
// as the pieces <0x00>..<0xFF> of its UTF-8 bytes (decoding turns those back into text).
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace tw {

class SentencePiece {
 public:
  static SentencePiece FromBytes(const std::string& model_bytes);
  static SentencePiece FromPath(const std::string& path);

  std::vector<int> Encode(const std::string& text) const;
  std::string Decode(const std::vector<int>& ids) const;
  std::string Normalize(const std::string& text) const;

  int size() const { return static_cast<int>(pieces_.size()); }
  int unk_id() const { return unk_id_; }
  int eos_id() const { return eos_id_; }
  const std::string& piece(int id) const { return pieces_[id].text; }

 private:
  enum PieceType { kNormal = 1, kUnknown = 2, kControl = 3, kUserDefined = 4, kUnused = 5, kByte = 6 };
  struct Piece {
    std::string text;
    float score = 0.f;
    int type = kNormal;
  };
  // Longest match of the charsmap trie at the start of s: bytes consumed (0 if none) and replacement.
  size_t MatchCharsmap(const char* s, size_t n, const char** replacement) const;
  static void AppendBytes(const std::string& bytes, std::string* text);

  std::vector<Piece> pieces_;
  std::unordered_map<std::string, int> index_;  // normal and user-defined pieces
  size_t max_piece_bytes_ = 0;
  float min_score_ = 0.f, max_score_ = 0.f;
  int unk_id_ = -1, eos_id_ = -1;
  bool byte_fallback_ = false;
  std::vector<int> byte_ids_ = std::vector<int>(256, -1);  // id of the piece <0xXX>, -1: none
  bool add_dummy_prefix_ = true, remove_extra_whitespaces_ = true, escape_whitespaces_ = true;
  std::vector<uint32_t> trie_;  // darts-clone double array
  std::string replacements_;    // NUL-separated normalized strings
};

}  // namespace tw
