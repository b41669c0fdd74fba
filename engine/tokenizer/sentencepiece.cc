#include "tokenizer/sentencepiece.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/error.h"

namespace tw {
namespace {

const char kSpaceSymbol[] = "\xE2\x96\x81";  // U+2581
const char kReplacementChar[] = "\xEF\xBF\xBD";  // U+FFFD

[[noreturn]] void Bad(const std::string& msg) { throw Error(ErrorCode::kBadTokenizer, "SentencePiece model: " + msg); }

// Minimal protobuf wire-format reader: just what ModelProto needs.
class Proto {
 public:
  Proto(const char* p, size_t n) : p_(p), end_(p + n) {}
  bool Next(uint32_t* field, uint32_t* wire) {
    if (p_ >= end_) return false;
    uint64_t key = Varint();
    *field = static_cast<uint32_t>(key >> 3);
    *wire = static_cast<uint32_t>(key & 7);
    return true;
  }
  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p_ >= end_) Bad("truncated varint");
      uint8_t b = static_cast<uint8_t>(*p_++);
      v |= uint64_t(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    Bad("varint too long");
  }
  std::string Bytes() {
    uint64_t n = Varint();
    if (n > static_cast<uint64_t>(end_ - p_)) Bad("truncated field");
    std::string s(p_, n);
    p_ += n;
    return s;
  }
  float Fixed32Float() {
    if (end_ - p_ < 4) Bad("truncated float");
    float f;
    std::memcpy(&f, p_, 4);
    p_ += 4;
    return f;
  }
  void Skip(uint32_t wire) {
    switch (wire) {
      case 0: Varint(); break;
      case 1: Advance(8); break;
      case 2: Bytes(); break;
      case 5: Advance(4); break;
      default: Bad("unsupported wire type " + std::to_string(wire));
    }
  }

 private:
  void Advance(size_t n) {
    if (static_cast<size_t>(end_ - p_) < n) Bad("truncated field");
    p_ += n;
  }
  const char* p_;
  const char* end_;
};

size_t Utf8Length(const char* s, size_t n) {
  const auto c = static_cast<uint8_t>(s[0]);
  size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || len > n) return 0;
  for (size_t i = 1; i < len; ++i)
    if ((static_cast<uint8_t>(s[i]) & 0xC0) != 0x80) return 0;
  return len;  // 0 means malformed
}

}  // namespace

SentencePiece SentencePiece::FromPath(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kIo, path + ": cannot open SentencePiece model");
  std::stringstream ss;
  ss << in.rdbuf();
  return FromBytes(ss.str());
}

SentencePiece SentencePiece::FromBytes(const std::string& bytes) {
  SentencePiece sp;
  Proto model(bytes.data(), bytes.size());
  uint32_t field, wire;
  std::string charsmap;
  int model_type = 1;
  bool byte_fallback = false;
  while (model.Next(&field, &wire)) {
    if (field == 1 && wire == 2) {  // repeated SentencePiece pieces
      std::string msg = model.Bytes();
      Proto p(msg.data(), msg.size());
      Piece piece;
      while (p.Next(&field, &wire)) {
        if (field == 1 && wire == 2) piece.text = p.Bytes();
        else if (field == 2 && wire == 5) piece.score = p.Fixed32Float();
        else if (field == 3 && wire == 0) piece.type = static_cast<int>(p.Varint());
        else p.Skip(wire);
      }
      sp.pieces_.push_back(piece);
    } else if (field == 2 && wire == 2) {  // TrainerSpec
      std::string msg = model.Bytes();
      Proto p(msg.data(), msg.size());
      while (p.Next(&field, &wire)) {
        if (field == 3 && wire == 0) model_type = static_cast<int>(p.Varint());
        else if (field == 35 && wire == 0) byte_fallback = p.Varint() != 0;
        else p.Skip(wire);
      }
    } else if (field == 3 && wire == 2) {  // NormalizerSpec
      std::string msg = model.Bytes();
      Proto p(msg.data(), msg.size());
      while (p.Next(&field, &wire)) {
        if (field == 2 && wire == 2) charsmap = p.Bytes();
        else if (field == 3 && wire == 0) sp.add_dummy_prefix_ = p.Varint() != 0;
        else if (field == 4 && wire == 0) sp.remove_extra_whitespaces_ = p.Varint() != 0;
        else if (field == 5 && wire == 0) sp.escape_whitespaces_ = p.Varint() != 0;
        else p.Skip(wire);
      }
    } else {
      model.Skip(wire);
    }
  }
  sp.byte_fallback_ = byte_fallback;
  if (model_type != 1) Bad("only unigram models are supported (model_type " + std::to_string(model_type) + ")");
  if (sp.pieces_.empty()) Bad("no pieces (not a SentencePiece model?)");
  bool first_score = true;
  for (size_t i = 0; i < sp.pieces_.size(); ++i) {
    const Piece& p = sp.pieces_[i];
    if (p.type == kUnknown) sp.unk_id_ = static_cast<int>(i);
    if (p.type == kControl && p.text == "</s>") sp.eos_id_ = static_cast<int>(i);
    if (p.type == kByte) {
      unsigned value = 0;
      if (p.text.size() != 6 || std::sscanf(p.text.c_str(), "<0x%2X>", &value) != 1) Bad("byte piece '" + p.text + "'");
      sp.byte_ids_[value] = static_cast<int>(i);
    }
    if (p.type == kNormal || p.type == kUserDefined) {
      sp.index_.emplace(p.text, static_cast<int>(i));
      sp.max_piece_bytes_ = std::max(sp.max_piece_bytes_, p.text.size());
    }
    if (p.type == kNormal) {
      sp.min_score_ = first_score ? p.score : std::min(sp.min_score_, p.score);
      sp.max_score_ = first_score ? p.score : std::max(sp.max_score_, p.score);
      first_score = false;
    }
  }
  if (sp.unk_id_ < 0) Bad("no unknown piece");
  if (!charsmap.empty()) {
    if (charsmap.size() < 4) Bad("charsmap too short");
    uint32_t trie_bytes;
    std::memcpy(&trie_bytes, charsmap.data(), 4);
    if (trie_bytes % 4 != 0 || trie_bytes > charsmap.size() - 4) Bad("charsmap trie size is inconsistent");
    sp.trie_.resize(trie_bytes / 4);
    if (trie_bytes) std::memcpy(sp.trie_.data(), charsmap.data() + 4, trie_bytes);  // data() may be null when empty
    sp.replacements_ = charsmap.substr(4 + trie_bytes);
  }
  return sp;
}

