// How a product y[rows, out] is cut into column blocks for the thread pool: only when there is
// enough work to pay for waking threads (measured: below ~256 k multiply-adds a split costs
// more than it saves), in blocks of an even number of columns (the kernels' 2-column tiles).
#pragma once
#include <cstdint>

#include "core/thread_pool.h"

namespace tw {

template <typename Fn>
void ForColumnBlocks(int rows, int in, int out, Fn&& block) {
  constexpr int64_t kMinWorkPerTask = 1 << 18;
  const int64_t work = (int64_t)rows * in * out;
  int tasks = ThreadCount();
  if (work / kMinWorkPerTask < tasks) tasks = static_cast<int>(work / kMinWorkPerTask);
  if (tasks <= 1) return block(0, out);
  const int per = ((out + tasks - 1) / tasks + 1) / 2 * 2;
  ParallelFor(tasks, [&](int t) {
    const int n0 = t * per, n1 = n0 + per < out ? n0 + per : out;
    if (n0 < n1) block(n0, n1);
  });
}

}  // namespace tw
