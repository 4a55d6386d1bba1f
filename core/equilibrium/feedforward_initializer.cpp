#include "equilibrium/feedforward_initializer.h"

#include "equilibrium/glorot.h"
#include "equilibrium/hard_sigmoid.h"

#include <cmath>
#include <random>

namespace sdlab {

FeedforwardInitializer::FeedforwardInitializer(const std::vector<int>& sizes, double leak,
                                               std::uint64_t seed)
    : m_leak(leak) {
    std::mt19937_64 rng(seed);
    for (std::size_t l = 0; l + 1 < sizes.size(); ++l) {
        m_weights.push_back(glorotUniform(sizes[l], sizes[l + 1], rng));
        m_biases.push_back(Eigen::VectorXd::Zero(sizes[l + 1]));
        m_preactivation.push_back(Eigen::VectorXd::Zero(sizes[l + 1]));
        m_output.push_back(Eigen::VectorXd::Zero(sizes[l + 1]));
    }
}

const EqState& FeedforwardInitializer::forward(const Eigen::VectorXd& x, OpCounter* ops) {
    for (std::size_t l = 0; l < m_weights.size(); ++l) {
        const Eigen::VectorXd& below = l == 0 ? x : m_output[l - 1];
        m_preactivation[l].noalias() = m_weights[l].transpose() * below;
        m_preactivation[l] += m_biases[l];
        m_output[l] =
            m_preactivation[l].unaryExpr([this](double z) { return leakyHardSigmoid(z, m_leak); });
        if (ops)
            ops->countMultiplyAdds(static_cast<std::uint64_t>(m_weights[l].size()));
    }
    return m_output;
}

EqState FeedforwardInitializer::clippedPrediction() const {
    EqState s = m_output;
    for (auto& layer : s)
        layer = layer.cwiseMax(0.0).cwiseMin(1.0);
    return s;
}

void FeedforwardInitializer::learn(const Eigen::VectorXd& x, const EqState& targets,
                                   const std::vector<double>& learningRates, OpCounter* ops) {
    for (std::size_t l = 0; l < m_weights.size(); ++l) {
        const Eigen::VectorXd& below = l == 0 ? x : m_output[l - 1];
        // ∂L_l/∂z = 2 (s^f − s⁻) ρ_leak'(z); the layer below's output is a constant.
        m_delta =
            2.0 *
            (m_output[l] - targets[l]).cwiseProduct(m_preactivation[l].unaryExpr([this](double z) {
                return leakyHardSigmoidSlope(z, m_leak);
            }));
        m_weights[l].noalias() -= (learningRates[l] * below) * m_delta.transpose();
        m_biases[l] -= learningRates[l] * m_delta;
        if (ops)
            ops->countMultiplyAdds(static_cast<std::uint64_t>(m_weights[l].size()));
    }
}

double FeedforwardInitializer::localLoss(const EqState& targets) const {
    double loss = 0.0;
    for (std::size_t l = 0; l < m_output.size(); ++l)
        loss += (m_output[l] - targets[l]).squaredNorm();
    return loss;
}

} // namespace sdlab
