// How a product y[rows, out] is cut into column blocks for the thread pool: only when there is
// enough work to pay for waking threads (measured: below ~256 k multiply-adds a split costs
// more than it saves), in blocks of a multiple of `align` columns (2: the kernels' 2-column tiles;
// the packed qs8c2 weights: their 16-column blocks).
#pragma once
#include <cstdint>

#include "core/thread_pool.h"

namespace tw {

template <typename Fn>
void ForColumnBlocks(int rows, int in, int out, Fn&& block, int align = 2) {
  ForBlocks(out, (int64_t)rows * in * out, int64_t{1} << 18, align, block);
}

}  // namespace tw
