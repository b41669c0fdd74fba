// Native throughput benchmark (not a test): translates a fixed input with each backend and prints
// source tokens/s, single-threaded and with TW_BENCH_THREADS threads (default 2; the engine's
// pool splits each large product by columns). Usage: tw-bench MODEL_DIR INPUT_FILE [backend...]
#include <chrono>
#include <fstream>
#include <iostream>

#include <cstdlib>

#include "core/thread_pool.h"
#include "translator/translator.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: tw-bench MODEL_DIR INPUT_FILE [backend...]\n";
    return 2;
  }
  std::vector<std::string> lines;
  std::ifstream in(argv[2]);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  std::vector<std::string> backends;
  for (int i = 3; i < argc; ++i) backends.push_back(argv[i]);
  if (backends.empty()) backends = tw::AvailableBackends();
  std::cout << "{\"sentences\": " << lines.size() << ", \"results\": [";
  bool first = true;
  const char* env = std::getenv("TW_BENCH_THREADS");
  const int many = env ? std::atoi(env) : 2;
  for (const auto& b : backends)
   for (int threads : {1, many}) {
    threads = tw::SetThreadCount(threads);
    tw::TranslatorOptions opt;
    opt.backend = b;
    auto t = tw::Translator::FromPaths(std::string(argv[1]) + "/model.twm", std::string(argv[1]) + "/vocab.spm", opt);
    size_t tokens = 0, words = 0;
    for (const auto& l : lines) {
      tokens += t->vocab().Encode(l).size() + 1;
      bool in_word = false;
      for (char c : l) {
        bool space = c == ' ';
        if (!space && !in_word) ++words;
        in_word = !space;
      }
    }
    auto t0 = std::chrono::steady_clock::now();
    auto out = t->Translate(lines);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::cout << (first ? "" : ", ") << "{\"backend\": \"" << b << "\", \"threads\": " << threads << ", \"seconds\": " << s
              << ", \"src_tokens_per_s\": " << tokens / s << ", \"words_per_s\": " << words / s << "}";
    std::cerr << b << " x" << threads << ": " << tokens / s << " source tokens/s, " << words / s << " words/s (" << s << " s)\n";
    first = false;
  }
  std::cout << "]}\n";
  return 0;
}