// Darts-clone double array unit layout: label in the low byte (bit 31 marks a value unit),
// bit 8 = has leaf, offset in the high bits (bit 9 selects an extra shift of 8).
size_t SentencePiece::MatchCharsmap(const char* s, size_t n, const char** replacement) const {
  if (trie_.empty()) return 0;
  auto offset = [](uint32_t u) { return (u >> 10) << ((u & (1u << 9)) >> 6); };
  auto label = [](uint32_t u) { return u & ((1u << 31) | 0xFFu); };
  auto has_leaf = [](uint32_t u) { return ((u >> 8) & 1u) != 0; };
  auto value = [](uint32_t u) { return u & ((1u << 31) - 1); };
  size_t best = 0;
  uint32_t pos = offset(trie_[0]);
  for (size_t i = 0; i < n; ++i) {
    const auto c = static_cast<uint8_t>(s[i]);
    pos ^= c;
    if (pos >= trie_.size()) break;
    uint32_t unit = trie_[pos];
    if (label(unit) != c) break;
    pos ^= offset(unit);
    if (pos >= trie_.size()) break;
    if (has_leaf(unit)) {
      uint32_t v = value(trie_[pos]);
      if (v < replacements_.size()) {
        best = i + 1;
        *replacement = replacements_.c_str() + v;
      }
    }
  }
  return best;
}

std::string SentencePiece::Normalize(const std::string& text) const {
  std::string out;
  const char* s = text.data();
  size_t n = text.size();
  // One normalization step: the replacement of the longest charsmap match, else one UTF-8
  // character as is, else (malformed byte) U+FFFD.
  auto step = [&](std::string* piece) -> size_t {
    const char* rep = nullptr;
    size_t used = MatchCharsmap(s, n, &rep);
    if (used) {
      *piece = rep;
      return used;
    }
    size_t len = Utf8Length(s, n);
    if (len == 0) {
      *piece = kReplacementChar;
      return 1;
    }
    piece->assign(s, len);
    return len;
  };
  std::string piece;
  if (remove_extra_whitespaces_) {
    while (n > 0) {
      size_t used = step(&piece);
      if (piece != " ") break;
      s += used;
      n -= used;
    }
  }
  if (n == 0) return out;
  if (add_dummy_prefix_) out += escape_whitespaces_ ? kSpaceSymbol : " ";
  bool prev_space = remove_extra_whitespaces_;
  while (n > 0) {
    size_t used = step(&piece);
    size_t start = 0;
    if (prev_space && remove_extra_whitespaces_)
      while (start < piece.size() && piece[start] == ' ') ++start;
    if (start < piece.size()) {
      for (size_t i = start; i < piece.size(); ++i) {
        if (escape_whitespaces_ && piece[i] == ' ') out += kSpaceSymbol;
        else out += piece[i];
      }
      prev_space = piece.back() == ' ';
    }
    s += used;
    n -= used;
  }
  if (remove_extra_whitespaces_) {
    const std::string space = escape_whitespaces_ ? kSpaceSymbol : " ";
    while (out.size() >= space.size() && out.compare(out.size() - space.size(), space.size(), space) == 0)
      out.resize(out.size() - space.size());
  }
  return out;
}

