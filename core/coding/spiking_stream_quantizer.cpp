#include "coding/spiking_stream_quantizer.h"

namespace sdlab {

void SpikingStreamQuantizer::step(const Eigen::ArrayXd& v, std::vector<SignedSpike>& out) {
    m_phi += v;
    Eigen::Index i = 0;
    // DSN Alg. 1 lines 5-9.
    while (m_phi.abs().maxCoeff(&i) > 0.5) {
        const double sign = m_phi(i) > 0.0 ? 1.0 : -1.0;
        m_phi(i) -= sign;
        out.push_back({static_cast<std::int32_t>(i), static_cast<std::int32_t>(sign)});
    }
}

void RectifiedStreamQuantizer::step(const Eigen::ArrayXd& v, std::vector<SignedSpike>& out) {
    m_phi += v;
    Eigen::Index i = 0;
    // DSN Alg. 7 lines 5-8.
    while (m_phi.maxCoeff(&i) > 0.5) {
        m_phi(i) -= 1.0;
        out.push_back({static_cast<std::int32_t>(i), 1});
    }
}

} // namespace sdlab
