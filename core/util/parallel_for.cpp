#include "util/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace sdlab {

unsigned defaultThreadCount() {
    return std::max(1u, std::thread::hardware_concurrency());
}

void parallelFor(std::size_t count, const std::function<void(std::size_t, std::size_t)>& body,
                 unsigned threads) {
    if (count == 0)
        return;
    const unsigned workers = static_cast<unsigned>(
        std::min<std::size_t>(threads == 0 ? defaultThreadCount() : threads, count));
    if (workers <= 1) {
        body(0, count);
        return;
    }
    // A few chunks per worker balance uneven work without much hand-out overhead.
    const std::size_t chunk = std::max<std::size_t>(1, count / (std::size_t{workers} * 4));
    std::atomic<std::size_t> next{0};
    auto run = [&] {
        for (;;) {
            const std::size_t begin = next.fetch_add(chunk);
            if (begin >= count)
                return;
            body(begin, std::min(count, begin + chunk));
        }
    };
    std::vector<std::jthread> pool;
    pool.reserve(workers - 1);
    for (unsigned i = 1; i < workers; ++i)
        pool.emplace_back(run);
    run();
}

} // namespace sdlab
