#pragma once

#include <cstdint>
#include <random>

namespace sdlab {

// Random (Bernoulli) quantizer of thesis §6.3.4 and §8.3: s ~ Bernoulli(clip(x, 0, 1)),
// an unbiased estimate of x for x ∈ [0, 1]. Every draw comes from the seeded engine.
class BernoulliQuantizer {
  public:
    explicit BernoulliQuantizer(std::uint64_t seed) : m_engine(seed) {}
    double step(double x) {
        const double p = x < 0.0 ? 0.0 : (x > 1.0 ? 1.0 : x);
        return m_uniform(m_engine) < p ? 1.0 : 0.0;
    }

  private:
    std::mt19937_64 m_engine;
    std::uniform_real_distribution<double> m_uniform{0.0, 1.0};
};

} // namespace sdlab