std::vector<int> SentencePiece::Encode(const std::string& text) const {
  const std::string norm = Normalize(text);
  const size_t n = norm.size();
  struct Node {
    float score = 0.f;
    long start = -1;  // -1: unreached
    int id = -1;
  };
  std::vector<Node> best(n + 1);
  best[0].start = 0;
  const float unk_score = min_score_ - 10.f;
  size_t pos = 0;
  while (pos < n) {
    size_t char_len = Utf8Length(norm.data() + pos, n - pos);
    if (char_len == 0) char_len = 1;
    bool single_char_piece = false;
    // All pieces starting here, shortest first (the library's trie order).
    for (size_t len = 1; len <= max_piece_bytes_ && pos + len <= n; ++len) {
      auto it = index_.find(norm.substr(pos, len));
      if (it == index_.end()) continue;
      const Piece& p = pieces_[it->second];
      const float score = p.type == kUserDefined ? static_cast<float>(len) * max_score_ - 0.1f : p.score;
      const float candidate = best[pos].score + score;
      Node& target = best[pos + len];
      if (target.start == -1 || candidate > target.score) target = {candidate, static_cast<long>(pos), it->second};
      if (len == char_len) single_char_piece = true;
    }
    if (!single_char_piece) {
      const float candidate = best[pos].score + unk_score;
      Node& target = best[pos + char_len];
      if (target.start == -1 || candidate > target.score) target = {candidate, static_cast<long>(pos), unk_id_};
    }
    pos += char_len;
  }
  std::vector<long> ends;
  for (long end = static_cast<long>(n); end > 0; end = best[end].start) ends.push_back(end);
  std::vector<int> out;
  long unk_start = -1;  // start of the current run of unknown characters
  for (auto it = ends.rbegin(); it != ends.rend(); ++it) {
    const long end = *it;
    const Node& node = best[end];
    const bool next_is_unk = it + 1 != ends.rend() && best[*(it + 1)].id == unk_id_;
    if (node.id != unk_id_) {
      out.push_back(node.id);
      continue;
    }
    if (unk_start < 0) unk_start = node.start;
    if (next_is_unk) continue;  // merge unknown runs, as the library does
    if (byte_fallback_) {
      for (long i = unk_start; i < end; ++i) {
        const int id = byte_ids_[static_cast<uint8_t>(norm[i])];
        out.push_back(id >= 0 ? id : unk_id_);
      }
    } else {
      out.push_back(unk_id_);
    }
    unk_start = -1;
  }
  return out;
}

// Byte pieces in a row are one UTF-8 byte string: valid characters come out as they are, each
// byte of an invalid sequence as U+FFFD (the library's rule).
void SentencePiece::AppendBytes(const std::string& bytes, std::string* text) {
  for (size_t i = 0; i < bytes.size();) {
    const size_t len = Utf8Length(bytes.data() + i, bytes.size() - i);
    if (len == 0) {
      *text += kReplacementChar;
      ++i;
    } else {
      text->append(bytes, i, len);
      i += len;
    }
  }
}

std::string SentencePiece::Decode(const std::vector<int>& ids) const {
  std::string text, bytes;
  for (int id : ids) {
    if (id < 0 || id >= size()) continue;
    const Piece& p = pieces_[id];
    if (p.type == kByte) {
      unsigned value = 0;
      std::sscanf(p.text.c_str(), "<0x%2X>", &value);
      bytes += static_cast<char>(value);
      continue;
    }
    AppendBytes(bytes, &text);
    bytes.clear();
    if (p.type == kControl) continue;
    if (p.type == kUnknown) {
      text += " \xE2\x81\x87 ";
      continue;
    }
    text += p.text;
  }
  AppendBytes(bytes, &text);
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (text.compare(i, 3, kSpaceSymbol) == 0) {
      out += ' ';
      i += 3;
    } else {
      out += text[i++];
    }
  }
  if (add_dummy_prefix_ && !out.empty() && out[0] == ' ') out.erase(0, 1);
  return out;
}

}  // namespace tw
