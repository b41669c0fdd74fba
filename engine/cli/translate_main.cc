// Command-line translator: one sentence per stdin line -> one translation per stdout line.
// Usage: tw-translate --model DIR|FILE.twm [--vocab FILE.spm] [--shortlist lex.s2t.bin | --no-shortlist]
//                     [--beam N] [--backend reference|native|xnnpack] [--batch N] [--threads N] [--scores]
//        A model directory's lex.s2t.bin (scripts/make-shortlist) is used unless --no-shortlist, as
//        the JS API uses a registry model's.
//        --scores: each line is "SCORE<TAB>translation", SCORE the mean log-probability of its
//        tokens (the model's confidence; "nan" for a blank line)
//        --profile: at the end, the time of each stage (tokenize, encoder layers, decoder step
//        parts, output layer, argmax, detokenize) as JSON on stderr (core/profile.h)
//        tw-translate --model DIR|FILE.twm --describe   (the engine's model description, JSON)
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <string>
#include <sys/stat.h>

#include "bindings/model_description.h"
#include "core/error.h"
#include "core/profile.h"
#include "core/thread_pool.h"
#include "translator/translator.h"

namespace {

bool IsDirectory(const std::string& p) {
  struct stat st;
  return stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool IsFile(const std::string& p) {
  struct stat st;
  return stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

int Usage(const char* msg) {
  std::cerr << "error: " << msg << "\n"
            << "usage: translate --model DIR|FILE.twm [--vocab FILE.spm] [--shortlist FILE | --no-shortlist] [--beam N] [--backend reference|native|xnnpack] [--threads N] [--scores] [--profile] [--describe]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string model, vocab, shortlist;
  bool describe = false, scores = false, profile = false, no_shortlist = false;
  tw::TranslatorOptions opt;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value");
      return argv[++i];
    };
    try {
      if (a == "--model") model = value();
      else if (a == "--vocab") vocab = value();
      else if (a == "--shortlist") shortlist = value();
      else if (a == "--no-shortlist") no_shortlist = true;
      else if (a == "--beam") opt.search.beam = std::stoi(value());
      else if (a == "--backend") opt.backend = value();
      else if (a == "--batch") opt.max_batch_sentences = std::stoi(value());
      else if (a == "--threads") tw::SetThreadCount(std::stoi(value()));  // same output for any count
      else if (a == "--describe") describe = true;
      else if (a == "--scores") scores = true;
      else if (a == "--profile") profile = true;
      else if (a == "--help" || a == "-h") return Usage("help requested"), 0;
      else return Usage(("unknown option " + a).c_str());
    } catch (const std::exception& e) {
      return Usage(e.what());
    }
  }
  if (model.empty()) return Usage("--model is required");
  if (opt.search.beam < 1) return Usage("--beam must be >= 1");
  if (IsDirectory(model)) {
    if (vocab.empty()) vocab = model + "/vocab.spm";
    if (shortlist.empty() && IsFile(model + "/lex.s2t.bin")) shortlist = model + "/lex.s2t.bin";
    model += "/model.twm";
  } else if (vocab.empty()) {
    vocab = model.substr(0, model.find_last_of('/') + 1) + "vocab.spm";
  }
  try {
    auto translator = tw::Translator::FromPaths(model, vocab, opt);
    if (describe) {
      std::cout << tw::DescribeModel(*translator) << '\n';
      return 0;
    }
    if (!shortlist.empty() && !no_shortlist)
      translator->SetShortlist(std::make_shared<const tw::Shortlist>(
          tw::Shortlist::FromPath(shortlist, translator->model().config().vocab_size)));
    if (profile) tw::profile::Start();
    // Translate in blocks so output streams for long inputs while batching stays efficient.
    std::vector<std::string> block;
    std::string line;
    auto flush = [&] {
      std::vector<float> line_scores;
      const auto outputs = translator->Translate(block, scores ? &line_scores : nullptr);
      for (size_t i = 0; i < outputs.size(); ++i) {
        if (scores) std::cout << std::setprecision(9) << line_scores[i] << '\t';  // float round-trips
        std::cout << outputs[i] << '\n';
      }
      std::cout.flush();
      block.clear();
    };
    while (std::getline(std::cin, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      block.push_back(line);
      if (block.size() >= 256) flush();
    }
    flush();
    if (profile) std::cerr << tw::profile::ToJson() << '\n';
  } catch (const tw::Error& e) {
    std::cerr << "error (" << tw::ErrorCodeName(e.code()) << "): " << e.what() << "\n";
    return 1;
  }
  return 0;
}
