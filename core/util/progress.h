#pragma once

#include <cstddef>
#include <functional>

namespace sdlab {

// Progress and cancel for long core loops (STYLE habit 2): called with the work done so
// far and the total; return false to ask the loop to stop. A default-constructed
// (empty) callback means "no progress wanted". Callers may be invoked from any thread
// the loop runs on, so a callback must be thread-safe when the loop is parallel.
using ProgressCallback = std::function<bool(std::size_t done, std::size_t total)>;

} // namespace sdlab
