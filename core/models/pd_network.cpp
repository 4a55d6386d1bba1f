#include "models/pd_network.h"

namespace sdlab {

PdNetwork::PdNetwork(const PdNetworkSettings& settings)
    : m_settings(settings),
      m_activity(SpikeActivityWindow::hiddenSizes(settings.sizes), 1, settings.activityWindow) {
    std::mt19937_64 rng(settings.seed);
    for (std::size_t l = 1; l < settings.sizes.size(); ++l) {
        m_layers.emplace_back(DenseLayer::xavier(settings.sizes[l - 1], settings.sizes[l], rng),
                              settings.layer);
        m_z.emplace_back(settings.sizes[l]);
        m_h.emplace_back(settings.sizes[l]);
    }
}

const Eigen::VectorXd& PdNetwork::forward(const Eigen::VectorXd& x, OpCounter& ops) {
    const Eigen::VectorXd* input = &x;
    for (std::size_t l = 0; l < m_layers.size(); ++l) {
        m_z[l] = m_layers[l].forward(*input, ops);
        if (l + 1 < m_layers.size()) {
            m_h[l] = m_z[l].cwiseMax(0.0);
            input = &m_h[l];
        }
    }
    return m_z.back();
}

TrainStep PdNetwork::train(const Eigen::VectorXd& x, int label) {
    const Eigen::VectorXd& scores = forward(x, m_ops);
    TrainStep step{argmax(scores), softmaxNll(scores, label, m_p)};
    m_error = m_p;
    m_error(label) -= 1.0;
    m_activity.addSample(*this);
    for (std::size_t l = m_layers.size(); l-- > 0;) {
        const Eigen::VectorXd& message =
            m_layers[l].backward(m_error, m_settings.learningRate, l > 0, m_ops);
        if (l > 0)
            m_error = (m_z[l - 1].array() > 0.0).select(message, 0.0); // ReLU'(z)
    }
    return step;
}

int PdNetwork::predict(const Eigen::VectorXd& x) {
    const int predicted = argmax(forward(x, m_evaluationOps));
    OpCounter cost; // ICLR'18 §3.2: each spike into a layer adds one row of W (d_out adds)
    for (const PdLayer& layer : m_layers)
        cost.countAdds(static_cast<std::uint64_t>(layer.forwardSpikes().abs().sum()) *
                       static_cast<std::uint64_t>(layer.parameters().outputs()));
    m_inference.count(1, cost);
    return predicted;
}

void PdNetwork::beginEvaluation() {
    m_saved.clear();
    for (const PdLayer& layer : m_layers)
        m_saved.push_back(layer.forwardState());
}

void PdNetwork::endEvaluation() {
    for (std::size_t l = 0; l < m_layers.size() && l < m_saved.size(); ++l)
        m_layers[l].restoreForwardState(m_saved[l]);
    m_saved.clear();
}

void PdNetwork::beginEpoch(int epoch) {
    if (!m_settings.layer.autoTune)
        return;
    for (PdLayer& layer : m_layers)
        layer.setKAlpha(epoch == 0 ? m_settings.firstEpochKAlpha : m_settings.laterKAlpha);
}

void PdNetwork::finishTraining() {
    for (PdLayer& layer : m_layers)
        layer.flush(m_settings.learningRate);
}

void PdNetwork::lastSpikes(int layer, std::vector<UnitSpike>& out) const {
    out.clear();
    if (layer < 0 || layer >= spikingLayerCount())
        return;
    const Eigen::ArrayXd& s = m_layers[static_cast<std::size_t>(layer)].forwardSpikes();
    for (Eigen::Index i = 0; i < s.size(); ++i)
        if (s(i) != 0.0)
            out.push_back({0, static_cast<int>(i), s(i)});
}

std::vector<PdParams> PdNetwork::forwardGains() const {
    std::vector<PdParams> gains;
    for (const PdLayer& layer : m_layers)
        gains.push_back(layer.forwardGains());
    return gains;
}

std::vector<PdParams> PdNetwork::backwardGains() const {
    std::vector<PdParams> gains;
    for (const PdLayer& layer : m_layers)
        gains.push_back(layer.backwardGains());
    return gains;
}

} // namespace sdlab
