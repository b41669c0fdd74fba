#include "translator/translator.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/error.h"
#include "core/profile.h"

namespace tw {

Translator::Translator(std::shared_ptr<const ModelFile> model, SentencePiece vocab, const TranslatorOptions& opt)
    : vocab_(std::move(vocab)), opt_(opt) {
  model_ = std::make_unique<Transformer>(std::move(model), MakeBackend(opt.backend));
  const ModelConfig& c = model_->config();
  if (c.vocab_size != vocab_.size())
    throw Error(ErrorCode::kVocabMismatch, "vocabulary has " + std::to_string(vocab_.size()) + " pieces but the model expects " +
                                               std::to_string(c.vocab_size) + " (wrong vocab file for this model?)");
  if (vocab_.eos_id() != c.eos_id || vocab_.unk_id() != c.unk_id)
    throw Error(ErrorCode::kVocabMismatch, "vocabulary EOS/UNK ids differ from the model's");
  if (opt.max_source_tokens < 2 || opt.max_batch_sentences < 1)
    throw Error(ErrorCode::kInvalidArgument, "max_source_tokens must be >= 2 and max_batch_sentences >= 1");
}

std::unique_ptr<Translator> Translator::FromPaths(const std::string& model_path, const std::string& vocab_path,
                                                  const TranslatorOptions& opt) {
  auto file = std::make_shared<const ModelFile>(ModelFile::FromPath(model_path));
  return std::make_unique<Translator>(file, SentencePiece::FromPath(vocab_path), opt);
}

std::vector<std::vector<int>> Translator::SourceChunks(const std::string& text) const {
  profile::Scope scope("tokenize");
  std::vector<int> ids = vocab_.Encode(text);
  std::vector<std::vector<int>> chunks;
  const size_t room = static_cast<size_t>(opt_.max_source_tokens) - 1;
  for (size_t i = 0; i < ids.size(); i += room) {
    std::vector<int> c(ids.begin() + i, ids.begin() + std::min(ids.size(), i + room));
    c.push_back(vocab_.eos_id());
    chunks.push_back(std::move(c));
  }
  return chunks;
}

std::vector<std::vector<int>> Translator::TranslateIds(const std::vector<std::vector<int>>& src, std::vector<float>* scores) {
  std::vector<std::vector<int>> out(src.size());
  if (scores) scores->assign(src.size(), 0.f);
  if (opt_.search.beam > 1) {
    for (size_t i = 0; i < src.size(); ++i) {
      if (shortlist_) model_->SetOutputShortlists({shortlist_->Allowed({src[i]})});
      out[i] = BeamSearch(*model_, src[i], opt_.search, scores ? &(*scores)[i] : nullptr);
    }
    return out;
  }
  // Length-sorted batches waste little work on padding.
  std::vector<size_t> order(src.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return src[a].size() < src[b].size(); });
  for (size_t i = 0; i < order.size(); i += opt_.max_batch_sentences) {
    std::vector<std::vector<int>> batch;
    for (size_t j = i; j < std::min(order.size(), i + opt_.max_batch_sentences); ++j) batch.push_back(src[order[j]]);
    if (shortlist_) {
      std::vector<std::vector<int>> lists;
      for (const auto& sentence : batch) lists.push_back(shortlist_->Allowed({sentence}));
      model_->SetOutputShortlists(lists);
    }
    std::vector<float> batch_scores;
    auto res = GreedySearch(*model_, batch, opt_.search, scores ? &batch_scores : nullptr);
    for (size_t j = 0; j < res.size(); ++j) {
      out[order[i + j]] = std::move(res[j]);
      if (scores) (*scores)[order[i + j]] = batch_scores[j];
    }
  }
  return out;
}

std::vector<float> Translator::LineScores(const Plan& plan, const std::vector<int>& output_lengths,
                                          const std::vector<float>& scores) const {
  if (output_lengths.size() != plan.sources.size() || scores.size() != plan.sources.size())
    throw Error(ErrorCode::kInvalidArgument, "expected one output and one score per planned source");
  std::vector<double> sum(plan.lines, 0.0), tokens(plan.lines, 0.0);
  size_t k = 0;
  for (const Plan::Slot& s : plan.slots) {
    if (!s.is_chunk) continue;
    const double n = static_cast<double>(output_lengths[k]) + 1;  // + EOS
    sum[s.line] += scores[k] * n;
    tokens[s.line] += n;
    ++k;
  }
  std::vector<float> out(plan.lines);
  for (size_t i = 0; i < plan.lines; ++i) out[i] = tokens[i] > 0 ? static_cast<float>(sum[i] / tokens[i]) : NAN;
  return out;
}

