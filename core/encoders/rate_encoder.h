#pragma once

#include <cstdint>
#include <random>

namespace sdlab {

// Rate coding, snnTorch paper eq. 23: each step emits a spike with probability x, for
// x ∈ [0, 1] (values outside are clipped). Every draw comes from the seeded engine.
class RateEncoder {
public:
    explicit RateEncoder(std::uint64_t seed) : m_engine(seed) {}
    double step(double x) {
        const double p = x < 0.0 ? 0.0 : (x > 1.0 ? 1.0 : x);
        return m_uniform(m_engine) < p ? 1.0 : 0.0;
    }

private:
    std::mt19937_64 m_engine;
    std::uniform_real_distribution<double> m_uniform{0.0, 1.0};
};

} // namespace sdlab
