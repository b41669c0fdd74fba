// Text in, text out: SentencePiece encoding, batching, search, decoding.
// This is the unit the CLI, the WASM bindings and the benchmarks drive.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "model/search.h"
#include "model/shortlist.h"
#include "model/transformer.h"
#include "tokenizer/sentencepiece.h"

namespace tw {

struct TranslatorOptions {
  std::string backend = "native";
  SearchOptions search;
  // Sentences decoded together. Eight keep a batch's activations and cross-attention keys/values
  // in cache: 1.23x natively over 32 (600 news sentences), 1.04x in WASM (1000 captions); four
  // gained nothing more in WASM. Outputs do not depend on it.
  int max_batch_sentences = 8;
  int max_source_tokens = 256;  // longer inputs are cut into chunks translated one after another
};

class Translator {
 public:
  // Throws kVocabMismatch when the tokenizer does not fit the model.
  Translator(std::shared_ptr<const ModelFile> model, SentencePiece vocab, const TranslatorOptions& opt);
  static std::unique_ptr<Translator> FromPaths(const std::string& model_path, const std::string& vocab_path,
                                               const TranslatorOptions& opt);

  // One output per input, in order; an empty (or whitespace-only) input gives an empty output.
  // Equivalent to Assemble(plan, TranslateIds(plan.sources)) with plan = Plan(lines).
  // line_scores (optional): each line's LineScores.
  std::vector<std::string> Translate(const std::vector<std::string>& lines, std::vector<float>* line_scores = nullptr);

  // The two halves around the decoder, for decoders outside the engine (the browser's WebGPU
  // path): Plan cuts lines into source chunks (ids with EOS) and remembers what goes where;
  // Assemble joins the decoded outputs (one per source, ids without EOS) back into lines.
  struct Plan {
    struct Slot {
      size_t line;
      std::string verbatim;  // set for pieces kept untranslated (overlong "words")
      bool is_chunk;
    };
    size_t lines = 0;
    std::vector<std::vector<int>> sources;
    std::vector<Slot> slots;  // in output order
  };
  Plan MakePlan(const std::vector<std::string>& lines) const;
  std::vector<std::string> Assemble(const Plan& plan, const std::vector<std::vector<int>>& outputs) const;
  // Source tokens (EOS included) the last Translate call fed to the model, for throughput figures.
  size_t last_source_tokens() const { return last_source_tokens_; }
  void SetBeam(int beam) { opt_.search.beam = beam; }
  // Scores only shortlisted targets per batch (nullptr: the whole vocabulary).
  void SetShortlist(std::shared_ptr<const Shortlist> shortlist) { shortlist_ = std::move(shortlist); }
  Transformer& model() { return *model_; }
  const Transformer& model() const { return *model_; }
  const TranslatorOptions& options() const { return opt_; }
  const SentencePiece& vocab() const { return vocab_; }
  // Source ids (with EOS) of one text, split into chunks of at most max_source_tokens.
  std::vector<std::vector<int>> SourceChunks(const std::string& text) const;
  // scores (optional): per source, the mean log-probability of its output tokens and EOS
  // (GreedySearch); a line's confidence is the token-weighted mean over its chunks (LineScores).
  std::vector<std::vector<int>> TranslateIds(const std::vector<std::vector<int>>& src, std::vector<float>* scores = nullptr);
  // Per line of the plan: the mean log-probability of all its output tokens (EOS included), or
  // NaN for a line no model output went into (blank, or only overlong words kept verbatim).
  // output_lengths: tokens of each source's output (EOS not counted).
  std::vector<float> LineScores(const Plan& plan, const std::vector<int>& output_lengths,
                                const std::vector<float>& scores) const;

 private:
  SentencePiece vocab_;
  TranslatorOptions opt_;
  std::unique_ptr<Transformer> model_;
  std::shared_ptr<const Shortlist> shortlist_;
  size_t last_source_tokens_ = 0;
};

}  // namespace tw
