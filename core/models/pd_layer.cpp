#include "models/pd_layer.h"

namespace sdlab {

namespace {

std::variant<ReconUpdate, PastUpdate, FutureUpdate, StdpOnlineUpdate>
makeUpdate(UpdateRule rule, Eigen::Index dIn, Eigen::Index dOut, const UpdateRuleParams& p) {
    switch (rule) {
    case UpdateRule::Past:
        return PastUpdate(dIn, dOut, p);
    case UpdateRule::Future:
        return FutureUpdate(dIn, dOut, p);
    case UpdateRule::Stdp:
        return StdpOnlineUpdate(dIn, dOut, p);
    case UpdateRule::Recon:
        break;
    }
    return ReconUpdate(dIn, dOut, p);
}

std::uint64_t spikeCount(const Eigen::ArrayXd& spikes) {
    return static_cast<std::uint64_t>(spikes.abs().sum());
}

std::uint64_t activeCount(const Eigen::ArrayXd& spikes) {
    return static_cast<std::uint64_t>((spikes != 0.0).count());
}

} // namespace

PdLayer::PdLayer(DenseLayer parameters, const PdLayerSettings& settings)
    : m_layer(std::move(parameters)), m_settings(settings),
      m_encoder(settings.forward, Eigen::ArrayXd::Zero(m_layer.inputs())),
      m_quantizer(Eigen::ArrayXd::Zero(m_layer.inputs())),
      m_decoder(settings.forward, Eigen::ArrayXd::Zero(m_layer.outputs())),
      m_errorEncoder(settings.backward, Eigen::ArrayXd::Zero(m_layer.outputs())),
      m_errorQuantizer(Eigen::ArrayXd::Zero(m_layer.outputs())),
      m_errorDecoder(settings.backward, Eigen::ArrayXd::Zero(m_layer.inputs())),
      m_forwardTuner(settings.tuner), m_backwardTuner(settings.tuner),
      m_update(makeUpdate(settings.rule, m_layer.inputs(), m_layer.outputs(),
                          {settings.forward, settings.backward})),
      m_spikes(Eigen::ArrayXd::Zero(m_layer.inputs())),
      m_errorSpikes(Eigen::ArrayXd::Zero(m_layer.outputs())), m_sum(m_layer.outputs()),
      m_z(m_layer.outputs()), m_message(m_layer.inputs()) {
    if (settings.autoTune) {
        setForwardGains(m_forwardTuner.params());
        setBackwardGains(m_backwardTuner.params());
    }
}

void PdLayer::setForwardGains(const PdParams& gains) {
    m_encoder.setParams(gains);
    m_decoder.setParams(gains);
    std::visit([&](auto& u) { u.setParams({gains, m_errorEncoder.params()}); }, m_update);
}

void PdLayer::setBackwardGains(const PdParams& gains) {
    m_errorEncoder.setParams(gains);
    m_errorDecoder.setParams(gains);
    std::visit([&](auto& u) { u.setParams({m_encoder.params(), gains}); }, m_update);
}

void PdLayer::setKAlpha(double kAlpha) {
    m_forwardTuner.setKAlpha(kAlpha);
    m_backwardTuner.setKAlpha(kAlpha);
}

const Eigen::VectorXd& PdLayer::forward(const Eigen::VectorXd& h, OpCounter& ops) {
    const auto dIn = static_cast<std::uint64_t>(m_layer.inputs());
    const auto dOut = static_cast<std::uint64_t>(m_layer.outputs());
    if (m_settings.autoTune) {
        setForwardGains(m_forwardTuner.update(h.array()));
        ops.countAdds(dIn);
    }
    m_spikes = m_quantizer.step(m_encoder.step(h.array()));
    ops.countMultiplies(2 * dIn); // enc: kp·x + kd·(x − x_last)
    ops.countAdds(4 * dIn);       // enc: two adds; Q: add and subtract
    // Wᵀs over the rows that spiked: one row added per unit of spike size.
    m_sum.setZero();
    for (Eigen::Index i = 0; i < m_spikes.size(); ++i)
        if (m_spikes(i) != 0.0)
            m_sum += m_spikes(i) * m_layer.weights.row(i).transpose();
    ops.countAdds(spikeCount(m_spikes) * dOut);
    m_z = m_decoder.step(m_sum.array()).matrix() + m_layer.bias;
    ops.countMultiplies(2 * dOut); // dec: kβ·s + kα·y
    ops.countAdds(2 * dOut);       // dec and bias
    return m_z;
}

const Eigen::VectorXd& PdLayer::backward(const Eigen::VectorXd& e, double learningRate,
                                         bool propagate, OpCounter& ops) {
    const auto dIn = static_cast<std::uint64_t>(m_layer.inputs());
    const auto dOut = static_cast<std::uint64_t>(m_layer.outputs());
    if (m_settings.autoTune) {
        setBackwardGains(m_backwardTuner.update(e.array()));
        ops.countAdds(dOut);
    }
    m_errorSpikes = m_errorQuantizer.step(m_errorEncoder.step(e.array()));
    ops.countMultiplies(2 * dOut);
    ops.countAdds(4 * dOut);
    if (propagate) {
        // W ē over the columns that spiked, with the weights before this step's update.
        m_message.setZero();
        for (Eigen::Index j = 0; j < m_errorSpikes.size(); ++j)
            if (m_errorSpikes(j) != 0.0)
                m_message += m_errorSpikes(j) * m_layer.weights.col(j);
        ops.countAdds(spikeCount(m_errorSpikes) * dIn);
        m_message = m_errorDecoder.step(m_message.array()).matrix();
        ops.countMultiplies(2 * dIn);
        ops.countAdds(dIn);
    }
    const double gain = -learningRate;
    std::visit([&](auto& u) { u.step(m_spikes, m_errorSpikes, m_layer.weights, gain); }, m_update);
    if (std::holds_alternative<ReconUpdate>(m_update)) {
        ops.countMultiplyAdds(dIn * dOut + dIn + dOut); // dense x̂ ⊗ ê, plus both traces
    } else {
        const std::uint64_t touched =
            activeCount(m_spikes) * dOut + activeCount(m_errorSpikes) * dIn;
        // past also refreshes u on the touched synapses
        ops.countMultiplyAdds((std::holds_alternative<PastUpdate>(m_update) ? 2 : 1) * touched +
                              dIn + dOut);
    }
    m_layer.bias -= learningRate * e; // the bias sees the true error (d_out ops)
    ops.countMultiplyAdds(dOut);
    return m_message;
}

void PdLayer::flush(double learningRate) {
    if (auto* past = std::get_if<PastUpdate>(&m_update))
        past->flush(m_layer.weights, -learningRate);
    if (auto* recon = std::get_if<ReconUpdate>(&m_update))
        recon->addTail(m_layer.weights, -learningRate);
}

void PdLayer::restoreForwardState(const ForwardState& state) {
    m_encoder = state.encoder;
    m_quantizer = state.quantizer;
    m_decoder = state.decoder;
    m_forwardTuner = state.tuner;
    m_spikes = state.spikes;
    setForwardGains(m_encoder.params()); // the update rule's copy of the gains too
}

} // namespace sdlab
