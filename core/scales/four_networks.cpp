#include "scales/four_networks.h"

#include "coding/value_ops.h"

#include <stdexcept>

namespace sdlab {

FourNetworks::FourNetworks(std::vector<DenseLayer> layers, double scale)
    : m_layers(std::move(layers)), m_scale(scale) {
    if (m_layers.empty() || !(scale > 0.0))
        throw std::invalid_argument("FourNetworks: needs a layer and a scale > 0");
    for (const DenseLayer& layer : m_layers) {
        m_lastInput.push_back(Eigen::VectorXd::Zero(layer.inputs()));
        m_lastRounded.push_back(Eigen::VectorXd::Zero(layer.inputs()));
        m_tdSum.push_back(layer.bias);
        m_sdSum.push_back(layer.bias);
    }
}

const FourNetworks::Step& FourNetworks::step(const Eigen::VectorXd& x) {
    Step& s = m_step;
    s = Step{};
    Eigen::VectorXd original = x, difference = x, rounding = x, sigmaDelta = x;
    const std::size_t last = m_layers.size() - 1;
    for (std::size_t l = 0; l < m_layers.size(); ++l) {
        const DenseLayer& layer = m_layers[l];
        const auto dOut = static_cast<double>(layer.outputs());
        const auto relu = [&](Eigen::VectorXd& z) {
            if (l < last)
                z = z.cwiseMax(0.0);
        };
        // A: the dense pass.
        Eigen::VectorXd zA = layer.weights.transpose() * original + layer.bias;
        s.originalMultiplyAdds += static_cast<double>(layer.inputs()) * dOut;
        // B: the change of this layer's input since the last step, integrated (Σ_T∘W∘Δ_T).
        const Eigen::VectorXd delta = difference - m_lastInput[l];
        m_lastInput[l] = difference;
        for (Eigen::Index i = 0; i < delta.size(); ++i)
            if (delta(i) != 0.0)
                m_tdSum[l] += delta(i) * layer.weights.row(i).transpose();
        s.temporalDifferenceMultiplyAdds +=
            static_cast<double>((delta.array() != 0.0).count()) * dOut;
        Eigen::VectorXd zB = m_tdSum[l];
        // C: round(k·a), a sum of integer multiples of rows, then / k.
        const Eigen::VectorXd q = (m_scale * rounding.array()).unaryExpr([](double v) {
            return roundHalfAwayFromZero(v);
        });
        Eigen::VectorXd zC = (layer.weights.transpose() * q) / m_scale + layer.bias;
        s.roundingAdds += (q.lpNorm<1>() + 1.0) * dOut;
        // D: the change of the rounded input, Δq integers, integrated.
        const Eigen::VectorXd qD = (m_scale * sigmaDelta.array()).unaryExpr([](double v) {
            return roundHalfAwayFromZero(v);
        });
        const Eigen::VectorXd change = qD - m_lastRounded[l];
        m_lastRounded[l] = qD;
        for (Eigen::Index i = 0; i < change.size(); ++i)
            if (change(i) != 0.0)
                m_sdSum[l] += (change(i) / m_scale) * layer.weights.row(i).transpose();
        s.sigmaDeltaAdds += change.lpNorm<1>() * dOut;
        Eigen::VectorXd zD = m_sdSum[l];
        relu(zA);
        relu(zB);
        relu(zC);
        relu(zD);
        original = std::move(zA);
        difference = std::move(zB);
        rounding = std::move(zC);
        sigmaDelta = std::move(zD);
    }
    s.original = std::move(original);
    s.temporalDifference = std::move(difference);
    s.rounding = std::move(rounding);
    s.sigmaDelta = std::move(sigmaDelta);
    return s;
}

} // namespace sdlab
