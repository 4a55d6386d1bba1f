#include "scales/scaled_rounding_net.h"

#include "coding/value_ops.h"

#include <cmath>

namespace sdlab {

namespace {

void softmaxInto(const Eigen::VectorXd& z, Eigen::VectorXd& p) {
    p = (z.array() - z.maxCoeff()).exp().matrix();
    p /= p.sum();
}

} // namespace

ScaledRoundingNet::ScaledRoundingNet(std::vector<DenseLayer> layers, bool softmaxOutput,
                                     bool perUnit)
    : m_layers(std::move(layers)), m_softmax(softmaxOutput), m_perUnit(perUnit),
      m_kappa(m_layers.size()), m_k(m_layers.size()), m_a(m_layers.size()), m_q(m_layers.size()),
      m_z(m_layers.size()) {
    for (std::size_t l = 0; l < m_layers.size(); ++l)
        m_kappa[l] = Eigen::VectorXd::Zero(perUnit ? m_layers[l].inputs() : 1);
}

const Eigen::VectorXd& ScaledRoundingNet::trueOutput(const Eigen::VectorXd& x) {
    m_true = x;
    m_trueSparseMultiplyAdds = 0.0;
    for (std::size_t l = 0; l < m_layers.size(); ++l) {
        m_trueSparseMultiplyAdds += static_cast<double>((m_true.array() != 0.0).count()) *
                                    static_cast<double>(m_layers[l].outputs()); // eq. B.13
        m_hidden.noalias() = m_layers[l].weights.transpose() * m_true;
        m_hidden += m_layers[l].bias;
        if (l + 1 < m_layers.size())
            m_hidden = m_hidden.cwiseMax(0.0);
        m_true.swap(m_hidden);
    }
    return m_true;
}

double ScaledRoundingNet::roundedForward(const Eigen::VectorXd& x) {
    double comp = 0.0;
    for (std::size_t l = 0; l < m_layers.size(); ++l) {
        m_a[l] = l == 0 ? x : Eigen::VectorXd(m_z[l - 1].cwiseMax(0.0));
        const auto round = [](double v) { return roundHalfAwayFromZero(v); };
        if (m_perUnit) {
            m_k[l] = m_kappa[l].array().exp();
            m_q[l] = (m_k[l] * m_a[l].array()).unaryExpr(round).matrix();
            m_z[l].noalias() = m_layers[l].weights.transpose() * (m_q[l].array() / m_k[l]).matrix();
            m_z[l] += m_layers[l].bias;
        } else {
            const double k = std::exp(m_kappa[l](0));
            m_q[l] = (k * m_a[l].array()).unaryExpr(round);
            m_z[l].noalias() = m_layers[l].weights.transpose() * m_q[l];
            m_z[l] = m_z[l] / k + m_layers[l].bias;
        }
        comp += m_q[l].lpNorm<1>() * static_cast<double>(m_layers[l].outputs()); // eq. 4.8
    }
    return comp;
}

double ScaledRoundingNet::errorAndOutputDelta(const Eigen::VectorXd& x, Eigen::VectorXd& delta) {
    const Eigen::VectorXd& target = trueOutput(x);
    const Eigen::VectorXd& z = m_z.back();
    if (!m_softmax) {
        delta = z - target;
        return 0.5 * delta.squaredNorm();
    }
    softmaxInto(target, m_pTrue);
    softmaxInto(z, m_pRound);
    delta = m_pRound - m_pTrue; // ∂KL(p_true ‖ softmax(z))/∂z
    double kl = 0.0;
    for (Eigen::Index i = 0; i < m_pTrue.size(); ++i)
        if (m_pTrue(i) > 0.0)
            kl += m_pTrue(i) * (std::log(m_pTrue(i)) - std::log(std::max(m_pRound(i), 1e-300)));
    return kl;
}

ScaledRoundingNet::Cost ScaledRoundingNet::evaluate(const std::vector<Eigen::VectorXd>& inputs) {
    Cost cost;
    for (const Eigen::VectorXd& x : inputs) {
        cost.comp += roundedForward(x);
        cost.error += errorAndOutputDelta(x, m_delta);
    }
    const double n = static_cast<double>(std::max<std::size_t>(inputs.size(), 1));
    cost.comp /= n;
    cost.error /= n;
    return cost;
}

ScaledRoundingNet::StreamCost
ScaledRoundingNet::streamCost(const std::vector<Eigen::VectorXd>& inputs,
                              const std::vector<int>& labels) {
    StreamCost cost;
    std::vector<Eigen::VectorXd> previous(m_layers.size());
    std::size_t wrong = 0;
    for (std::size_t k = 0; k < inputs.size(); ++k) {
        cost.roundingAdds += roundedForward(inputs[k]);
        for (std::size_t l = 0; l < m_layers.size(); ++l) {
            const auto dOut = static_cast<double>(m_layers[l].outputs());
            cost.roundingAdds += dOut; // the bias
            cost.sigmaDeltaAdds +=
                (previous[l].size() ? (m_q[l] - previous[l]).lpNorm<1>() : m_q[l].lpNorm<1>()) *
                dOut;
            previous[l] = m_q[l];
        }
        wrong += argmax(m_z.back()) != labels[k];
    }
    const double n = static_cast<double>(std::max<std::size_t>(inputs.size(), 1));
    cost.errorRate = static_cast<double>(wrong) / n;
    cost.roundingAdds /= n;
    cost.sigmaDeltaAdds /= n;
    return cost;
}

ScaledRoundingNet::OriginalCost
ScaledRoundingNet::originalCost(const std::vector<Eigen::VectorXd>& inputs,
                                const std::vector<int>& labels) {
    OriginalCost cost;
    std::size_t wrong = 0;
    for (std::size_t k = 0; k < inputs.size(); ++k) {
        wrong += argmax(trueOutput(inputs[k])) != labels[k];
        cost.sparseMultiplyAdds += m_trueSparseMultiplyAdds;
    }
    for (const DenseLayer& layer : m_layers)
        cost.denseMultiplyAdds += static_cast<double>(layer.inputs() * layer.outputs());
    const double n = static_cast<double>(std::max<std::size_t>(inputs.size(), 1));
    cost.errorRate = static_cast<double>(wrong) / n;
    cost.sparseMultiplyAdds /= n;
    return cost;
}

ScaledRoundingNet::Cost ScaledRoundingNet::gradient(const std::vector<Eigen::VectorXd>& inputs,
                                                    double lambda,
                                                    std::vector<Eigen::VectorXd>& dKappa) {
    dKappa.resize(m_layers.size());
    for (std::size_t l = 0; l < m_layers.size(); ++l)
        dKappa[l] = Eigen::VectorXd::Zero(m_kappa[l].size());
    Cost cost;
    for (const Eigen::VectorXd& x : inputs) {
        cost.comp += roundedForward(x);
        cost.error += errorAndOutputDelta(x, m_delta);
        for (std::size_t l = m_layers.size(); l-- > 0;) {
            const auto dOut = static_cast<double>(m_layers[l].outputs());
            m_g.noalias() = m_layers[l].weights * m_delta; // ∂L/∂(q_l/k_l)
            if (m_perUnit) { // eq. 4.10 unit by unit: error term, then own L_comp
                const Eigen::ArrayXd& k = m_k[l];
                dKappa[l].array() += m_g.array() * (m_a[l].array() - m_q[l].array() / k);
                dKappa[l].array() += lambda * dOut * k * m_a[l].array().abs();
            } else {
                const double k = std::exp(m_kappa[l](0));
                dKappa[l](0) += m_g.dot(m_a[l] - m_q[l] / k);           // eq. 4.10, error term
                dKappa[l](0) += lambda * k * m_a[l].lpNorm<1>() * dOut; // layer l's own L_comp
            }
            if (l > 0) // through the rounding (round' ≈ 1) and ReLU'
                m_delta = (m_z[l - 1].array() > 0.0).select(m_g, 0.0);
        }
    }
    const double n = static_cast<double>(std::max<std::size_t>(inputs.size(), 1));
    for (Eigen::VectorXd& d : dKappa)
        d /= n;
    cost.comp /= n;
    cost.error /= n;
    return cost;
}

} // namespace sdlab
