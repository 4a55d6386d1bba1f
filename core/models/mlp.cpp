#include "models/mlp.h"

namespace sdlab {

Mlp::Mlp(const std::vector<int>& sizes, double learningRate, std::uint64_t seed, bool biases)
    : m_learningRate(learningRate), m_biases(biases) {
    std::mt19937_64 rng(seed);
    for (std::size_t l = 1; l < sizes.size(); ++l) {
        m_layers.push_back(DenseLayer::xavier(sizes[l - 1], sizes[l], rng));
        m_delta.emplace_back(sizes[l]);
    }
    for (int size : sizes)
        m_h.emplace_back(Eigen::VectorXd::Zero(size));
}

void Mlp::forward(const Eigen::VectorXd& x) {
    m_h[0] = x;
    for (std::size_t l = 0; l < m_layers.size(); ++l) {
        m_h[l + 1].noalias() = m_layers[l].weights.transpose() * m_h[l];
        m_h[l + 1] += m_layers[l].bias;
        if (l + 1 < m_layers.size())
            m_h[l + 1] = m_h[l + 1].cwiseMax(0.0);
    }
}

double Mlp::outputDelta(int label) {
    const double nll = softmaxNll(m_h.back(), label, m_p);
    m_delta.back() = m_p;
    m_delta.back()(label) -= 1.0; // ∂(−log p_y)/∂z = p − onehot(y)
    return nll;
}

TrainStep Mlp::train(const Eigen::VectorXd& x, int label) {
    forward(x);
    TrainStep step{argmax(m_h.back()), outputDelta(label)};
    for (std::size_t l = m_layers.size(); l-- > 0;) {
        DenseLayer& layer = m_layers[l];
        const auto dIn = static_cast<std::uint64_t>(layer.inputs());
        const auto dOut = static_cast<std::uint64_t>(layer.outputs());
        const std::uint64_t biasOps = m_biases ? dOut : 0;
        m_ops.countMultiplyAdds(dIn * dOut + biasOps); // forward of this layer, with bias
        if (l > 0) {
            // Back-propagate through the weights before they change; ReLU'(z) = [h > 0].
            m_delta[l - 1].noalias() = layer.weights * m_delta[l];
            m_delta[l - 1] = (m_h[l].array() > 0.0).select(m_delta[l - 1], 0.0);
            m_ops.countMultiplyAdds(dIn * dOut);
        }
        layer.weights.noalias() -= (m_learningRate * m_h[l]) * m_delta[l].transpose();
        if (m_biases)
            layer.bias -= m_learningRate * m_delta[l];
        m_ops.countMultiplyAdds(dIn * dOut + biasOps);
    }
    return step;
}

int Mlp::predict(const Eigen::VectorXd& x) {
    forward(x);
    OpCounter dense, sparse; // thesis eqs B.12 and B.13 (bias adds folded into the count)
    for (std::size_t l = 0; l < m_layers.size(); ++l) {
        const auto dOut = static_cast<std::uint64_t>(m_layers[l].outputs());
        dense.countMultiplyAdds(static_cast<std::uint64_t>(m_layers[l].inputs()) * dOut);
        sparse.countMultiplyAdds(static_cast<std::uint64_t>((m_h[l].array() != 0.0).count()) *
                                 dOut);
    }
    m_inference.count(1, dense, sparse);
    return argmax(m_h.back());
}

double Mlp::loss(const Eigen::VectorXd& x, int label) {
    forward(x);
    return softmaxNll(m_h.back(), label, m_p);
}

double Mlp::lossAndGradients(const Eigen::VectorXd& x, int label,
                             std::vector<DenseLayer>& gradients) {
    forward(x);
    const double nll = outputDelta(label);
    gradients.resize(m_layers.size());
    for (std::size_t l = m_layers.size(); l-- > 0;) {
        if (l > 0) {
            m_delta[l - 1].noalias() = m_layers[l].weights * m_delta[l];
            m_delta[l - 1] = (m_h[l].array() > 0.0).select(m_delta[l - 1], 0.0);
        }
        gradients[l].weights = m_h[l] * m_delta[l].transpose();
        gradients[l].bias = m_delta[l];
    }
    return nll;
}

} // namespace sdlab
