#include "equilibrium/feedforward_initializer.h"

#include "equilibrium/glorot.h"
#include "equilibrium/hard_sigmoid.h"

#include <cmath>
#include <random>

namespace sdlab {

std::optional<InitializerLoss> parseInitializerLoss(std::string_view name) {
    if (name == "local")
        return InitializerLoss::Local;
    if (name == "global")
        return InitializerLoss::Global;
    return std::nullopt;
}

std::optional<InitializedInference> parseInitializedInference(std::string_view name) {
    if (name == "forward")
        return InitializedInference::Forward;
    if (name == "iterative")
        return InitializedInference::Iterative;
    return std::nullopt;
}

double layerCosine(const InitializerGradient& a, const InitializerGradient& b, int layer) {
    const auto l = static_cast<std::size_t>(layer);
    const double dot = a.weights[l].cwiseProduct(b.weights[l]).sum() + a.biases[l].dot(b.biases[l]);
    const double normA = std::sqrt(a.weights[l].squaredNorm() + a.biases[l].squaredNorm());
    const double normB = std::sqrt(b.weights[l].squaredNorm() + b.biases[l].squaredNorm());
    return normA > 0.0 && normB > 0.0 ? dot / (normA * normB) : 0.0;
}

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

void FeedforwardInitializer::deltas(const EqState& targets, InitializerLoss loss,
                                    std::vector<Eigen::VectorXd>& out, OpCounter* ops) const {
    const std::size_t layers = m_weights.size();
    out.resize(layers);
    // δ_l = ∂L/∂z_l. Local: 2(s^f_l − t_l)ρ_leak'(z_l). Global adds what layer l + 1
    // sends down, ω_{l+1}δ_{l+1} (backprop from the top, so the loop runs downward).
    for (std::size_t l = layers; l-- > 0;) {
        Eigen::VectorXd fromOutput = 2.0 * (m_output[l] - targets[l]);
        if (loss == InitializerLoss::Global && l + 1 < layers) {
            fromOutput.noalias() += m_weights[l + 1] * out[l + 1];
            if (ops)
                ops->countMultiplyAdds(static_cast<std::uint64_t>(m_weights[l + 1].size()));
        }
        out[l] = fromOutput.cwiseProduct(m_preactivation[l].unaryExpr(
            [this](double z) { return leakyHardSigmoidSlope(z, m_leak); }));
    }
}

void FeedforwardInitializer::gradient(const Eigen::VectorXd& x, const EqState& targets,
                                      InitializerLoss loss, InitializerGradient& out,
                                      OpCounter* ops) const {
    std::vector<Eigen::VectorXd> delta;
    deltas(targets, loss, delta, ops);
    out.weights.resize(delta.size());
    out.biases.resize(delta.size());
    for (std::size_t l = 0; l < delta.size(); ++l) {
        const Eigen::VectorXd& below = l == 0 ? x : m_output[l - 1];
        out.weights[l].noalias() = below * delta[l].transpose(); // ∂L/∂ω_l
        out.biases[l] = delta[l];
        if (ops)
            ops->countMultiplyAdds(static_cast<std::uint64_t>(m_weights[l].size()));
    }
}

void FeedforwardInitializer::learn(const Eigen::VectorXd& x, const EqState& targets,
                                   const std::vector<double>& learningRates, OpCounter* ops,
                                   InitializerLoss loss) {
    deltas(targets, loss, m_delta, ops); // every δ before any ω changes
    for (std::size_t l = 0; l < m_weights.size(); ++l) {
        const Eigen::VectorXd& below = l == 0 ? x : m_output[l - 1];
        m_weights[l].noalias() -= (learningRates[l] * below) * m_delta[l].transpose();
        m_biases[l] -= learningRates[l] * m_delta[l];
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
