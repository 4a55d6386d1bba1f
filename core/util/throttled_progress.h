#pragma once

#include "util/progress.h"

#include <cstddef>

namespace sdlab {

// Progress for a hot loop (STYLE habit 2): passes work done to a ProgressCallback at most
// once every `every` units, and always when the work is complete, so the loop calls it
// each iteration at the cost of one compare. An empty callback reports nothing and never
// cancels. Not thread-safe: one per loop.
class ThrottledProgress {
  public:
    ThrottledProgress(const ProgressCallback& sink, std::size_t total, std::size_t every)
        : m_sink(sink), m_total(total), m_every(every == 0 ? 1 : every), m_next(m_every) {}

    // False once the callback asked to stop.
    bool operator()(std::size_t done) {
        if (!m_sink || (done < m_next && done != m_total))
            return true;
        m_next = done + m_every;
        return m_sink(done, m_total);
    }

    // Reports now, whatever the count (the end of an epoch, a phase); false = stop.
    bool now(std::size_t done) {
        m_next = done + m_every;
        return !m_sink || m_sink(done, m_total);
    }

  private:
    const ProgressCallback& m_sink;
    std::size_t m_total;
    std::size_t m_every;
    std::size_t m_next;
};

} // namespace sdlab
