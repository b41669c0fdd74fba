// A fork-join pool tuned for many short calls (a decoder step makes ~15 of them): tasks are
// assigned statically (participant p runs tasks p, p + T, ...), workers spin briefly before
// sleeping, and the caller spins for the others to finish. The generation word packs the
// generation and the task count, so a worker that wakes late can never run a task of a batch
// it does not belong to.
#include "core/thread_pool.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace tw {
namespace {

#if !defined(__EMSCRIPTEN__) || defined(__EMSCRIPTEN_PTHREADS__)
constexpr bool kThreadsPossible = true;
#else
constexpr bool kThreadsPossible = false;
#endif

constexpr auto kSpin = std::chrono::microseconds(200);  // a decoder step's serial gaps are shorter

inline void Relax() {
#if defined(__x86_64__)
  __builtin_ia32_pause();
#endif
}

class Pool {
 public:
  ~Pool() { Stop(); }

  int size() const { return static_cast<int>(workers_.size()) + 1; }

  int Resize(int threads) {
    Stop();
    // A thread may start running after the first batch was published: it must take the word
    // as of now as "seen", not whatever it reads when it starts, or it would miss that batch.
    const uint64_t start = word_.load();
    for (int i = 1; i < threads; ++i) {
      try {
        workers_.emplace_back([this, i, start] { Work(i, start); });
      } catch (const std::system_error&) {
        break;  // e.g. the browser's worker pool is exhausted: run with what we have
      }
    }
    return size();
  }

  void Run(int tasks, const std::function<void(int)>& fn) {
    const int threads = size();
    if (threads == 1 || tasks <= 1) {
      for (int t = 0; t < tasks; ++t) fn(t);
      return;
    }
    const int participants = tasks < threads ? tasks : threads;
    fn_ = &fn;
    done_.store(0, std::memory_order_relaxed);
    generation_ += 1;
    word_.store((generation_ << 32) | static_cast<uint32_t>(tasks));  // publishes fn_ and done_
    if (sleeping_.load() > 0) {
      std::lock_guard<std::mutex> lock(mu_);
      wake_.notify_all();
    }
    for (int t = 0; t < tasks; t += threads) fn(t);
    const auto start = std::chrono::steady_clock::now();
    for (int spins = 0; done_.load(std::memory_order_acquire) != participants - 1; ++spins) {
      Relax();
      if ((spins & 1023) == 1023 && std::chrono::steady_clock::now() - start > kSpin) std::this_thread::yield();
    }
  }

 private:
  void Work(int p, uint64_t seen) {
    for (;;) {
      uint64_t word = Await(seen);
      if (word == kStop) return;
      seen = word;
      const int tasks = static_cast<int>(word & 0xffffffffu), threads = size();
      if (p >= tasks) continue;  // not a participant: the caller does not wait for us
      for (int t = p; t < tasks; t += threads) (*fn_)(t);
      done_.fetch_add(1, std::memory_order_release);
    }
  }

  // Spins for a while, then sleeps, until the generation word changes.
  uint64_t Await(uint64_t seen) {
    const auto start = std::chrono::steady_clock::now();
    for (int spins = 0;; ++spins) {
      const uint64_t w = word_.load();
      if (w != seen) return w;
      Relax();
      if ((spins & 255) == 255 && std::chrono::steady_clock::now() - start > kSpin) break;
    }
    std::unique_lock<std::mutex> lock(mu_);
    sleeping_.fetch_add(1);
    wake_.wait(lock, [&] { return word_.load() != seen; });
    sleeping_.fetch_sub(1);
    return word_.load();
  }

  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      word_.store(kStop);
      wake_.notify_all();
    }
    for (auto& w : workers_) w.join();
    workers_.clear();
    word_.store(generation_ << 32);
  }

  static constexpr uint64_t kStop = ~uint64_t{0};
  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable wake_;
  const std::function<void(int)>* fn_ = nullptr;
  uint64_t generation_ = 0;  // written by the caller only
  std::atomic<uint64_t> word_{0};
  std::atomic<int> done_{0}, sleeping_{0};
};

Pool& ThePool() {
  static Pool pool;
  return pool;
}

}  // namespace

int SetThreadCount(int threads) {
  if (!kThreadsPossible || threads < 1) threads = 1;
  if (threads == ThePool().size()) return threads;
  return ThePool().Resize(threads);
}

int ThreadCount() { return ThePool().size(); }

void ParallelFor(int tasks, const std::function<void(int)>& fn) { ThePool().Run(tasks, fn); }

}  // namespace tw
