#include "snn/lif_network.h"

#include "encoders/latency_encoder.h"
#include "io/input_error.h"
#include "snn/activity_regulariser.h"
#include "snn/eligibility_gradient.h"
#include "snn/lif_layer.h"
#include "snn/spike_readout.h"
#include "util/parallel_for.h"

#include <algorithm>
#include <cmath>
#include <random>

namespace sdlab {

namespace {

constexpr Eigen::Index kPartSize = 64; // samples per part of a minibatch (see the header)

std::uint64_t mixSeed(std::uint64_t seed, std::uint64_t stream, std::uint64_t part) {
    // SplitMix64 finaliser over the three: independent streams per batch and part.
    std::uint64_t z = seed * 0x9E3779B97F4A7C15ULL + stream * 0xBF58476D1CE4E5B9ULL + part + 1;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

template <class Matrix> std::uint64_t nonzeros(const Eigen::DenseBase<Matrix>& m) {
    return static_cast<std::uint64_t>((m.derived().array() != 0.0).count());
}

} // namespace

// The state of one part of a minibatch through the forward and backward passes.
struct LifNetwork::Pass {
    std::vector<LifLayer> layers;
    Eigen::MatrixXd input; // in × (T·B) coded, or in × B for direct input
    Eigen::MatrixXd current, dSpikes, dCurrent;
    std::vector<Eigen::MatrixXd> dActivity;    // the regularisers' ∂/∂S per layer, N × B
    std::vector<std::uint64_t> feedbackSpikes; // rleaky: spikes of steps < T per layer
    LossGradient loss;
    Gradients gradients;
    OpCounter ops;
    OpCounter products; // the forward pass's products alone (InferenceCost's rule)
    std::vector<int> labels, predicted;
    Eigen::Index batch = 0;

