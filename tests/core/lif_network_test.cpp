// The LIF network trained through time (core/snn/, spec §10): its layer equals the
// step-by-step neurons of core/neurons/; every loss and decoding on hand-made records;
// Adam's first step by hand; and BPTT's gradient against central finite differences on
// a tiny network whose spikes are a smooth sigmoid in both passes, so the check is exact
// up to rounding, with the reset detached (the finite difference replays the recorded
// resets) and attached, for every neuron, reset and differentiable loss.
#include "data/dataset_loaders.h"
#include "encoders/encoder_conventions.h"
#include "io/input_error.h"
#include "neurons/lapicque_neuron.h"
#include "neurons/leaky_neuron.h"
#include "neurons/recurrent_leaky_neuron.h"
#include "neurons/synaptic_neuron.h"
#include "snn/activity_regulariser.h"
#include "snn/lif_layer.h"
#include "snn/lif_network.h"
#include "snn/parameter_optimizer.h"
#include "snn/spike_readout.h"
#include "training/training_run.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <gtest/gtest.h>
#include <memory>
#include <random>
#include <string>

namespace sdlab {
namespace {

Eigen::MatrixXd randomMatrix(Eigen::Index rows, Eigen::Index cols, std::uint64_t seed,
                             double scale) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal(0.0, scale);
    Eigen::MatrixXd m(rows, cols);
    for (Eigen::Index j = 0; j < cols; ++j)
        for (Eigen::Index i = 0; i < rows; ++i)
            m(i, j) = normal(rng);
    return m;
}

// The layer over T steps against the neurons of core/neurons/ stepped one at a time.
template <class Neurons, class Params>
void expectLayerMatchesNeurons(const LifNetworkSettings& settings, const Params& params) {
    constexpr int steps = 12, batch = 3, units = 4;
    const Eigen::MatrixXd current = randomMatrix(units, steps * batch, 7, 0.8);
    LifLayer layer(settings);
    layer.forward(current, false, steps, batch);
    Neurons neurons(units, batch, params);
    for (int t = 0; t < steps; ++t) {
        const Eigen::ArrayXXd in = current.middleCols(t * batch, batch).array();
        const Eigen::ArrayXXd& s = neurons.step(in);
        for (int j = 0; j < batch; ++j)
            for (int i = 0; i < units; ++i) {
                EXPECT_NEAR(layer.membrane()(i, t * batch + j), neurons.membrane()(i, j), 1e-14);
                EXPECT_EQ(layer.spikes()(i, t * batch + j), s(i, j)) << "t " << t;
            }
    }
}

TEST(LifLayer, EqualsTheStepByStepNeuronsForEveryReset) {
    for (ResetMechanism reset :
         {ResetMechanism::Subtract, ResetMechanism::Zero, ResetMechanism::None}) {
        SCOPED_TRACE(resetMechanismName(reset));
        LifNetworkSettings s;
        s.reset = reset;
        s.beta = 0.8;
        s.threshold = 0.7;
        s.neuron = LifNeuronKind::Leaky;
        expectLayerMatchesNeurons<LeakyNeurons>(s, LeakyParams{0.8, {0.7, reset}});
        s.neuron = LifNeuronKind::Synaptic;
        s.alpha = 0.6;
        expectLayerMatchesNeurons<SynapticNeurons>(s, SynapticParams{0.6, 0.8, {0.7, reset}});
        s.neuron = LifNeuronKind::Lapicque;
        expectLayerMatchesNeurons<LapicqueNeurons>(
            s, LapicqueParams::fromBeta(0.8, 1.0, {0.7, reset}));
    }
}

TEST(LifLayer, RecurrentEqualsTheStepByStepRLeakyForEveryReset) {
    constexpr int steps = 12, batch = 3, units = 4;
    const Eigen::MatrixXd current = randomMatrix(units, steps * batch, 7, 0.8);
    const Eigen::MatrixXd v = randomMatrix(units, units, 8, 0.6);
    for (ResetMechanism reset :
         {ResetMechanism::Subtract, ResetMechanism::Zero, ResetMechanism::None}) {
        SCOPED_TRACE(resetMechanismName(reset));
        LifNetworkSettings s;
        s.neuron = LifNeuronKind::RecurrentLeaky;
        s.reset = reset;
        s.beta = 0.8;
        s.threshold = 0.7;
        LifLayer layer(s);
        layer.setRecurrentWeights(&v);
        layer.forward(current, false, steps, batch);
        RecurrentLeakyNeurons neurons(batch, LeakyParams{0.8, {0.7, reset}}, v,
                                      Eigen::VectorXd::Zero(units));
        double fed = 0.0; // the recurrence must matter
        for (int t = 0; t < steps; ++t) {
            const Eigen::ArrayXXd in = current.middleCols(t * batch, batch).array();
            const Eigen::ArrayXXd& spikes = neurons.step(in);
            fed += (neurons.drive() - in).abs().sum();
            for (int j = 0; j < batch; ++j)
                for (int i = 0; i < units; ++i) {
                    EXPECT_NEAR(layer.membrane()(i, t * batch + j), neurons.membrane()(i, j),
                                1e-14);
                    EXPECT_EQ(layer.spikes()(i, t * batch + j), spikes(i, j)) << "t " << t;
                }
        }
        EXPECT_GT(fed, 0.1);
    }
}

// A record of 2 classes, T = 3, one sample: spikes and membranes by hand.
struct HandRecord {
    Eigen::MatrixXd spikes{{1, 0, 1}, {0, 1, 1}}; // class 0 fires at t 0, 2; class 1 at t 1, 2
    Eigen::MatrixXd membrane{{0.5, 0.2, 1.5}, {0.1, 2.0, 0.3}};
    OutputRecord record() const { return {spikes, membrane, 3, 1}; }
};

double logSumExp(double a, double b) {
    return std::log(std::exp(a) + std::exp(b));
}

TEST(SpikeReadout, EveryLossByHand) {
    const HandRecord hand;
    LifNetworkSettings s;
    LossGradient g;
    const auto loss = [&](SpikeLoss kind, int label) {
        s.loss = kind;
        computeSpikeLoss(s, hand.record(), {label}, 1.0, g);
        return g.losses[0];
    };
    // ce-count: counts (2, 2): log 2, gradient p − onehot = (−½, ½) at every step.
    EXPECT_NEAR(loss(SpikeLoss::CeCount, 0), std::log(2.0), 1e-15);
    EXPECT_NEAR(g.dSpikes(0, 1), -0.5, 1e-15);
    EXPECT_NEAR(g.dSpikes(1, 2), 0.5, 1e-15);
    // ce-rate: mean over t of CE(S_t): t0 (1,0), t1 (0,1), t2 (1,1), label 1.
    const double ceRate = ((logSumExp(1, 0) - 0) + (logSumExp(0, 1) - 1) + std::log(2.0)) / 3;
    EXPECT_NEAR(loss(SpikeLoss::CeRate, 1), ceRate, 1e-15);
    // mse-count, correct 1 → target 3, incorrect 0: ((2 − 0)² + (2 − 3)²)/2/3.
    EXPECT_NEAR(loss(SpikeLoss::MseCount, 1), (4.0 + 1.0) / 2.0 / 3.0, 1e-15);
    EXPECT_NEAR(g.dSpikes(0, 0), 2.0 * 2.0 / 6.0, 1e-15);
    // ce-max-membrane: max (1.5, 2.0), gradient to t 2 for class 0 and t 1 for class 1.
    EXPECT_NEAR(loss(SpikeLoss::CeMaxMembrane, 0), logSumExp(1.5, 2.0) - 1.5, 1e-15);
    EXPECT_EQ(g.dMembrane(0, 0), 0.0);
    EXPECT_NE(g.dMembrane(0, 2), 0.0);
    EXPECT_NE(g.dMembrane(1, 1), 0.0);
    // mse-membrane, label 0: mean over t of mean over c of (U − onehot)².
    const double mse = ((0.25 + 0.01) + (0.64 + 4.0) + (0.25 + 0.09)) / 2.0 / 3.0;
    EXPECT_NEAR(loss(SpikeLoss::MseMembrane, 0), mse, 1e-15);
    // ce-membrane: Σ_t CE(U_t, 1).
    const double ceMem =
        (logSumExp(0.5, 0.1) - 0.1) + (logSumExp(0.2, 2.0) - 2.0) + (logSumExp(1.5, 0.3) - 0.3);
    EXPECT_NEAR(loss(SpikeLoss::CeMembrane, 1), ceMem, 1e-14);
    // ce-temporal: first spikes 0 and 1, z = (0, −1); gradient at each first-spike step.
    EXPECT_NEAR(loss(SpikeLoss::CeTemporal, 0), logSumExp(0, -1), 1e-15);
    const double p1 = std::exp(-1.0) / (1.0 + std::exp(-1.0));
    EXPECT_NEAR(g.dSpikes(0, 0), -p1, 1e-15);
    EXPECT_NEAR(g.dSpikes(1, 1), p1, 1e-15);
    EXPECT_EQ(g.dSpikes(1, 2), 0.0);
}

TEST(SpikeReadout, DecodingsByHand) {
    HandRecord hand;
    // Counts tie 2-2: the larger summed membrane wins (2.4 against 2.2), then 2.7 against 2.4.
    EXPECT_EQ(decodeSample(SpikeDecoding::Rate, hand.record(), 0), 1);
    hand.membrane(0, 0) = 1.0;
    EXPECT_EQ(decodeSample(SpikeDecoding::Rate, hand.record(), 0), 0);
    hand.membrane(0, 0) = 0.5;
    EXPECT_EQ(decodeSample(SpikeDecoding::Latency, hand.record(), 0), 0);  // fires first
    EXPECT_EQ(decodeSample(SpikeDecoding::Membrane, hand.record(), 0), 1); // max 2.0
    hand.spikes(1, 0) = 1.0;                                               // both at t 0
    EXPECT_EQ(decodeSample(SpikeDecoding::Rate, hand.record(), 0), 1);
    hand.membrane(1, 0) = 0.6; // the tie at t 0 goes to the larger membrane
    EXPECT_EQ(decodeSample(SpikeDecoding::Latency, hand.record(), 0), 1);
    hand.spikes.setZero(); // nobody fires: all at T − 1, the larger membrane there
    EXPECT_EQ(firstSpikeStep(hand.record(), 0, 0), 2);
    EXPECT_EQ(decodeSample(SpikeDecoding::Latency, hand.record(), 0), 0);
}

TEST(ParameterOptimizer, AdamFirstStepIsTheLearningRateTimesTheSign) {
    ParameterOptimizer adam(LifOptimizer::Adam, 0.01, 1, 2);
    Eigen::MatrixXd p{{1.0, 1.0}};
    adam.step(p, Eigen::MatrixXd{{0.5, -2.0}});
    EXPECT_NEAR(p(0, 0), 1.0 - 0.01 * 0.5 / (0.5 + 1e-8), 1e-15);
    EXPECT_NEAR(p(0, 1), 1.0 + 0.01 * 2.0 / (2.0 + 1e-8), 1e-15);
    ParameterOptimizer sgd(LifOptimizer::Sgd, 0.1, 1, 2);
    sgd.step(p, Eigen::MatrixXd{{1.0, 0.0}});
    EXPECT_NEAR(p(0, 0), 1.0 - 0.01 * 0.5 / (0.5 + 1e-8) - 0.1, 1e-15);
}

// Central differences of the batch-mean loss over every weight and bias; returns the loss.
double expectGradientsMatchFiniteDifferences(LifNetworkSettings s, const std::string& what) {
    SCOPED_TRACE(what);
    s.sizes = {4, 5, 3};
    s.steps = 6;
    s.smoothSpikes = true;
    s.surrogate = {SurrogateKind::Sigmoid, 4.0};
    s.threshold = 0.6;
    LifNetwork net(s);
    const Eigen::MatrixXd x = randomMatrix(4, 3, 11, 1.0).cwiseAbs();
    const std::vector<int> labels{0, 2, 1};
    for (auto& w : net.weights())
        w *= 2.0; // enough drive that the membranes cross the threshold and reset
    LifNetwork::Gradients g;
    const double loss = net.meanLossAndGradients(x, labels, g);
    if (!s.resetAttached)
        net.setReplayResets(true);
    LifNetwork::Gradients unused;
    const auto check = [&](Eigen::MatrixXd& p, const Eigen::MatrixXd& grad, const char* name) {
        for (Eigen::Index k = 0; k < p.size(); ++k) {
            const double keep = p(k), h = 1e-6;
            p(k) = keep + h;
            const double up = net.meanLossAndGradients(x, labels, unused);
            p(k) = keep - h;
            const double down = net.meanLossAndGradients(x, labels, unused);
            p(k) = keep;
            const double numeric = (up - down) / (2 * h);
            EXPECT_NEAR(grad(k), numeric, 1e-7 * (1.0 + std::abs(numeric))) << name << " " << k;
        }
    };
    for (std::size_t l = 0; l < net.weights().size(); ++l) {
        check(net.weights()[l], g.weights[l], "weight");
        check(net.biases()[l], g.biases[l], "bias");
    }
    EXPECT_EQ(g.recurrent.size(), net.recurrentWeights().size());
    for (std::size_t l = 0; l < std::min(g.recurrent.size(), net.recurrentWeights().size()); ++l) {
        EXPECT_GT(g.recurrent[l].cwiseAbs().maxCoeff(), 1e-6) << "the check would pass on zeros";
        check(net.recurrentWeights()[l], g.recurrent[l], "recurrent");
    }
    const auto checkScalar = [&](double& p, double grad, const char* name) {
        const double keep = p, h = 1e-6;
        p = keep + h;
        const double up = net.meanLossAndGradients(x, labels, unused);
        p = keep - h;
        const double down = net.meanLossAndGradients(x, labels, unused);
        p = keep;
        const double numeric = (up - down) / (2 * h);
        EXPECT_NEAR(grad, numeric, 1e-7 * (1.0 + std::abs(numeric))) << name;
        return std::abs(numeric);
    };
    // Some are exactly 0 (the top θ of a membrane loss with no reset), none all of them.
    double largest = 0.0;
    for (std::size_t l = 0; l < net.weights().size(); ++l) {
        if (s.learnBeta)
            largest = std::max(largest, checkScalar(net.betas()[l], g.betas[l], "beta"));
        if (s.learnThreshold)
            largest = std::max(largest, checkScalar(net.thresholds()[l], g.thresholds[l], "θ"));
    }
    if (s.learnBeta || s.learnThreshold) {
        EXPECT_GT(largest, 1e-6) << "the scalar check would pass on zeros";
    }
    return loss;
}

// Runs the check for every combination of the lists; `adjust` sets what the test adds.
void checkEveryCombination(std::initializer_list<SpikeLoss> losses,
                           std::initializer_list<LifNeuronKind> neurons, const char* what,
                           void (*adjust)(LifNetworkSettings&)) {
    for (SpikeLoss loss : losses)
        for (LifNeuronKind neuron : neurons)
            for (ResetMechanism reset :
                 {ResetMechanism::Subtract, ResetMechanism::Zero, ResetMechanism::None})
                for (bool attached : {false, true}) {
                    LifNetworkSettings s;
                    s.loss = loss;
                    s.decoding =
                        lossReadsMembrane(loss) ? SpikeDecoding::Membrane : SpikeDecoding::Rate;
                    s.neuron = neuron;
                    s.reset = reset;
                    s.resetAttached = attached;
                    adjust(s);
                    expectGradientsMatchFiniteDifferences(
                        s, std::string(what) + spikeLossName(loss) + " " +
                               lifNeuronKindName(neuron) + " " + resetMechanismName(reset) +
                               (attached ? " attached" : " detached"));
                }
}

TEST(LifNetworkGradients, LearnableBetaAndThresholdEqualFiniteDifferences) {
    checkEveryCombination(
        {SpikeLoss::CeMembrane, SpikeLoss::CeCount},
        {LifNeuronKind::Leaky, LifNeuronKind::Synaptic, LifNeuronKind::RecurrentLeaky},
        "learnable: ", [](LifNetworkSettings& s) {
            s.beta = 0.8;
            s.learnBeta = true;
            s.learnThreshold = true;
        });
}

TEST(LifNetworkGradients, EqualFiniteDifferencesForEveryLossNeuronAndReset) {
    checkEveryCombination({SpikeLoss::CeMembrane, SpikeLoss::CeRate, SpikeLoss::CeCount,
                           SpikeLoss::MseCount, SpikeLoss::CeMaxMembrane, SpikeLoss::MseMembrane},
                          {LifNeuronKind::Leaky, LifNeuronKind::Lapicque, LifNeuronKind::Synaptic,
                           LifNeuronKind::RecurrentLeaky},
                          "", [](LifNetworkSettings& s) {
                              s.correctRate = 0.8;
                              s.incorrectRate = 0.1;
                          });
}

TEST(LifNetworkGradients, RateInputAndTheRatePenalty) {
    LifNetworkSettings s;
    s.input = InputCoding::Rate;
    s.ratePenalty = 0.05;
    expectGradientsMatchFiniteDifferences(s, "rate input, penalty");
    s.input = InputCoding::Latency;
    expectGradientsMatchFiniteDifferences(s, "latency input, penalty");
    s.input = InputCoding::Direct;
    const double plain = expectGradientsMatchFiniteDifferences(s, "direct input, penalty");
    s.upperRate = 0.05;
    s.upperPenalty = 0.1;
    const double upper = expectGradientsMatchFiniteDifferences(s, "upper rate bound");
    EXPECT_GT(upper, plain + 1e-3) << "the upper bound must bite on this network";
    s.lowerRate = 0.3;
    s.lowerPenalty = 0.2;
    const double both = expectGradientsMatchFiniteDifferences(s, "upper and lower rate bounds");
    EXPECT_GT(both, upper + 1e-3) << "the lower bound must bite on this network";
}

TEST(ActivityRegulariser, EachTermByHand) {
    LifNetworkSettings s;
    s.beta = 0.0;
    s.reset = ResetMechanism::None;
    std::vector<LifLayer> layers{LifLayer(s)};
    // Two units, T = 2, one sample: unit 0 fires at both steps, unit 1 at the second.
    layers[0].forward(Eigen::MatrixXd{{2.0, 2.0}, {0.0, 2.0}}, false, 2, 1);
    std::vector<double> losses{0.0};
    std::vector<Eigen::MatrixXd> d;
    EXPECT_FALSE(regulariseActivity(s, layers, 1.0, losses, d));
    s.ratePenalty = 0.1; // eq. 40: 0.1·3
    s.upperRate = 0.25;  // eq. 41: θ_U = 0.25·2·2 = 1, excess 2, 0.5·2²
    s.upperPenalty = 0.5;
    s.lowerRate = 0.75; // eq. 42: θ_L = 1.5, shortfalls 0 and 0.5, (2/2)·0.5²
    s.lowerPenalty = 2.0;
    ASSERT_TRUE(regulariseActivity(s, layers, 2.0, losses, d));
    EXPECT_DOUBLE_EQ(losses[0], 0.3 + 2.0 + 0.25);
    // ∂/∂S over meanOver 2: 0.1 + 2·0.5·2 for both, minus 2·1·0.5 for unit 1.
    EXPECT_DOUBLE_EQ(d[0](0, 0), 2.1 / 2.0);
    EXPECT_DOUBLE_EQ(d[0](1, 0), 1.1 / 2.0);
    Eigen::MatrixXd everyStep = Eigen::MatrixXd::Ones(2, 2);
    addAtEveryStep(everyStep, d[0], 2);
    EXPECT_DOUBLE_EQ(everyStep(1, 1), 1.0 + 1.1 / 2.0);
}

// The three methods' gradients on one network and batch.
struct MethodGradients {
    LifNetwork::Gradients bptt, traces;
};
MethodGradients gradientsByMethod(LifNetworkSettings s, LifMethod method,
                                  double recurrentScale = 1.0) {
    const Eigen::MatrixXd x = randomMatrix(s.sizes.front(), 5, 21, 1.0).cwiseAbs();
    const std::vector<int> labels{0, 1, 2, 1, 0};
    MethodGradients g;
    LifNetwork bptt(s);
    for (auto& w : bptt.weights())
        w *= 3.0; // the hidden units fire and reset
    for (auto& v : bptt.recurrentWeights())
        v *= recurrentScale;
    bptt.meanLossAndGradients(x, labels, g.bptt);
    s.method = method;
    LifNetwork traces(s);
    traces.weights() = bptt.weights();
    traces.recurrentWeights() = bptt.recurrentWeights();
    traces.meanLossAndGradients(x, labels, g.traces);
    return g;
}

double maxDifference(const LifNetwork::Gradients& a, const LifNetwork::Gradients& b) {
    double worst = 0.0;
    for (std::size_t l = 0; l < a.weights.size(); ++l) {
        worst = std::max(worst, (a.weights[l] - b.weights[l]).cwiseAbs().maxCoeff());
        worst = std::max(worst, (a.biases[l] - b.biases[l]).cwiseAbs().maxCoeff());
    }
    for (std::size_t l = 0; l < a.recurrent.size(); ++l)
        worst = std::max(worst, (a.recurrent[l] - b.recurrent[l]).cwiseAbs().maxCoeff());
    return worst;
}

TEST(LifNetworkOnline, RtrlEqualsBpttForOneLayer) {
    for (SpikeLoss loss : {SpikeLoss::CeMembrane, SpikeLoss::CeCount, SpikeLoss::MseMembrane})
        for (InputCoding input : {InputCoding::Direct, InputCoding::Rate})
            for (ResetMechanism reset : {ResetMechanism::Subtract, ResetMechanism::None}) {
                LifNetworkSettings s;
                s.sizes = {6, 3};
                s.steps = 12;
                s.loss = loss;
                s.decoding =
                    lossReadsMembrane(loss) ? SpikeDecoding::Membrane : SpikeDecoding::Rate;
                s.input = input;
                s.reset = reset;
                s.ratePenalty = 0.01;
                s.upperRate = 0.1;
                s.upperPenalty = 0.01;
                s.lowerRate = 0.2;
                s.lowerPenalty = 0.05;
                const MethodGradients g = gradientsByMethod(s, LifMethod::Rtrl);
                EXPECT_LT(maxDifference(g.bptt, g.traces), 1e-12)
                    << spikeLossName(loss) << " " << inputCodingName(input) << " "
                    << resetMechanismName(reset);
                EXPECT_GT(g.bptt.weights[0].cwiseAbs().maxCoeff(), 1e-6); // not trivially 0
            }
}

double cosine(const LifNetwork::Gradients& a, const LifNetwork::Gradients& b) {
    double dot = 0.0, na = 0.0, nb = 0.0;
    for (std::size_t l = 0; l < a.weights.size(); ++l) {
        dot += (a.weights[l].array() * b.weights[l].array()).sum();
        na += a.weights[l].squaredNorm();
        nb += b.weights[l].squaredNorm();
    }
    for (std::size_t l = 0; l < a.recurrent.size(); ++l) {
        dot += (a.recurrent[l].array() * b.recurrent[l].array()).sum();
        na += a.recurrent[l].squaredNorm();
        nb += b.recurrent[l].squaredNorm();
    }
    return dot / std::sqrt(na * nb);
}

TEST(LifNetworkOnline, EpropEqualsBpttWhenTheUpperLayersForgetAndApproximatesItOtherwise) {
    LifNetworkSettings s;
    s.sizes = {6, 8, 3};
    s.steps = 12;
    s.loss = SpikeLoss::CeCount;
    s.surrogate = {SurrogateKind::FastSigmoid, 5.0};
    // β = 0: no layer carries anything to its next step, e-prop drops nothing.
    s.beta = 0.0;
    EXPECT_LT(maxDifference(gradientsByMethod(s, LifMethod::Bptt).bptt,
                            gradientsByMethod(s, LifMethod::Eprop).traces),
              1e-12);
    // β = 0.9: the top layer's memory is dropped; the two gradients still point alike.
    s.beta = 0.9;
    const MethodGradients g = gradientsByMethod(s, LifMethod::Eprop);
    const double c = cosine(g.bptt, g.traces);
    std::printf("e-prop vs BPTT gradient cosine, [6, 8, 3], beta 0.9, T 12: %.4f\n", c);
    EXPECT_GT(c, 0.5);
    EXPECT_LT(c, 1.0 - 1e-9); // and they differ
}

TEST(LifNetworkOnline, EpropLearnsRecurrentWeightsExactlyWhereNothingIsCarried) {
    LifNetworkSettings s;
    s.sizes = {6, 8, 3};
    s.steps = 12;
    s.neuron = LifNeuronKind::RecurrentLeaky;
    s.loss = SpikeLoss::CeCount;
    s.surrogate = {SurrogateKind::FastSigmoid, 5.0};
    // β = 0 and V = 0: S_{t−1} is an input like any other; e-prop's V gradient is BPTT's.
    s.beta = 0.0;
    const MethodGradients exact = gradientsByMethod(s, LifMethod::Eprop, 0.0);
    EXPECT_LT(maxDifference(exact.bptt, exact.traces), 1e-12);
    EXPECT_GT(exact.bptt.recurrent[0].cwiseAbs().maxCoeff(), 1e-6);
    // With memory and feedback, e-prop drops both paths; the direction stays alike.
    s.beta = 0.9;
    const MethodGradients g = gradientsByMethod(s, LifMethod::Eprop, 0.5);
    const double c = cosine(g.bptt, g.traces);
    std::printf("e-prop vs BPTT gradient cosine, rleaky [6, 8, 3], beta 0.9, T 12: %.4f\n", c);
    EXPECT_GT(c, 0.5);
    EXPECT_LT(c, 1.0 - 1e-9);
    s.method = LifMethod::Rtrl;
    s.sizes = {6, 3};
    EXPECT_THROW(LifNetwork{s}, InputError);
}

TEST(LifNetwork, DeltaInputFiresOnceAtStepOneWherethePixelExceedsTheThreshold) {
    for (DeltaReference reference : {DeltaReference::LastSpike, DeltaReference::PreviousSample}) {
        LifNetworkSettings s;
        s.sizes = {4, 2};
        s.steps = 5;
        s.input = InputCoding::Delta;
        s.deltaReference = reference;
        LifNetwork net(s);
        std::vector<TrainStep> steps;
        net.trainBatch(Eigen::Vector4d(0.05, 0.1, 0.3, 0.0), {1}, steps);
        std::vector<UnitSpike> spikes;
        net.lastSpikes(0, spikes);
        // 0.1 − 0 is the threshold itself: snnTorch's ≥ fires, our strict > does not.
        std::vector<UnitSpike> expected{{0, 2, 1.0}};
        if (reference == DeltaReference::PreviousSample)
            expected.insert(expected.begin(), {0, 1, 1.0});
        ASSERT_EQ(spikes.size(), expected.size()) << deltaReferenceName(reference);
        for (std::size_t k = 0; k < spikes.size(); ++k) {
            EXPECT_EQ(spikes[k].step, expected[k].step);
            EXPECT_EQ(spikes[k].unit, expected[k].unit);
            EXPECT_EQ(spikes[k].value, 1.0);
        }
    }
    LifNetworkSettings bad;
    bad.input = InputCoding::Delta;
    bad.deltaThreshold = 0.0;
    EXPECT_THROW(LifNetwork{bad}, InputError);
}

TEST(LifNetwork, RefusesSettingsItCannotRun) {
    LifNetworkSettings s;
    s.beta = 1.5;
    EXPECT_THROW(LifNetwork{s}, InputError);
    s = {};
    s.loss = SpikeLoss::CeTemporal; // needs latency decoding
    EXPECT_THROW(LifNetwork{s}, InputError);
    s.decoding = SpikeDecoding::Latency;
    s.input = InputCoding::Rate;
    EXPECT_NE(validationError(s).find("rate"), std::string::npos);
    s.input = InputCoding::Direct;
    EXPECT_EQ(validationError(s), "");
    s = {};
    s.loss = SpikeLoss::CeCount;
    s.decoding = SpikeDecoding::Membrane;
    EXPECT_NE(validationError(s), "");
    s = {};
    s.method = LifMethod::Rtrl; // exact for one layer only
    EXPECT_NE(validationError(s).find("one layer"), std::string::npos);
    s.method = LifMethod::Eprop;
    s.reset = ResetMechanism::Zero;
    EXPECT_NE(validationError(s), "");
}

// A 1-2-2 network whose spikes are worked out by hand: β = 0, θ = 1, subtract reset,
// direct input 1 for T = 4 steps. Hidden unit 0 gets I = 2: U = 2, 1, 2, 1 (the reset
// of a step follows the spike of the step before), spikes at t = 1 and 3; hidden unit 1
// gets I = −1 and never fires. Output unit 0 gets 1.5·S: U = 1.5, −1, 1.5, −1, spikes
// at t = 1 and 3; output unit 1 gets nothing.
std::unique_ptr<LifNetwork> handMadeNetwork(int activityWindow) {
    LifNetworkSettings s;
    s.sizes = {1, 2, 2};
    s.beta = 0.0;
    s.threshold = 1.0;
    s.steps = 4;
    s.batch = 1;
    s.activityWindow = activityWindow;
    s.loss = SpikeLoss::CeCount;
    s.learningRate = 1e-300; // a step far below the weights' last bit: they stay as set
    auto net = std::make_unique<LifNetwork>(s);
    net->weights()[0] << 2.0, -1.0;
    net->weights()[1] << 1.5, 0.0, 0.0, 0.0;
    for (Eigen::MatrixXd& b : net->biases())
        b.setZero();
    return net;
}

TEST(LifNetwork, ReportsEachLayersRateSilentUnitsAndOutputMembrane) {
    const std::unique_ptr<LifNetwork> owner = handMadeNetwork(1);
    LifNetwork& net = *owner;
    std::vector<TrainStep> steps;
    net.trainBatch(Eigen::MatrixXd::Ones(1, 1), {0}, steps);
    const std::optional<SpikeActivity> a = net.activity();
    ASSERT_TRUE(a.has_value());
    EXPECT_EQ(a->spikesPerSample, 4.0);
    EXPECT_EQ(a->deadFraction, 0.5);
    ASSERT_EQ(a->layerRates.size(), 2u);
    EXPECT_EQ(a->layerRates[0], 2.0 / 8.0); // 2 spikes of 2 units over 4 steps
    EXPECT_EQ(a->layerRates[1], 2.0 / 8.0);
    EXPECT_EQ(a->layerDeadFractions[0], 0.5);
    EXPECT_EQ(a->layerDeadFractions[1], 0.5);

    const MembraneTrace trace = net.lastOutputMembrane();
    ASSERT_EQ(trace.potential.rows(), 4);
    ASSERT_EQ(trace.potential.cols(), 2);
    const double expected[4] = {1.5, -1.0, 1.5, -1.0};
    for (int t = 0; t < 4; ++t) {
        EXPECT_DOUBLE_EQ(trace.potential(t, 0), expected[t]) << "t " << t;
        EXPECT_EQ(trace.potential(t, 1), 0.0);
    }
    EXPECT_EQ(trace.threshold, 1.0);
}

TEST(LifNetwork, GradientNormsAreTheWindowMeanOfEachLayersWeightGradient) {
    // Window of two samples (two batches of one): the mean of the two batches' norms.
    const std::unique_ptr<LifNetwork> owner = handMadeNetwork(2);
    LifNetwork& net = *owner;
    LifNetwork::Gradients first, second;
    const Eigen::MatrixXd x1 = Eigen::MatrixXd::Ones(1, 1),
                          x2 = Eigen::MatrixXd::Constant(1, 1, 0.8);
    net.meanLossAndGradients(x1, {1}, first);
    net.meanLossAndGradients(x2, {0}, second);
    std::vector<TrainStep> steps;
    net.trainBatch(x1, {1}, steps);
    net.trainBatch(x2, {0}, steps);
    const std::vector<double> norms = net.gradientNorms();
    ASSERT_EQ(norms.size(), 2u);
    for (std::size_t l = 0; l < 2; ++l) {
        const double mean = 0.5 * (first.weights[l].norm() + second.weights[l].norm());
        EXPECT_GT(mean, 0.0) << "layer " << l; // the check below would hold for zeros too
        EXPECT_DOUBLE_EQ(norms[l], mean) << "layer " << l;
    }
    // A third batch pushes the first out of the window.
    net.trainBatch(x2, {0}, steps);
    EXPECT_DOUBLE_EQ(net.gradientNorms()[1], second.weights[1].norm());
}

// A LIF run through the Learning lab's settings: Adam, one hidden layer.
TrainingSettings lifTraining(int hidden, int steps) {
    TrainingSettings s;
    s.model = ModelKind::Lif;
    s.hidden = {hidden};
    s.timeSteps = steps;
    s.optimizer = Optimizer::Adam;
    return s;
}

TEST(LifNetwork, SmallSeededRunReachesStatedAccuracyAndRepeats) {
    const ImageDataset data = makeSyntheticDigits(2000, 500, 1);
    TrainingSettings s = lifTraining(50, 25);
    s.epochs = 3;
    s.learningRate = 2e-3;
    auto model = makeClassifier(s, data.inputSize(), data.classCount(), data.train.size());
    const TrainingResult result = runTraining(*model, data, s);
    EXPECT_GE(result.finalTestAccuracy, 0.85);
    EXPECT_EQ(result.curve.back().samples, 6000u);
    ASSERT_TRUE(result.activity.has_value());
    EXPECT_GT(result.activity->spikesPerSample, 0.0);
    EXPECT_LT(result.activity->deadFraction, 0.5);
    auto again = makeClassifier(s, data.inputSize(), data.classCount(), data.train.size());
    EXPECT_EQ(runTraining(*again, data, s).finalTestAccuracy, result.finalTestAccuracy);
}

TEST(LifNetwork, AHighThresholdKillsTheHiddenLayer) {
    // The dead-neuron effect: θ far above what the inputs can drive, nothing fires,
    // no surrogate gradient reaches the weights from the spikes, accuracy stays at chance.
    const ImageDataset data = makeSyntheticDigits(600, 200, 2);
    TrainingSettings s = lifTraining(30, 10);
    s.lif.threshold = 50.0;
    s.lif.loss = SpikeLoss::CeCount;
    auto model = makeClassifier(s, data.inputSize(), data.classCount(), data.train.size());
    const TrainingResult result = runTraining(*model, data, s);
    ASSERT_TRUE(result.activity.has_value());
    EXPECT_EQ(result.activity->deadFraction, 1.0);
    EXPECT_LT(result.finalTestAccuracy, 0.2);
}

} // namespace
} // namespace sdlab
