#include "learning/stdp_online_update.h"

namespace sdlab {

StdpOnlineUpdate::StdpOnlineUpdate(Eigen::Index dIn, Eigen::Index dOut,
                                   const UpdateRuleParams& params)
    : m_params(params), m_preTrace(Eigen::ArrayXd::Zero(dIn)),
      m_postTrace(Eigen::ArrayXd::Zero(dOut)) {
    m_activePre.reserve(static_cast<std::size_t>(dIn));
    m_activePost.reserve(static_cast<std::size_t>(dOut));
}

void StdpOnlineUpdate::step(const Eigen::ArrayXd& preSpikes, const Eigen::ArrayXd& postSpikes,
                            RowMatrix& dW, double gain) {
    m_activePre.clear();
    m_activePost.clear();
    for (Eigen::Index i = 0; i < preSpikes.size(); ++i)
        if (preSpikes(i) != 0.0)
            m_activePre.push_back(i);
    for (Eigen::Index j = 0; j < postSpikes.size(); ++j)
        if (postSpikes(j) != 0.0)
            m_activePost.push_back(j);
    m_preTrace *= m_params.pre.kAlpha();
    m_postTrace *= m_params.post.kAlpha(); // E: post spikes strictly before t
    for (Eigen::Index i : m_activePre)
        m_preTrace(i) += preSpikes(i); // P: pre spikes up to and including t
    const double g0 = gain * m_params.pre.kBeta() * m_params.post.kBeta() * m_params.geometricSum();
    // Pre spike now, post spikes earlier (τ < 0).
    for (Eigen::Index i : m_activePre)
        dW.row(i) += (g0 * preSpikes(i)) * m_postTrace.matrix().transpose();
    // Post spike now, pre spikes now or earlier (τ ≥ 0).
    for (Eigen::Index j : m_activePost)
        dW.col(j) += (g0 * postSpikes(j)) * m_preTrace.matrix();
    for (Eigen::Index j : m_activePost)
        m_postTrace(j) += postSpikes(j);
}

} // namespace sdlab
