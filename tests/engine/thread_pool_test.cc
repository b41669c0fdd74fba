// The thread pool runs every task exactly once, across thousands of back-to-back calls (the
// decoder's pattern), and threads never change a translation.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <vector>

#include "core/thread_pool.h"
#include "read_gz.h"
#include "translator/translator.h"

namespace tw {
namespace {

TEST(ThreadPool, EveryTaskRunsExactlyOnceInManyShortCalls) {
  ASSERT_EQ(SetThreadCount(3), 3);
  std::vector<std::atomic<int>> hits(37);
  for (int call = 0; call < 5000; ++call) {
    const int tasks = 1 + call % 37;  // fewer, as many and more tasks than threads
    ParallelFor(tasks, [&](int t) { hits[t].fetch_add(1); });
  }
  for (int t = 0; t < 37; ++t) {
    int want = 0;
    for (int call = 0; call < 5000; ++call) want += t < 1 + call % 37;
    EXPECT_EQ(hits[t].load(), want) << "task " << t;
  }
  EXPECT_EQ(SetThreadCount(1), 1);
}

TEST(ThreadPool, TranslationsAreIdenticalForAnyThreadCount) {
  auto lines = ReadGz(std::string(TW_SOURCE_DIR) + "/../shared/data/multi30k/test_2016_flickr.en.gz");
  ASSERT_GE(lines.size(), 1000u);
  lines.resize(300);
  std::vector<std::vector<std::string>> outputs;
  for (const char* backend : {"native", "xnnpack"}) {
    if (backend == std::string("xnnpack") && AvailableBackends().size() < 3) continue;
    for (int threads : {1, 2, 3}) {
      ASSERT_EQ(SetThreadCount(threads), threads);
      TranslatorOptions opt;
      opt.backend = backend;
      auto t = Translator::FromPaths(std::string(TW_SOURCE_DIR) + "/models/en-de/model.twm",
                                     std::string(TW_SOURCE_DIR) + "/models/en-de/vocab.spm", opt);
      outputs.push_back(t->Translate(lines));
    }
    for (size_t i = 1; i < outputs.size(); ++i) EXPECT_EQ(outputs[i], outputs[0]) << backend << " run " << i;
    outputs.clear();
  }
  SetThreadCount(1);
}

}  // namespace
}  // namespace tw
