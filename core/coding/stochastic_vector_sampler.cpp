#include "coding/stochastic_vector_sampler.h"

namespace sdlab {

namespace {
std::discrete_distribution<std::int32_t> indexDistribution(const Eigen::ArrayXd& v) {
    const Eigen::ArrayXd magnitude = v.abs();
    if (magnitude.sum() <= 0.0)
        return {}; // never sampled: N is always 0 then
    return std::discrete_distribution<std::int32_t>(magnitude.data(),
                                                    magnitude.data() + magnitude.size());
}
} // namespace

StochasticVectorSampler::StochasticVectorSampler(const Eigen::ArrayXd& v, std::uint64_t seed)
    : m_v(v), m_magnitude(v.abs().sum()), m_engine(seed),
      m_count(m_magnitude > 0.0 ? m_magnitude : 1.0), m_index(indexDistribution(v)) {}

void StochasticVectorSampler::step(std::vector<SignedSpike>& out) {
    if (m_magnitude <= 0.0)
        return;
    const long n = m_count(m_engine); // DSN Alg. 5 line 5
    for (long k = 0; k < n; ++k) {
        const std::int32_t i = m_index(m_engine);
        out.push_back({i, m_v(i) > 0.0 ? 1 : -1});
    }
}

} // namespace sdlab
