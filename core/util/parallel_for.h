#pragma once

#include <cstddef>
#include <functional>

namespace sdlab {

// The one data-parallel helper of core (STYLE habit 6): calls body(begin, end) on
// contiguous, disjoint chunks that together cover [0, count), spread over `threads`
// worker threads (0 = one per hardware thread). Returns when all chunks are done.
// Chunks are handed out dynamically, so uneven work balances. The body must not
// throw; results are deterministic as long as each index writes only its own output.
void parallelFor(std::size_t count, const std::function<void(std::size_t, std::size_t)>& body,
                 unsigned threads = 0);

// The thread count parallelFor uses for threads = 0.
unsigned defaultThreadCount();

} // namespace sdlab
