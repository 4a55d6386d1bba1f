#pragma once

#include <cmath>
#include <cstdint>
#include <random>

namespace sdlab {

// Stochastic rounding, the memoryless random quantizer offered beside sigma-delta in the
// Signal lab: s = floor(x) + Bernoulli(x − floor(x)). Unbiased for every real x
// (E[s] = x), signed, and |s − x| < 1; unlike Q it carries no residual, so its error
// does not cancel over time. Every draw comes from the seeded engine.
class StochasticRoundingQuantizer {
  public:
    explicit StochasticRoundingQuantizer(std::uint64_t seed) : m_engine(seed) {}
    double step(double x) {
        const double low = std::floor(x);
        return low + (m_uniform(m_engine) < x - low ? 1.0 : 0.0);
    }

  private:
    std::mt19937_64 m_engine;
    std::uniform_real_distribution<double> m_uniform{0.0, 1.0};
};

} // namespace sdlab
