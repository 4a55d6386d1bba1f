#pragma once

#include "coding/signed_spike.h"

#include <Eigen/Core>
#include <cstdint>
#include <random>
#include <vector>

namespace sdlab {

// Stochastic sampling of signed spikes from a fixed vector, DSN Alg. 5: each step draws
// N ~ Poisson(|v|₁) spikes, each from index i with probability |v_i|/|v|₁ and sign
// sign(v_i). The running mean is unbiased; its error decays as 1/√T (DSN Fig. 1),
// against 1/T for herding. Every draw comes from the seeded engine.
class StochasticVectorSampler {
  public:
    StochasticVectorSampler(const Eigen::ArrayXd& v, std::uint64_t seed);

    // One step: appends this step's spikes to `out`.
    void step(std::vector<SignedSpike>& out);

  private:
    Eigen::ArrayXd m_v;
    double m_magnitude; // |v|₁
    std::mt19937_64 m_engine;
    std::poisson_distribution<long> m_count;
    std::discrete_distribution<std::int32_t> m_index;
};

} // namespace sdlab
