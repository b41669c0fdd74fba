// The engine's intra-op parallelism: one process-wide pool that splits a layer's output
// columns across threads (backends call ParallelFor). Splitting columns never changes a result:
// every column is computed by exactly the same code as single-threaded, so translations are
// identical for every thread count.
//
// Natively the pool uses std::thread; in the WASM engine it exists only in the pthread build
// (engine-mt, for cross-origin-isolated pages), where std::thread maps to Web Workers from
// Emscripten's pre-spawned pool. Elsewhere SetThreadCount(n > 1) reports 1.
#pragma once
#include <functional>

namespace tw {

// Sets the number of threads (the caller included) used by later ParallelFor calls and returns
// the number actually available (at least 1; fewer when threads cannot be started).
int SetThreadCount(int threads);
int ThreadCount();

// Runs fn(task) for task in [0, tasks) on the pool and the calling thread; returns when all are
// done. Not reentrant: fn must not call ParallelFor.
void ParallelFor(int tasks, const std::function<void(int)>& fn);

}  // namespace tw
