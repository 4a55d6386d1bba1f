#include "models/sigma_delta_net.h"

#include "coding/value_ops.h"

#include <cmath>

namespace sdlab {

SigmaDeltaNet::SigmaDeltaNet(const std::vector<int>& sizes, double learningRate, double scale,
                             Mode mode, std::uint64_t seed)
    : m_learningRate(learningRate), m_scale(scale), m_mode(mode) {
    std::mt19937_64 rng(seed);
    for (std::size_t l = 1; l < sizes.size(); ++l) {
        m_layers.push_back(DenseLayer::xavier(sizes[l - 1], sizes[l], rng));
        m_q.emplace_back(Eigen::VectorXd::Zero(sizes[l - 1]));
        m_scaled.emplace_back(Eigen::ArrayXd::Zero(sizes[l - 1]));
        m_rounded.emplace_back(Eigen::ArrayXd::Zero(sizes[l - 1]));
        m_change.emplace_back(Eigen::VectorXd::Zero(sizes[l - 1]));
        m_qPrev.emplace_back(Eigen::VectorXd::Zero(sizes[l - 1]));
        m_sum.emplace_back(Eigen::VectorXd::Zero(sizes[l]));
        m_z.emplace_back(Eigen::VectorXd::Zero(sizes[l]));
        m_delta.emplace_back(Eigen::VectorXd::Zero(sizes[l]));
    }
}

void SigmaDeltaNet::forward(const Eigen::VectorXd& x, OpCounter& ops) {
    for (std::size_t l = 0; l < m_layers.size(); ++l) {
        const DenseLayer& layer = m_layers[l];
        const auto dIn = static_cast<std::uint64_t>(layer.inputs());
        const auto dOut = static_cast<std::uint64_t>(layer.outputs());
        Eigen::VectorXd& q = m_q[l];
        if (l == 0)
            m_scaled[l] = m_scale * x.array();
        else
            m_scaled[l] = m_scale * m_z[l - 1].array().max(0.0);
        roundHalfAwayFromZeroInto(m_scaled[l], m_rounded[l]); // R (spec §0 rounding)
        q = m_rounded[l].matrix();
        ops.countMultiplies(dIn);
        if (m_mode == Mode::Rounding) {
            m_z[l].noalias() = layer.weights.transpose() * q;
            ops.countMultiplyAdds(dIn * dOut);
        } else {
            m_change[l] = q - m_qPrev[l]; // Δ: what is sent
            std::uint64_t sent = 0;
            for (Eigen::Index i = 0; i < m_change[l].size(); ++i) {
                const double s = m_change[l](i);
                if (s != 0.0) {
                    m_sum[l] += s * layer.weights.row(i).transpose(); // Σ at the receiver
                    sent += static_cast<std::uint64_t>(std::abs(s));
                }
            }
            m_qPrev[l] = q;
            ops.countAdds(dIn + sent * dOut);
            m_z[l] = m_sum[l];
        }
        m_z[l] = m_z[l] / m_scale + layer.bias;
        ops.countMultiplies(dOut);
        ops.countAdds(dOut);
    }
}

TrainStep SigmaDeltaNet::train(const Eigen::VectorXd& x, int label) {
    forward(x, m_ops);
    TrainStep step{argmax(m_z.back()), softmaxNll(m_z.back(), label, m_p)};
    m_delta.back() = m_p;
    m_delta.back()(label) -= 1.0;
    for (std::size_t l = m_layers.size(); l-- > 0;) {
        DenseLayer& layer = m_layers[l];
        const auto dIn = static_cast<std::uint64_t>(layer.inputs());
        const auto dOut = static_cast<std::uint64_t>(layer.outputs());
        if (l > 0) {
            m_delta[l - 1].noalias() = layer.weights * m_delta[l];
            m_delta[l - 1] = (m_z[l - 1].array() > 0.0).select(m_delta[l - 1], 0.0);
            m_ops.countMultiplyAdds(dIn * dOut);
        }
        // The layer's input as it computed with it: a_q = q/k (straight-through).
        const double inputScale = m_learningRate / m_scale;
        layer.weights.noalias() -= (inputScale * m_q[l]) * m_delta[l].transpose();
        layer.bias -= m_learningRate * m_delta[l];
        m_ops.countMultiplyAdds(dIn * dOut + dOut);
        if (m_mode == Mode::SigmaDelta) {
            // Keep the receiver's sum equal to Wᵀq for the changed W (rank-1 correction).
            m_sum[l] -= (inputScale * m_q[l].squaredNorm()) * m_delta[l];
            m_ops.countMultiplyAdds(dIn + dOut);
        }
    }
    return step;
}

int SigmaDeltaNet::predict(const Eigen::VectorXd& x) {
    forward(x, m_evaluationOps);
    // Thesis eq. B.14 (rounding: Σ|q|·d_out, plus the bias) or B.15 (sigma-delta: Σ|Δq|·d_out;
    // the bias is in the running sum already). The scale 1/k is baked into W (App. B.3).
    OpCounter cost;
    for (std::size_t l = 0; l < m_layers.size(); ++l) {
        const auto dOut = static_cast<std::uint64_t>(m_layers[l].outputs());
        const Eigen::VectorXd& sent = m_mode == Mode::SigmaDelta ? m_change[l] : m_q[l];
        cost.countAdds(static_cast<std::uint64_t>(sent.lpNorm<1>()) * dOut);
        if (m_mode == Mode::Rounding)
            cost.countAdds(dOut);
    }
    m_inference.count(1, cost);
    return argmax(m_z.back());
}

void SigmaDeltaNet::beginEvaluation() {
    m_savedPrev = m_qPrev;
    m_savedSum = m_sum;
}

void SigmaDeltaNet::endEvaluation() {
    if (m_savedPrev.size() == m_qPrev.size()) {
        m_qPrev = m_savedPrev;
        m_sum = m_savedSum;
    }
}

void SigmaDeltaNet::lastSpikes(int layer, std::vector<UnitSpike>& out) const {
    out.clear();
    if (layer < 0 || layer >= spikingLayerCount())
        return;
    const auto l = static_cast<std::size_t>(layer);
    const Eigen::VectorXd& sent = m_mode == Mode::SigmaDelta ? m_change[l] : m_q[l];
    for (Eigen::Index i = 0; i < sent.size(); ++i)
        if (sent(i) != 0.0)
            out.push_back({0, static_cast<int>(i), sent(i)});
}

} // namespace sdlab
