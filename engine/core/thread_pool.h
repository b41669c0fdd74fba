// The engine's intra-op parallelism: one process-wide pool that splits a layer's output
// columns across threads (backends call ParallelFor). Splitting columns never changes a result:
// every column is computed by exactly the same code as single-threaded, so translations are
// identical for every thread count.
//
// Natively the pool uses std::thread; in the WASM engine it exists only in the pthread build
// (engine-mt, for cross-origin-isolated pages), where std::thread maps to Web Workers from
// Emscripten's pre-spawned pool. Elsewhere SetThreadCount(n > 1) reports 1.
#pragma once
#include <cstdint>
#include <functional>

namespace tw {

// Sets the number of threads (the caller included) used by later ParallelFor calls and returns
// the number actually available (at least 1; fewer when threads cannot be started).
int SetThreadCount(int threads);
int ThreadCount();

// Runs fn(task) for task in [0, tasks) on the pool and the calling thread; returns when all are
// done. Not reentrant: fn must not call ParallelFor.
void ParallelFor(int tasks, const std::function<void(int)>& fn);

// Cuts [0, n) into contiguous blocks (multiples of `align` items, save the last), one task each,
// as many as the threads and `work / min_work_per_task` allow, and runs block(begin, end) on the
// pool; with one task, block(0, n) on the calling thread. How the range is cut never changes a
// result when each item is computed on its own.
template <typename Fn>
void ForBlocks(int n, int64_t work, int64_t min_work_per_task, int align, Fn&& block) {
  int tasks = ThreadCount();
  if (work / min_work_per_task < tasks) tasks = static_cast<int>(work / min_work_per_task);
  if (tasks > n) tasks = n;
  if (tasks <= 1) return block(0, n);
  const int per = ((n + tasks - 1) / tasks + align - 1) / align * align;
  ParallelFor(tasks, [&](int t) {
    const int begin = t * per, end = begin + per < n ? begin + per : n;
    if (begin < end) block(begin, end);
  });
}

}  // namespace tw
