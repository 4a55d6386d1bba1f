#include "equilibrium/eqprop_classifier.h"

#include "equilibrium/hard_sigmoid.h"
#include "models/dense_layer.h"

#include <algorithm>
#include <numeric>

namespace sdlab {

EqPropClassifier::EqPropClassifier(const EqPropSettings& settings)
    : m_settings(settings), m_network(settings.sizes, settings.seed), m_continuous(m_network),
      m_evaluationContinuous(m_network), m_signs(settings.seed ^ 0x5eedb37aULL) {
    if (m_settings.learningRates.size() + 1 != m_settings.sizes.size())
        m_settings.learningRates.assign(m_settings.sizes.size() - 1, 0.01);
    if (settings.variant == EqPropVariant::Initialized)
        m_initializer = std::make_unique<FeedforwardInitializer>(settings.sizes, settings.leak,
                                                                 settings.seed + 1);
    if (settings.variant == EqPropVariant::Spiking) {
        m_spiking = std::make_unique<SpikingSettler>(m_network, settings.spiking);
        m_evaluationSpiking = std::make_unique<SpikingSettler>(m_network, settings.spiking);
        m_spikeLog.resize(settings.sizes.size());
    }
    m_free = m_clamped = m_network.zeroState();
    m_target = Eigen::VectorXd::Zero(settings.sizes.back());
}

TrainStep EqPropClassifier::train(const Eigen::VectorXd& x, int label) {
    m_target.setZero();
    m_target(label) = 1.0;
    SettleTerms terms;
    EqState s = m_network.zeroState();
    if (m_initializer) {
        m_initializer->forward(x, &m_ops);
        m_anchor = m_initializer->clippedPrediction();
        s = m_anchor;
        terms.anchor = m_settings.anchor;
        terms.anchorState = &m_anchor;
    }
    double beta = m_settings.beta;
    if (m_settings.randomSignBeta && (m_signs() & 1U))
        beta = -beta;
    std::uint64_t steps = 0;
    if (m_spiking) {
        for (auto& layer : m_spikeLog)
            layer.clear();
        int t = 0;
        auto log = [this, &t](int, const EqState&) {
            ++t;
            const auto& spikes = m_spiking->lastSpikes();
            for (std::size_t l = 0; l < spikes.size(); ++l)
                for (int unit : spikes[l])
                    m_spikeLog[l].push_back({t, unit, 1.0});
            return true;
        };
        const OpCounter before = m_spiking->ops();
        m_spiking->start(x, m_initializer ? &m_anchor : nullptr);
        steps +=
            static_cast<std::uint64_t>(m_spiking->settle(m_settings.freeSteps, terms, log).steps);
        m_free = m_spiking->state();
        terms.beta = beta;
        terms.target = &m_target;
        m_spiking->beginPhase();
        steps += static_cast<std::uint64_t>(
            m_spiking->settle(m_settings.clampedSteps, terms, log).steps);
        m_clamped = m_spiking->state();
        OpCounter spent = m_spiking->ops();
        spent.adds -= before.adds;
        spent.multiplies -= before.multiplies;
        m_ops += spent;
    } else {
        m_continuous.resetOps();
        m_continuous.setInput(x);
        steps += static_cast<std::uint64_t>(
            m_continuous
                .settle(s, m_settings.freeSteps, m_settings.epsilon, m_settings.tolerance, terms)
                .steps);
        m_free = s;
        terms.beta = beta;
        terms.target = &m_target;
        steps += static_cast<std::uint64_t>(
            m_continuous
                .settle(s, m_settings.clampedSteps, m_settings.epsilon, m_settings.tolerance, terms)
                .steps);
        m_clamped = s;
        m_ops += m_continuous.ops();
    }
    m_settlingSteps += steps;
    const Eigen::VectorXd& output = m_free.back();
    TrainStep result{argmax(output), 0.5 * (output - m_target).squaredNorm()};
    applyContrastiveUpdate(x, m_free, m_clamped, beta);
    if (m_initializer) {
        if (m_trainedSamples % kAlignmentEvery == 0)
            measureAlignment(x); // before learn(): the gradients it is about to follow
        m_initializer->learn(x, m_free, m_settings.learningRates, &m_ops,
                             m_settings.initializerLoss);
    }
    ++m_trainedSamples;
    return result;
}

void EqPropClassifier::measureAlignment(const Eigen::VectorXd& x) {
    // Thesis Fig. 7.4 right: layer l's local gradient ∂L_l/∂φ_l against its distant part
    // Σ_{j>l} ∂L_j/∂φ_l, the global gradient minus the local one (eq. 7.4), toward this
    // sample's s⁻. A measurement, not training: its operations are not counted.
    m_initializer->gradient(x, m_free, InitializerLoss::Local, m_localGradient);
    m_initializer->gradient(x, m_free, InitializerLoss::Global, m_distantGradient);
    const int layers = m_initializer->layerCount() - 1; // the top layer has no distant part
    m_alignment.resize(static_cast<std::size_t>(std::max(layers, 0)));
    for (int l = 0; l < layers; ++l) {
        const auto i = static_cast<std::size_t>(l);
        m_distantGradient.weights[i] -= m_localGradient.weights[i];
        m_distantGradient.biases[i] -= m_localGradient.biases[i];
        std::deque<double>& window = m_alignment[i];
        window.push_back(layerCosine(m_localGradient, m_distantGradient, l));
        if (window.size() > kAlignmentWindow)
            window.pop_front();
    }
}

std::vector<double> EqPropClassifier::gradientAlignment() const {
    std::vector<double> means;
    for (const std::deque<double>& window : m_alignment)
        means.push_back(window.empty() ? 0.0
                                       : std::accumulate(window.begin(), window.end(), 0.0) /
                                             static_cast<double>(window.size()));
    return means;
}

void EqPropClassifier::applyContrastiveUpdate(const Eigen::VectorXd& x, const EqState& free,
                                              const EqState& clamped, double beta) {
    // ρ of every state once: layer l's "above" is layer l + 1's "below".
    EqState rhoFree(free.size()), rhoClamped(clamped.size());
    for (std::size_t l = 0; l < free.size(); ++l) {
        rhoFree[l] = hardSigmoid(free[l].array()).matrix();
        rhoClamped[l] = hardSigmoid(clamped[l].array()).matrix();
    }
    for (int l = 0; l < m_network.stateLayerCount(); ++l) {
        const auto index = static_cast<std::size_t>(l);
        const double scale = m_settings.learningRates[index] / beta;
        const Eigen::VectorXd& aboveFree = rhoFree[index];
        const Eigen::VectorXd& aboveClamped = rhoClamped[index];
        Eigen::MatrixXd& w = m_network.weights(l);
        if (l == 0) {
            w.noalias() += (scale * x) * (aboveClamped - aboveFree).transpose();
        } else {
            w.noalias() += (scale * rhoClamped[index - 1]) * aboveClamped.transpose();
            w.noalias() -= (scale * rhoFree[index - 1]) * aboveFree.transpose();
        }
        m_network.bias(l) += scale * (aboveClamped - aboveFree);
        m_ops.countMultiplyAdds(2 * static_cast<std::uint64_t>(w.size()));
    }
}

int EqPropClassifier::predict(const Eigen::VectorXd& x) {
    OpCounter cost; // the products alone (InferenceCost): the drives at each settling step
    EqState s = m_network.zeroState();
    if (m_initializer) {
        const EqState& forward = m_initializer->forward(x, &cost);
        if (m_settings.inference == InitializedInference::Forward) { // Alg. 7
            const int predicted = argmax(forward.back());
            m_inference.count(1, cost);
            return predicted;
        }
        s = m_initializer->clippedPrediction(); // Alg. 8: settle E_θ from s^f
    }
    if (m_evaluationSpiking) {
        // Spiking: a spike adds its row of W to the units it reaches (the settler's adds).
        const std::uint64_t before = m_evaluationSpiking->spikeAdds();
        m_evaluationSpiking->start(x);
        m_evaluationSpiking->settle(m_settings.freeSteps);
        cost.countAdds(m_evaluationSpiking->spikeAdds() - before);
        m_inference.count(1, cost);
        return argmax(m_evaluationSpiking->state().back());
    }
    m_evaluationContinuous.setInput(x);
    const SettleOutcome settled = m_evaluationContinuous.settle(
        s, m_settings.freeSteps, m_settings.epsilon, m_settings.tolerance);
    cost.countMultiplyAdds(static_cast<std::uint64_t>(m_network.weights(0).size()) + // W_0ᵀx once
                           static_cast<std::uint64_t>(settled.steps) *
                               m_network.drivesMultiplyAdds());
    m_inference.count(1, cost);
    return argmax(s.back());
}

void EqPropClassifier::beginEvaluation() {
    // A fresh evaluation settler each time: the same test set gives the same answer
    // whenever it is evaluated, and training's random draws are never touched.
    if (m_spiking)
        m_evaluationSpiking = std::make_unique<SpikingSettler>(m_network, m_settings.spiking);
}

int EqPropClassifier::spikingLayerCount() const {
    return m_spiking ? static_cast<int>(m_settings.sizes.size()) : 0;
}

void EqPropClassifier::lastSpikes(int layer, std::vector<UnitSpike>& out) const {
    out.clear();
    if (m_spiking && layer >= 0 && layer < static_cast<int>(m_spikeLog.size()))
        out = m_spikeLog[static_cast<std::size_t>(layer)];
}

} // namespace sdlab
