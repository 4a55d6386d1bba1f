#include "models/spiking_mlp.h"

#include <cmath>

namespace sdlab {

namespace {

// Herding of one potential (Alg. 1/7 per unit): the signed count of spikes a unit emits
// when every spike moves φ by ∓1 while |φ| > ½ (rectified: only φ > ½ fires).
double herdCount(double phi, bool rectified) {
    if (phi > 0.5)
        return std::ceil(phi - 0.5);
    if (!rectified && phi < -0.5)
        return -std::ceil(-phi - 0.5);
    return 0.0;
}

// Depth-first herding, one event: the unit with the largest |φ| (rectified: largest φ)
// fires one spike of its sign if that exceeds ½ (Alg. 1, 7). False when none fires.
bool takeSpike(Eigen::ArrayXd& phi, bool rectified, Eigen::Index& unit, double& sign) {
    const double top = rectified ? phi.maxCoeff(&unit) : phi.abs().maxCoeff(&unit);
    if (top <= 0.5)
        return false;
    sign = phi(unit) > 0 ? 1.0 : -1.0;
    phi(unit) -= sign;
    return true;
}

} // namespace

SpikingMlp::SpikingMlp(const SpikingMlpSettings& settings)
    : m_settings(settings), m_rng(settings.seed + 1),
      m_activity(SpikeActivityWindow::hiddenSizes(settings.sizes), settings.timeSteps,
                 settings.activityWindow) {
    std::mt19937_64 init(settings.seed);
    const std::size_t count = settings.sizes.size() - 1;
    for (std::size_t l = 0; l < count; ++l) {
        const Eigen::Index dIn = settings.sizes[l], dOut = settings.sizes[l + 1];
        m_weights.push_back(DenseLayer::normal(dIn, dOut, settings.initSigma, init));
        LayerState state;
        state.potential = Eigen::ArrayXd::Zero(dOut);
        state.inputSum = Eigen::ArrayXd::Zero(dOut);
        state.inCount = Eigen::ArrayXd::Zero(dIn);
        state.backPhi = Eigen::ArrayXd::Zero(dOut);
        state.errCount = Eigen::ArrayXd::Zero(dOut);
        state.spikesOut = Eigen::ArrayXd::Zero(dOut);
        state.errorsOut = Eigen::ArrayXd::Zero(dOut);
        m_layers.push_back(std::move(state));
    }
    m_inputPhi = Eigen::ArrayXd::Zero(settings.sizes.front());
    m_inputTotal = m_inputPhi;
    m_u = Eigen::VectorXd::Zero(settings.sizes.back());
    m_uBeforeStep = m_u;
    m_target = Eigen::ArrayXd::Zero(settings.sizes.back());
    m_recorded.resize(count + 1);
}

void SpikingMlp::resetSample(bool learning) {
    // Forward state restarts every iteration (DSN §3.8); the back quantizers follow the
    // reset scheme.
    m_learning = learning;
    m_inputPhi.setZero();
    m_inputTotal.setZero();
    m_u.setZero();
    std::uniform_real_distribution<double> half(-0.5, 0.5);
    for (LayerState& s : m_layers) {
        s.potential.setZero();
        s.inputSum.setZero();
        s.inCount.setZero();
        s.errCount.setZero();
        if (!learning)
            continue;
        if (m_settings.backReset == BackReset::Zero)
            s.backPhi.setZero();
        else if (m_settings.backReset == BackReset::Random)
            for (Eigen::Index j = 0; j < s.backPhi.size(); ++j)
                s.backPhi(j) = half(m_rng);
    }
    if (learning) // keep the last training sample's spikes for display
        for (auto& events : m_recorded)
            events.clear();
}

// One forward event: `spike` at input `unit` of layer `layer`.
void SpikingMlp::deliverForward(std::size_t layer, Eigen::Index unit, double spike, int step,
                                bool record) {
    LayerState& s = m_layers[layer];
    const auto row = m_weights[layer].weights.row(unit).transpose().array();
    const auto dOut = static_cast<std::uint64_t>(s.inputSum.size());
    s.inCount(unit) += spike;
    s.inputSum += spike * row;
    m_forwardEventAdds += static_cast<std::uint64_t>(std::abs(spike)) * dOut; // one row per spike
    if (record)
        m_recorded[layer].push_back({step, static_cast<int>(unit), spike});
    if (layer + 1 == m_layers.size()) {
        m_u += spike * row.matrix();
        m_ops.countAdds(2 * dOut);
        if (m_learning && m_settings.outputError == OutputError::Spikes) {
            // The output units fire too (rectified, Alg. 7); depth-first, each output spike
            // is an error event that runs back at once, during the forward cascade.
            s.potential += spike * row;
            m_ops.countAdds(dOut);
            Eigen::Index j = 0;
            double sign = 0.0;
            while (m_settings.depthFirst && takeSpike(s.potential, true, j, sign))
                sendOutputError(j, sign);
        }
        if (m_learning && m_settings.depthFirst && m_settings.outputError == OutputError::Stream) {
            // The event graph: an output event goes on to the error quantizer and its
            // error events run back through the network before the next forward event.
            s.backPhi += spike * row;
            m_ops.countAdds(dOut);
            fireErrors(layer);
        }
        return;
    }
    s.potential += spike * row;
    m_ops.countAdds(2 * dOut);
    if (!m_settings.depthFirst)
        return;
    // Depth-first: the driven units fire now, on this partial sum, one event at a time.
    Eigen::Index j = 0;
    double sign = 0.0;
    while (takeSpike(s.potential, true, j, sign))
        deliverForward(layer + 1, j, sign, step, record);
}

void SpikingMlp::forwardStep(const Eigen::VectorXd& x, int step, bool record) {
    m_inputPhi += x.array();
    if (m_settings.smoothUpdates)
        m_inputTotal += x.array();
    m_ops.countAdds(static_cast<std::uint64_t>(x.size()));
    if (m_settings.depthFirst) {
        Eigen::Index i = 0; // Alg. 3: the largest |φ| first
        double sign = 0.0;
        while (takeSpike(m_inputPhi, false, i, sign))
            deliverForward(0, i, sign, step, record);
        return;
    }
    // Breadth-first: all of a layer's events of this step, then its children's.
    for (Eigen::Index i = 0; i < m_inputPhi.size(); ++i) {
        const double n = herdCount(m_inputPhi(i), false);
        if (n != 0.0) {
            m_inputPhi(i) -= n;
            deliverForward(0, i, n, step, record);
        }
    }
    const bool outputFires = m_learning && m_settings.outputError == OutputError::Spikes;
    for (std::size_t l = 0; l + (outputFires ? 0 : 1) < m_layers.size(); ++l) {
        LayerState& s = m_layers[l];
        for (Eigen::Index j = 0; j < s.potential.size(); ++j)
            s.spikesOut(j) = herdCount(s.potential(j), true);
        s.potential -= s.spikesOut;
        if (l + 1 == m_layers.size())
            break; // the output's spikes are this step's error events (train())
        for (Eigen::Index j = 0; j < s.spikesOut.size(); ++j)
            if (s.spikesOut(j) != 0.0)
                deliverForward(l + 1, j, s.spikesOut(j), step, record);
    }
}

const Eigen::ArrayXd& SpikingMlp::updateInput(std::size_t layer) {
    if (!m_settings.smoothUpdates)
        return m_layers[layer].inCount;
    // The input units of `layer` are the units the layer below drives; their
    // pre-quantized input so far is its c_out, rectified (the first layer's is Σ_t x).
    if (layer == 0)
        m_smoothInput = m_inputTotal.max(0.0);
    else
        m_smoothInput = m_layers[layer - 1].inputSum.max(0.0);
    return m_smoothInput;
}

void SpikingMlp::applyColumnUpdate(std::size_t layer, Eigen::Index unit, double spike) {
    LayerState& s = m_layers[layer];
    if (m_settings.fractional) {
        // FSGD, DSN eq. 7: the inputs seen so far, at once.
        const double rate = m_settings.learningRate / (m_settings.timeSteps * m_settings.timeSteps);
        const Eigen::ArrayXd& input = updateInput(layer);
        m_weights[layer].weights.col(unit) -= (rate * spike) * input.matrix();
        m_ops.countAdds(static_cast<std::uint64_t>(input.size()));
    } else {
        s.errCount(unit) += spike;
    }
}

// One error event at output `unit` of layer `layer` (Alg. 8 l. 42-47). The message
// down uses the column as it was before this event's update, as backpropagation does:
// Alg. 8 sends the updated column, and with FSGD that feeds each update straight back
// into the errors below; on digits that diverged (10 % accuracy at any η tried).
void SpikingMlp::deliverError(std::size_t layer, Eigen::Index unit, double spike) {
    if (layer == 0) {
        applyColumnUpdate(layer, unit, spike);
        return;
    }
    LayerState& below = m_layers[layer - 1];
    const auto column = m_weights[layer].weights.col(unit).array();
    below.backPhi += (below.inputSum > 0.0).select(spike * column, 0.0); // ReLU' filter
    m_ops.countAdds(static_cast<std::uint64_t>(column.size()));
    applyColumnUpdate(layer, unit, spike);
    if (m_settings.depthFirst)
        fireErrors(layer - 1);
}

// Depth-first: the error quantizer on `layer`'s outputs fires now, one event at a time,
// and each event's cascade runs before the next (Alg. 8 l. 28-31).
void SpikingMlp::fireErrors(std::size_t layer) {
    Eigen::Index j = 0;
    double sign = 0.0;
    while (takeSpike(m_layers[layer].backPhi, false, j, sign))
        deliverError(layer, j, sign);
}

// An error event at output unit j, through the output's own ReLU' filter (the output
// units fire rectified spikes in OutputError::Spikes).
void SpikingMlp::sendOutputError(Eigen::Index unit, double spike) {
    const std::size_t top = m_layers.size() - 1;
    if (m_layers[top].inputSum(unit) > 0.0)
        deliverError(top, unit, spike);
}

void SpikingMlp::backwardStep(const Eigen::ArrayXd& outputError) {
    const std::size_t top = m_layers.size() - 1;
    m_layers[top].backPhi += outputError;
    m_ops.countAdds(static_cast<std::uint64_t>(outputError.size()));
    if (m_settings.depthFirst) {
        fireErrors(top);
        return;
    }
    for (std::size_t l = top + 1; l-- > 0;) {
        LayerState& s = m_layers[l];
        for (Eigen::Index j = 0; j < s.backPhi.size(); ++j)
            s.errorsOut(j) = herdCount(s.backPhi(j), false);
        s.backPhi -= s.errorsOut;
        for (Eigen::Index j = 0; j < s.errorsOut.size(); ++j)
            if (s.errorsOut(j) != 0.0)
                deliverError(l, j, s.errorsOut(j));
    }
}

TrainStep SpikingMlp::train(const Eigen::VectorXd& x, int label) {
    resetSample(true);
    m_target.setZero();
    m_target(label) = 1.0;
    for (int t = 1; t <= m_settings.timeSteps; ++t) {
        if (m_settings.outputError == OutputError::Stream)
            m_uBeforeStep = m_u;
        forwardStep(x, t - 1, true);
        switch (m_settings.outputError) {
        case OutputError::Mean:
            m_error = m_u.array() / t - m_target; // ∂½|ū − y|²/∂ū at step t
            break;
        case OutputError::Cumulative:
            m_error = m_u.array() - m_target;
            break;
        case OutputError::Spikes: {
            // The target's spikes, −1 at the label each step; with the output's spikes
            // (breadth-first: netted over the step, as DSN's held error; depth-first: sent
            // already), through the output's ReLU' filter.
            const LayerState& top = m_layers.back();
            if (m_settings.depthFirst)
                m_error = (top.inputSum > 0.0).select(-m_target, 0.0);
            else
                m_error = (top.inputSum > 0.0).select(top.spikesOut - m_target, 0.0);
            break;
        }
        case OutputError::Stream: // depth-first: this step's output events went in already
            if (m_settings.depthFirst)
                m_error = -m_target;
            else
                m_error = (m_u - m_uBeforeStep).array() - m_target;
            break;
        }
        backwardStep(m_error);
    }
    if (!m_settings.fractional) {
        // SGD, DSN eq. 6: W −= (η/T²)·c_in ⊗ c_err, over the rows and columns that spiked.
        const double rate = m_settings.learningRate / (m_settings.timeSteps * m_settings.timeSteps);
        for (std::size_t l = 0; l < m_layers.size(); ++l) {
            LayerState& s = m_layers[l];
            const Eigen::ArrayXd& input = updateInput(l);
            const auto activeIn = static_cast<std::uint64_t>((input != 0.0).count());
            for (Eigen::Index j = 0; j < s.errCount.size(); ++j) {
                if (s.errCount(j) == 0.0)
                    continue;
                m_weights[l].weights.col(j) -= (rate * s.errCount(j)) * input.matrix();
                m_ops.countMultiplyAdds(activeIn);
            }
        }
    }
    const Eigen::VectorXd mean = m_u / m_settings.timeSteps;
    // With firing output units the output is a ReLU (its blocked units' u may sink
    // without bound), so the squared error is on max(ū, 0), as DSN's ReLU-output MLP.
    const Eigen::ArrayXd output = m_settings.outputError == OutputError::Spikes
                                      ? Eigen::ArrayXd(mean.array().max(0.0))
                                      : Eigen::ArrayXd(mean.array());
    m_activity.addSample(*this);
    return {argmax(mean), 0.5 * (output - m_target).square().sum()};
}

int SpikingMlp::predict(const Eigen::VectorXd& x) {
    const OpCounter kept = m_ops; // prediction is not counted as training
    resetSample(false);
    m_forwardEventAdds = 0;
    for (int t = 0; t < m_settings.timeSteps; ++t)
        forwardStep(x, t, false);
    m_ops = kept;
    OpCounter cost; // DSN: the input's and the hidden layers' spikes, a row of W each
    cost.countAdds(m_forwardEventAdds);
    m_inference.count(1, cost);
    return argmax(m_u);
}

bool SpikingMlp::guessEachStep(const Eigen::MatrixXd& inputs, EarlyGuesses& out) {
    // predict()'s loop, read out after every step: argmax ū_t = argmax u_t (DSN Fig. 3).
    const OpCounter kept = m_ops;
    out.reset(m_settings.timeSteps, static_cast<std::size_t>(inputs.cols()));
    for (Eigen::Index k = 0; k < inputs.cols(); ++k) {
        resetSample(false);
        m_forwardEventAdds = 0;
        const Eigen::VectorXd x = inputs.col(k);
        for (int t = 0; t < m_settings.timeSteps; ++t) {
            const std::uint64_t before = m_forwardEventAdds;
            forwardStep(x, t, false);
            const auto step = static_cast<std::size_t>(t);
            out.classes[step][static_cast<std::size_t>(k)] = argmax(m_u);
            out.cumulative[step].countAdds(m_forwardEventAdds - before);
        }
    }
    m_ops = kept;
    out.accumulate();
    if (!out.cumulative.empty())
        m_inference.count(static_cast<std::uint64_t>(inputs.cols()), out.cumulative.back());
    return true;
}

std::vector<std::vector<Eigen::VectorXd>>
SpikingMlp::forwardRates(const Eigen::VectorXd& x, const std::vector<int>& readAt,
                         const ProgressCallback& progress) {
    const OpCounter kept = m_ops;
    resetSample(false);
    std::vector<std::vector<Eigen::VectorXd>> rates;
    const int steps = readAt.empty() ? 0 : readAt.back();
    std::size_t next = 0;
    for (int t = 0; t < steps; ++t) {
        forwardStep(x, t, false);
        if (t + 1 == readAt[next]) {
            ++next;
            const double done = t + 1;
            std::vector<Eigen::VectorXd> layers;
            // A layer's spikes are what the next one received: its c_in (Alg. 8 l. 19).
            for (const LayerState& s : m_layers)
                layers.push_back(s.inCount.matrix() / done);
            layers.push_back(m_u / done);
            rates.push_back(std::move(layers));
        }
        if (progress && t % 64 == 63 &&
            !progress(static_cast<std::size_t>(t + 1), static_cast<std::size_t>(steps))) {
            rates.clear();
            break;
        }
    }
    m_ops = kept;
    return rates;
}

void SpikingMlp::lastSpikes(int layer, std::vector<UnitSpike>& out) const {
    out.clear();
    if (layer >= 0 && layer < spikingLayerCount())
        out = m_recorded[static_cast<std::size_t>(layer)];
}

} // namespace sdlab