namespace {

// A line cut at "words" longer than kMaxWordBytes (hashes, URLs, keyboard mashing): those are
// kept verbatim, the text between them is translated. Without this a 100 000-character token
// becomes ~100 000 source tokens of pure noise.
constexpr size_t kMaxWordBytes = 100;

struct Piece {
  std::string text;
  bool translate;
};

std::vector<Piece> SplitLongWords(const std::string& line) {
  std::vector<Piece> pieces;
  size_t start = 0, i = 0;
  while (i < line.size()) {
    if (line[i] == ' ' || line[i] == '\t') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    if (j - i > kMaxWordBytes) {
      if (i > start) pieces.push_back({line.substr(start, i - start), true});
      pieces.push_back({line.substr(i, j - i), false});
      start = j;
    }
    i = j;
  }
  if (start < line.size() || pieces.empty()) pieces.push_back({line.substr(start), true});
  return pieces;
}

// True when text holds nothing a reader sees: ASCII whitespace and the Unicode spaces a page
// uses (no-break, the U+2000 family, zero-width, narrow no-break, ideographic, BOM). Such a line
// gives an empty translation; sent to a model whose vocabulary keeps a tab as a byte, it would
// come back as an invented word ("\t" -> "Östliches").
bool IsBlank(const std::string& text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    const unsigned char c = s[i];
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      i += 1;
    } else if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0) {  // U+00A0
      i += 2;
    } else if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && (s[i + 2] <= 0x8B || s[i + 2] == 0xAF)) {  // U+2000-200B, 202F
      i += 3;
    } else if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x81 && s[i + 2] == 0x9F) {  // U+205F
      i += 3;
    } else if ((c == 0xE3 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0x80) ||  // U+3000
               (c == 0xEF && i + 2 < n && s[i + 1] == 0xBB && s[i + 2] == 0xBF)) {  // U+FEFF
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

void Append(std::string& out, const std::string& text) {
  if (text.empty()) return;
  if (!out.empty()) out += ' ';
  out += text;
}

}  // namespace

Translator::Plan Translator::MakePlan(const std::vector<std::string>& lines) const {
  Plan plan;
  plan.lines = lines.size();
  for (size_t i = 0; i < lines.size(); ++i)
    for (const Piece& p : SplitLongWords(lines[i])) {
      if (!p.translate) {
        plan.slots.push_back({i, p.text, false});
        continue;
      }
      if (IsBlank(p.text)) continue;
      for (auto& c : SourceChunks(p.text)) {
        plan.sources.push_back(std::move(c));
        plan.slots.push_back({i, "", true});
      }
    }
  return plan;
}

std::vector<std::string> Translator::Assemble(const Plan& plan, const std::vector<std::vector<int>>& outputs) const {
  if (outputs.size() != plan.sources.size())
    throw Error(ErrorCode::kInvalidArgument, "expected " + std::to_string(plan.sources.size()) + " decoded outputs, got " +
                                                 std::to_string(outputs.size()));
  for (const auto& o : outputs)
    for (int id : o)
      if (id < 0 || id >= vocab_.size()) throw Error(ErrorCode::kInvalidArgument, "decoded id " + std::to_string(id) + " out of range");
  profile::Scope scope("detokenize");
  std::vector<std::string> out(plan.lines);
  size_t k = 0;
  for (const Plan::Slot& s : plan.slots) Append(out[s.line], s.is_chunk ? vocab_.Decode(outputs[k++]) : s.verbatim);
  return out;
}

std::vector<std::string> Translator::Translate(const std::vector<std::string>& lines, std::vector<float>* line_scores) {
  profile::Scope scope("translate (all stages)");
  const Plan plan = MakePlan(lines);
  last_source_tokens_ = 0;
  for (const auto& c : plan.sources) last_source_tokens_ += c.size();
  std::vector<float> scores;
  const auto outputs = TranslateIds(plan.sources, line_scores ? &scores : nullptr);
  if (line_scores) {
    std::vector<int> lengths;
    for (const auto& o : outputs) lengths.push_back(static_cast<int>(o.size()));
    *line_scores = LineScores(plan, lengths, scores);
  }
  return Assemble(plan, outputs);
}

}  // namespace tw
