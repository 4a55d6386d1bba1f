#pragma once

#include <cstddef>
#include <functional>

namespace sdlab {

// Progress and cancel for long core loops (STYLE habit 2): called with the work done so
// far and the total; return false to ask the loop to stop. A default-constructed
// (empty) callback means "no progress wanted". Callers may be invoked from any thread
// the loop runs on, so a callback must be thread-safe when the loop is parallel.
using ProgressCallback = std::function<bool(std::size_t done, std::size_t total)>;

// Reports progress to a callback at most `maxReports` times a run, so that a GUI
// receiving it is never flooded. Not thread-safe; use one per thread.
class ThrottledProgress {
public:
    ThrottledProgress(const ProgressCallback& callback, std::size_t total,
                      std::size_t maxReports = 200)
        : m_callback(callback), m_total(total),
          m_stride(total / (maxReports == 0 ? 1 : maxReports) + 1) {}

    // Returns false when the callback asked to cancel.
    bool report(std::size_t done) {
        if (!m_callback || (done % m_stride != 0 && done != m_total))
            return true;
        return m_callback(done, m_total);
    }

private:
    const ProgressCallback& m_callback;
    std::size_t m_total;
    std::size_t m_stride;
};

} // namespace sdlab