    explicit Pass(const LifNetworkSettings& s) : feedbackSpikes(s.sizes.size() - 1, 0) {
        for (std::size_t l = 1; l < s.sizes.size(); ++l)
            layers.emplace_back(s);
    }
};

LifNetwork::LifNetwork(const LifNetworkSettings& settings) : m_settings(settings) {
    if (const std::string error = validationError(settings); !error.empty())
        throw InputError(error);
    std::mt19937_64 rng(settings.seed);
    for (std::size_t l = 1; l < settings.sizes.size(); ++l) {
        const Eigen::Index in = settings.sizes[l - 1], out = settings.sizes[l];
        // nn.Linear's default: weights and bias U(−1/√fan_in, 1/√fan_in).
        const double bound = 1.0 / std::sqrt(static_cast<double>(in));
        std::uniform_real_distribution<double> uniform(-bound, bound);
        Eigen::MatrixXd w(out, in), b(out, 1);
        for (Eigen::Index j = 0; j < in; ++j)
            for (Eigen::Index i = 0; i < out; ++i)
                w(i, j) = uniform(rng);
        for (Eigen::Index i = 0; i < out; ++i)
            b(i, 0) = uniform(rng);
        if (settings.neuron == LifNeuronKind::RecurrentLeaky) {
            // RLeaky's nn.Linear(n, n): U(−1/√n, 1/√n).
            const double feedbackBound = 1.0 / std::sqrt(static_cast<double>(out));
            std::uniform_real_distribution<double> feedback(-feedbackBound, feedbackBound);
            Eigen::MatrixXd v(out, out);
            for (Eigen::Index j = 0; j < out; ++j)
                for (Eigen::Index i = 0; i < out; ++i)
                    v(i, j) = feedback(rng);
            m_recurrent.push_back(std::move(v));
            m_recurrentSteps.emplace_back(settings.optimizer, settings.learningRate, out, out);
        }
        m_weights.push_back(std::move(w));
        m_biases.push_back(std::move(b));
        m_weightSteps.emplace_back(settings.optimizer, settings.learningRate, out, in);
        m_biasSteps.emplace_back(settings.optimizer, settings.learningRate, out, 1);
        m_betaSteps.emplace_back(settings.optimizer, settings.learningRate, 1, 1);
        m_thresholdSteps.emplace_back(settings.optimizer, settings.learningRate, 1, 1);
        m_betas.push_back(settings.beta);
        m_thresholds.push_back(settings.threshold);
    }
}

LifNetwork::~LifNetwork() = default;

void LifNetwork::setReplayResets(bool replay) {
    for (auto* passes : {&m_passes, &m_evaluationPasses})
        for (auto& pass : *passes)
            for (LifLayer& layer : pass->layers)
                layer.setReplayResets(replay);
}

// Forward (and, with labels, backward) passes of every part of `inputs`, in parallel.
void LifNetwork::runPasses(const Eigen::MatrixXd& inputs, const std::vector<int>* labels,
                           std::uint64_t stream) {
    const Eigen::Index samples = inputs.cols();
    const auto parts = static_cast<std::size_t>((samples + kPartSize - 1) / kPartSize);
    // Evaluation has passes of its own, so the last training batch's records (its
    // spikes for the raster) survive the test rows run between its samples.
    std::vector<std::unique_ptr<Pass>>& passes = labels ? m_passes : m_evaluationPasses;
    while (passes.size() < parts)
        passes.push_back(std::make_unique<Pass>(m_settings));
    const double meanOver = static_cast<double>(samples);
    parallelFor(parts, [&](std::size_t begin, std::size_t end) {
        for (std::size_t p = begin; p < end; ++p) {
            Pass& pass = *passes[p];
            const Eigen::Index first = static_cast<Eigen::Index>(p) * kPartSize;
            pass.batch = std::min(kPartSize, samples - first);
            pass.ops = {};
            pass.products = {};
            encodeInput(pass, inputs.middleCols(first, pass.batch), stream, p);
            forward(pass);
            if (labels) {
                pass.labels.assign(labels->begin() + first, labels->begin() + first + pass.batch);
                backward(pass, meanOver);
            }
        }
    });
}

// Input coding (snnTorch spikegen): in × B for direct input, in × (T·B) spikes otherwise.
void LifNetwork::encodeInput(Pass& pass, const Eigen::Ref<const Eigen::MatrixXd>& x,
                             std::uint64_t stream, std::size_t part) const {
    const int steps = m_settings.steps;
    const Eigen::Index batch = pass.batch;
    if (m_settings.input == InputCoding::Direct) {
        pass.input = x;
        return;
    }
    pass.input.setZero(x.rows(), batch * steps);
    std::mt19937_64 rng(mixSeed(m_settings.seed, stream, part));
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    LatencyEncoder latency;
    latency.rounding = m_settings.latencyRounding;
    for (Eigen::Index j = 0; j < batch; ++j)
        for (Eigen::Index i = 0; i < x.rows(); ++i) {
            const double value = x(i, j);
            if (m_settings.input == InputCoding::Delta) {
                DeltaModulationEncoder delta(m_settings.deltaThreshold, false,
                                             m_settings.deltaReference);
                for (int t = 0; t < steps; ++t)
                    pass.input(i, t * batch + j) = delta.step(value);
            } else if (m_settings.input == InputCoding::Rate) {
                const double probability = std::clamp(value, 0.0, 1.0);
                for (int t = 0; t < steps; ++t)
                    pass.input(i, t * batch + j) = uniform(rng) < probability;
            } else if (const auto step = latency.firingStep(value, steps)) {
                pass.input(i, (*step - 1) * batch + j) = 1.0;
            }
        }
}

// Layer by layer over all steps, then each sample's decoded class. The same numbers as
// snnTorch's step-by-step loop: no layer hears a later one (rleaky's recurrence stays
// within its layer, which LifLayer steps in time).
void LifNetwork::forward(Pass& pass) const {
    const int steps = m_settings.steps;
    const Eigen::Index batch = pass.batch, cols = batch * steps;
    const bool direct = m_settings.input == InputCoding::Direct;
    for (std::size_t l = 0; l < pass.layers.size(); ++l) {
        const Eigen::MatrixXd& in = l == 0 ? pass.input : pass.layers[l - 1].spikes();
        const bool sameEveryStep = l == 0 && direct;
        if (m_settings.learnBeta)
            pass.layers[l].setBeta(m_betas[l]);
        if (m_settings.learnThreshold)
            pass.layers[l].setThreshold(m_thresholds[l]);
        if (!m_recurrent.empty())
            pass.layers[l].setRecurrentWeights(&m_recurrent[l]);
        pass.current.noalias() = m_weights[l] * in;
        pass.current.colwise() += m_biases[l].col(0);
        pass.layers[l].forward(pass.current, sameEveryStep, steps, static_cast<int>(batch));
        const auto out = static_cast<std::uint64_t>(m_weights[l].rows());
        if (sameEveryStep)
            pass.products.countMultiplyAdds(out * static_cast<std::uint64_t>(in.size()));
        else
            pass.products.countAdds(out * nonzeros(in));
        if (!m_recurrent.empty()) { // V·S_{t−1}: a spike of step t < T feeds n units
            pass.feedbackSpikes[l] = nonzeros(pass.layers[l].spikes().leftCols(cols - batch));
            pass.products.countAdds(out * pass.feedbackSpikes[l]);
        }
        pass.ops.countMultiplyAdds(out * static_cast<std::uint64_t>(cols)); // leak
    }
    pass.ops += pass.products;
    const LifLayer& top = pass.layers.back();
    const OutputRecord record{top.spikes(), top.membrane(), steps, static_cast<int>(batch)};
    pass.predicted.resize(static_cast<std::size_t>(batch));
    for (Eigen::Index j = 0; j < batch; ++j)
        pass.predicted[static_cast<std::size_t>(j)] =
            decodeSample(m_settings.decoding, record, static_cast<int>(j));
}

// The loss and its gradient through time, top layer first (BPTT), or by eligibility
// traces (RTRL, e-prop).
void LifNetwork::backward(Pass& pass, double meanOver) const {
    const int steps = m_settings.steps;
    const Eigen::Index batch = pass.batch, cols = batch * steps;
    const bool direct = m_settings.input == InputCoding::Direct;
    const LifLayer& top = pass.layers.back();
    const OutputRecord record{top.spikes(), top.membrane(), steps, static_cast<int>(batch)};
    computeSpikeLoss(m_settings, record, pass.labels, meanOver, pass.loss);
    // Activity regularisers (eqs 40-42): their losses, and ∂/∂S per layer and sample.
    const bool regularised =
        regulariseActivity(m_settings, pass.layers, meanOver, pass.loss.losses, pass.dActivity);
    pass.gradients.weights.resize(pass.layers.size());
    pass.gradients.biases.resize(pass.layers.size());
    pass.gradients.recurrent.resize(m_recurrent.size());
    pass.gradients.betas.assign(pass.layers.size(), 0.0);
    pass.gradients.thresholds.assign(pass.layers.size(), 0.0);
    pass.dSpikes = pass.loss.dSpikes;
    if (regularised) {
        if (pass.dSpikes.size() == 0)
            pass.dSpikes.setZero(top.spikes().rows(), cols);
        addAtEveryStep(pass.dSpikes, pass.dActivity.back(), steps);
    }
    if (m_settings.method != LifMethod::Bptt) {
        // Eligibility traces (RTRL, e-prop): each step costs a trace update per
        // input and an outer product per weight, forward in time.
        eligibilityGradients(
            {&pass.layers, &m_weights, &m_recurrent, &pass.input, direct, &pass.dSpikes,
             &pass.loss.dMembrane, regularised ? &pass.dActivity : nullptr},
            pass.gradients.weights, pass.gradients.biases, pass.gradients.recurrent);
        for (const Eigen::MatrixXd& w : m_weights)
            pass.ops.countMultiplyAdds(static_cast<std::uint64_t>(w.size() + w.cols()) *
                                       static_cast<std::uint64_t>(cols));
        return;
    }
    for (std::size_t l = pass.layers.size(); l-- > 0;) {
        const bool topLayer = l + 1 == pass.layers.size();
        const bool sameEveryStep = l == 0 && direct;
        const Eigen::MatrixXd* dS = pass.dSpikes.size() ? &pass.dSpikes : nullptr;
        const Eigen::MatrixXd* dU =
            topLayer && pass.loss.dMembrane.size() ? &pass.loss.dMembrane : nullptr;
        LifLayer::ScalarGradients scalars;
        const bool learnsScalars = m_settings.learnBeta || m_settings.learnThreshold;
        const bool recurrent = !m_recurrent.empty();
        pass.layers[l].backward(dS, dU, sameEveryStep, pass.dCurrent,
                                learnsScalars ? &scalars : nullptr,
                                recurrent ? &pass.gradients.recurrent[l] : nullptr);
        if (recurrent) { // Vᵀ·δI per step (multiply-adds), δI·S_{t−1}ᵀ per spike (additions)
            const auto n = static_cast<std::uint64_t>(m_recurrent[l].rows());
            pass.ops.countMultiplyAdds(n * n * static_cast<std::uint64_t>(cols - batch));
            pass.ops.countAdds(n * pass.feedbackSpikes[l]);
        }
        pass.gradients.betas[l] = scalars.beta;
        pass.gradients.thresholds[l] = scalars.threshold;
        const Eigen::MatrixXd& in = l == 0 ? pass.input : pass.layers[l - 1].spikes();
        pass.gradients.weights[l].noalias() = pass.dCurrent * in.transpose();
        pass.gradients.biases[l] = pass.dCurrent.rowwise().sum();
        const auto out = static_cast<std::uint64_t>(m_weights[l].rows());
        pass.ops.countMultiplyAdds(2 * out * static_cast<std::uint64_t>(cols));
        if (sameEveryStep)
            pass.ops.countMultiplyAdds(out * static_cast<std::uint64_t>(in.size()));
        else
            pass.ops.countAdds(out * nonzeros(in));
        if (l > 0) {
            pass.dSpikes.noalias() = m_weights[l].transpose() * pass.dCurrent;
            pass.ops.countMultiplyAdds(out * static_cast<std::uint64_t>(in.size()));
            if (regularised)
                addAtEveryStep(pass.dSpikes, pass.dActivity[l - 1], steps);
        }
    }
}

double LifNetwork::meanLossAndGradients(const Eigen::MatrixXd& inputs,
                                        const std::vector<int>& labels, Gradients& gradients) {
    runPasses(inputs, &labels, m_batches);
    const auto parts = static_cast<std::size_t>((inputs.cols() + kPartSize - 1) / kPartSize);
    gradients = m_passes[0]->gradients;
    double loss = 0.0;
    for (std::size_t p = 0; p < parts; ++p) {
        const Pass& pass = *m_passes[p];
        if (p > 0)
            for (std::size_t l = 0; l < m_weights.size(); ++l) {
                gradients.weights[l] += pass.gradients.weights[l];
                gradients.biases[l] += pass.gradients.biases[l];
                if (!m_recurrent.empty())
                    gradients.recurrent[l] += pass.gradients.recurrent[l];
                gradients.betas[l] += pass.gradients.betas[l];
                gradients.thresholds[l] += pass.gradients.thresholds[l];
            }
        for (double value : pass.loss.losses)
            loss += value;
    }
    return loss / static_cast<double>(inputs.cols());
}

void LifNetwork::trainBatch(const Eigen::MatrixXd& inputs, const std::vector<int>& labels,
                            std::vector<TrainStep>& steps) {
    Gradients gradients;
    meanLossAndGradients(inputs, labels, gradients);
    const auto parts = static_cast<std::size_t>((inputs.cols() + kPartSize - 1) / kPartSize);
    steps.resize(labels.size());
    for (std::size_t p = 0; p < parts; ++p) {
        const Pass& pass = *m_passes[p];
        m_ops += pass.ops;
        for (Eigen::Index j = 0; j < pass.batch; ++j) {
            const auto k = static_cast<std::size_t>(static_cast<Eigen::Index>(p) * kPartSize + j);
            steps[k] = {pass.predicted[static_cast<std::size_t>(j)],
                        pass.loss.losses[static_cast<std::size_t>(j)]};
        }
    }
    recordActivity(parts, gradients);
    m_lastBatchSize = inputs.cols();
    m_spikeCursor = 0;
    for (std::size_t l = 0; l < m_weights.size(); ++l) {
        m_weightSteps[l].step(m_weights[l], gradients.weights[l]);
        m_biasSteps[l].step(m_biases[l], gradients.biases[l]);
        auto size = static_cast<std::uint64_t>(m_weights[l].size() + m_biases[l].size());
        if (!m_recurrent.empty()) {
            m_recurrentSteps[l].step(m_recurrent[l], gradients.recurrent[l]);
            size += static_cast<std::uint64_t>(m_recurrent[l].size());
        }
        m_ops.countMultiplyAdds(size *
                                static_cast<std::uint64_t>(m_weightSteps[l].opsPerParameter()));
        // snnTorch clamps β to [0, 1] where it is used; θ must stay positive.
        const auto scalarStep = [](ParameterOptimizer& optimizer, double& value, double gradient,
                                   double low, double high) {
            Eigen::MatrixXd p = Eigen::MatrixXd::Constant(1, 1, value);
            optimizer.step(p, Eigen::MatrixXd::Constant(1, 1, gradient));
            value = std::clamp(p(0, 0), low, high);
        };
        if (m_settings.learnBeta)
            scalarStep(m_betaSteps[l], m_betas[l], gradients.betas[l], 0.0, 1.0);
        if (m_settings.learnThreshold)
            scalarStep(m_thresholdSteps[l], m_thresholds[l], gradients.thresholds[l], 1e-6, 1e6);
    }
    ++m_batches;
}

TrainStep LifNetwork::train(const Eigen::VectorXd& x, int label) {
    std::vector<TrainStep> steps;
    trainBatch(x, {label}, steps);
    return steps.front();
}

void LifNetwork::predictBatch(const Eigen::MatrixXd& inputs, std::vector<int>& classes) {
    // Evaluation draws its rate codes from its own streams, so it never shifts training's.
    runPasses(inputs, nullptr, (1ULL << 63) + m_evaluations++);
    classes.resize(static_cast<std::size_t>(inputs.cols()));
    for (std::size_t k = 0; k < classes.size(); ++k)
        classes[k] = m_evaluationPasses[k / kPartSize]->predicted[k % kPartSize];
    OpCounter cost;
    for (std::size_t p = 0; p * static_cast<std::size_t>(kPartSize) < classes.size(); ++p)
        cost += m_evaluationPasses[p]->products;
    m_inference.count(classes.size(), cost);
}

bool LifNetwork::guessEachStep(const Eigen::MatrixXd& inputs, EarlyGuesses& out) {
    // The evaluation passes hold every layer's spikes over the T steps: decoding the first
    // t + 1 steps of the output record is the answer after step t + 1 (DSN Fig. 3), and the
    // products of step t are forward()'s, step by step.
    runPasses(inputs, nullptr, (1ULL << 63) + m_evaluations++);
    const int steps = m_settings.steps;
    const bool direct = m_settings.input == InputCoding::Direct;
    out.reset(steps, static_cast<std::size_t>(inputs.cols()));
    for (std::size_t p = 0;
         p * static_cast<std::size_t>(kPartSize) < static_cast<std::size_t>(inputs.cols()); ++p) {
        const Pass& pass = *m_evaluationPasses[p];
        const Eigen::Index b = pass.batch, first = static_cast<Eigen::Index>(p) * kPartSize;
        const LifLayer& top = pass.layers.back();
        for (int t = 0; t < steps; ++t) {
            const OutputRecord record{top.spikes(), top.membrane(), t + 1, static_cast<int>(b)};
            std::vector<int>& classes = out.classes[static_cast<std::size_t>(t)];
            for (Eigen::Index j = 0; j < b; ++j)
                classes[static_cast<std::size_t>(first + j)] =
                    decodeSample(m_settings.decoding, record, static_cast<int>(j));
            OpCounter& cost = out.cumulative[static_cast<std::size_t>(t)];
            for (std::size_t l = 0; l < pass.layers.size(); ++l) {
                const auto n = static_cast<std::uint64_t>(m_weights[l].rows());
                if (l == 0 && direct) {
                    if (t == 0) // the same input every step: one product per sample
                        cost.countMultiplyAdds(n * static_cast<std::uint64_t>(pass.input.size()));
                } else {
                    const Eigen::MatrixXd& in = l == 0 ? pass.input : pass.layers[l - 1].spikes();
                    cost.countAdds(n * nonzeros(in.middleCols(t * b, b)));
                }
                if (!m_recurrent.empty() && t > 0) // V·S_{t−1}
                    cost.countAdds(n *
                                   nonzeros(pass.layers[l].spikes().middleCols((t - 1) * b, b)));
            }
        }
    }
    out.accumulate();
    m_inference.count(static_cast<std::uint64_t>(inputs.cols()), out.cumulative.back());
    return true;
}

int LifNetwork::predict(const Eigen::VectorXd& x) {
    std::vector<int> classes;
    predictBatch(x, classes);
    return classes.front();
}

void LifNetwork::recordActivity(std::size_t parts, const Gradients& gradients) {
    const int window = std::max(1, m_settings.activityWindow);
    Eigen::Index units = 0;
    for (const Eigen::MatrixXd& w : m_weights)
        units += w.rows();
    BatchActivity batch;
    batch.unitSpikes = Eigen::VectorXd::Zero(units);
    for (std::size_t p = 0; p < parts; ++p) {
        const Pass& pass = *m_passes[p];
        batch.samples += static_cast<int>(pass.batch);
        Eigen::Index offset = 0;
        for (const LifLayer& layer : pass.layers) {
            const Eigen::MatrixXd& s = layer.spikes();
            batch.unitSpikes.segment(offset, s.rows()) += s.rowwise().sum();
            offset += s.rows();
        }
    }
    for (const Eigen::MatrixXd& g : gradients.weights)
        batch.gradientNorms.push_back(g.norm());
    m_activity.push_back(std::move(batch));
    int kept = 0;
    for (const BatchActivity& a : m_activity)
        kept += a.samples;
    while (m_activity.size() > 1 && kept - m_activity.front().samples >= window) {
        kept -= m_activity.front().samples;
        m_activity.pop_front();
    }
}

Eigen::VectorXd LifNetwork::windowUnitSpikes(int& samples) const {
    samples = 0;
    if (m_activity.empty())
        return {};
    Eigen::VectorXd total = Eigen::VectorXd::Zero(m_activity.front().unitSpikes.size());
    for (const BatchActivity& a : m_activity) {
        total += a.unitSpikes;
        samples += a.samples;
    }
    return total;
}

double LifNetwork::spikesPerSample() const {
    int samples = 0;
    const Eigen::VectorXd total = windowUnitSpikes(samples);
    return samples > 0 ? total.sum() / samples : 0.0;
}

double LifNetwork::deadFraction() const {
    int samples = 0;
    const Eigen::VectorXd total = windowUnitSpikes(samples);
    const Eigen::Index hidden = total.size() == 0 ? 0 : total.size() - m_weights.back().rows();
    if (hidden == 0)
        return 0.0;
    return static_cast<double>((total.head(hidden).array() == 0.0).count()) /
           static_cast<double>(hidden);
}

std::optional<SpikeActivity> LifNetwork::activity() const {
    SpikeActivity activity{spikesPerSample(), deadFraction(), {}, {}};
    int samples = 0;
    const Eigen::VectorXd total = windowUnitSpikes(samples);
    if (samples == 0)
        return activity;
    Eigen::Index offset = 0;
    for (const Eigen::MatrixXd& w : m_weights) {
        const auto layer = total.segment(offset, w.rows());
        offset += w.rows();
        const double unitSteps = static_cast<double>(w.rows()) * m_settings.steps * samples;
        activity.layerRates.push_back(layer.sum() / unitSteps);
        activity.layerDeadFractions.push_back(static_cast<double>((layer.array() == 0.0).count()) /
                                              static_cast<double>(w.rows()));
    }
    return activity;
}

bool LifNetwork::visitLearnedParameters(LearnedParameterVisitor& visitor) {
    // Weights out × in as snnTorch's nn.Linear holds them; β and θ per layer.
    for (std::size_t l = 0; l < m_weights.size(); ++l) {
        const std::string prefix = "layer" + std::to_string(l + 1) + ".";
        visitor.visit(prefix + "weights", m_weights[l]);
        visitor.visit(prefix + "bias", m_biases[l]);
        if (l < m_recurrent.size())
            visitor.visit(prefix + "recurrent", m_recurrent[l]);
        visitor.visit(prefix + "beta", m_betas[l]);
        visitor.visit(prefix + "threshold", m_thresholds[l]);
    }
    return true;
}

std::vector<double> LifNetwork::gradientNorms() const {
    std::vector<double> mean(m_weights.size(), 0.0);
    if (m_activity.empty())
        return {};
    for (const BatchActivity& a : m_activity)
        for (std::size_t l = 0; l < mean.size(); ++l)
            mean[l] += a.gradientNorms[l];
    for (double& value : mean)
        value /= static_cast<double>(m_activity.size());
    return mean;
}

MembraneTrace LifNetwork::lastOutputMembrane() const {
    MembraneTrace trace;
    if (m_lastBatchSize == 0)
        return trace;
    const Eigen::Index sample = m_lastBatchSize - 1;
    const Pass& pass = *m_passes[static_cast<std::size_t>(sample / kPartSize)];
    const Eigen::Index j = sample % kPartSize;
    const Eigen::MatrixXd& u = pass.layers.back().membrane(); // n × (T·B), step-major
    trace.potential.resize(m_settings.steps, u.rows());
    for (int t = 0; t < m_settings.steps; ++t)
        trace.potential.row(t) = u.col(t * pass.batch + j).transpose();
    trace.threshold = m_thresholds.back();
    return trace;
}

void LifNetwork::lastSpikes(int layer, std::vector<UnitSpike>& out) const {
    // Called once per sample after each batch (the Learning lab's raster): the batch's
    // samples in turn.
    out.clear();
    const Eigen::Index sample = m_spikeCursor;
    m_spikeCursor = m_spikeCursor + 1 < m_lastBatchSize ? m_spikeCursor + 1 : 0;
    const auto part = static_cast<std::size_t>(sample / kPartSize);
    if (part >= m_passes.size() || m_passes[part]->batch == 0 || layer < 0 ||
        layer > static_cast<int>(m_weights.size()))
        return;
    const Pass& pass = *m_passes[part];
    const Eigen::Index j = sample % kPartSize;
    if (j >= pass.batch || (layer == 0 && m_settings.input == InputCoding::Direct))
        return; // direct input: real values, not spikes
    const Eigen::MatrixXd& s =
        layer == 0 ? pass.input : pass.layers[static_cast<std::size_t>(layer - 1)].spikes();
    for (int t = 0; t < m_settings.steps; ++t)
        for (Eigen::Index i = 0; i < s.rows(); ++i)
            if (s(i, t * pass.batch + j) != 0.0)
                out.push_back({t, static_cast<int>(i), s(i, t * pass.batch + j)});
}

} // namespace sdlab
