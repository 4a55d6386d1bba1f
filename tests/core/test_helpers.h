#pragma once

#include <Eigen/Core>
#include <random>
#include <vector>

namespace sdlab::test {

inline std::vector<double> randomSignal(std::size_t n, std::uint64_t seed, double scale = 1.0) {
    std::mt19937_64 engine(seed);
    std::normal_distribution<double> normal(0.0, scale);
    std::vector<double> x(n);
    for (double& v : x)
        v = normal(engine);
    return x;
}

// Signed spike train: ±1 with probability `density` per step (values ±2 with `big`).
inline std::vector<double> randomSpikes(std::size_t n, double density, std::uint64_t seed,
                                        bool big = false) {
    std::mt19937_64 engine(seed);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    std::vector<double> s(n, 0.0);
    for (double& v : s)
        if (uniform(engine) < density)
            v = (uniform(engine) < 0.5 ? -1.0 : 1.0) * (big && uniform(engine) < 0.3 ? 2.0 : 1.0);
    return s;
}

} // namespace sdlab::test
