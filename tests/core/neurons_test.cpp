// The spiking neurons and surrogate gradients of spec §10 (snnTorch's conventions):
// hand-computed steps with both resets and none, the strict threshold, the reset taken
// from the previous step's membrane, minibatch columns independent; each surrogate at
// hand-picked points and as the derivative of its smooth step (central differences).
// Values are chosen to be exact in binary so the steps compare exactly.
#include "io/input_error.h"
#include "neurons/lapicque_neuron.h"
#include "neurons/leaky_neuron.h"
#include "neurons/recurrent_leaky_neuron.h"
#include "neurons/surrogate_gradient.h"
#include "neurons/synaptic_neuron.h"

#include <cmath>
#include <gtest/gtest.h>
#include <numbers>
#include <vector>

namespace sdlab {
namespace {

Eigen::ArrayXXd constant(double value) {
    return Eigen::ArrayXXd::Constant(1, 1, value);
}

template <class Neurons>
void expectSteps(Neurons& neurons, const std::vector<double>& current,
                 const std::vector<double>& membrane, const std::vector<double>& spikes) {
    for (std::size_t t = 0; t < current.size(); ++t) {
        const Eigen::ArrayXXd& s = neurons.step(constant(current[t]));
        EXPECT_EQ(neurons.membrane()(0, 0), membrane[t]) << "t " << t + 1;
        EXPECT_EQ(s(0, 0), spikes[t]) << "t " << t + 1;
    }
}

LeakyParams leaky(double beta, ResetMechanism reset) {
    return {beta, {1.0, reset}};
}

TEST(LeakyNeurons, SubtractResetFromThePreviousStep) {
    // t2 fires (1.125); t3 subtracts θ for it: 0.5625 + 0.75 − 1.
    LeakyNeurons n(1, 1, leaky(0.5, ResetMechanism::Subtract));
    expectSteps(n, {0.75, 0.75, 0.75, 0.75, 0.75}, {0.75, 1.125, 0.3125, 0.90625, 1.203125},
                {0, 1, 0, 0, 1});
}

TEST(LeakyNeurons, ZeroResetKeepsTheStepsInput) {
    // snnTorch's Leaky zeroes the old membrane only: U_3 = 0.5·0·1.125 + 0.75.
    LeakyNeurons n(1, 1, leaky(0.5, ResetMechanism::Zero));
    expectSteps(n, {0.75, 0.75, 0.75, 0.75}, {0.75, 1.125, 0.75, 1.125}, {0, 1, 0, 1});
}

TEST(LeakyNeurons, NoResetKeepsIntegrating) {
    LeakyNeurons n(1, 1, leaky(0.5, ResetMechanism::None));
    expectSteps(n, {0.75, 0.75, 0.75, 0.75}, {0.75, 1.125, 1.3125, 1.40625}, {0, 1, 1, 1});
}

TEST(LeakyNeurons, TheThresholdIsStrict) {
    // U reaches θ exactly at t2: no spike, and so no reset at t3.
    LeakyNeurons n(1, 1, leaky(0.5, ResetMechanism::Subtract));
    expectSteps(n, {0.5, 0.75, 0.0}, {0.5, 1.0, 0.5}, {0, 0, 0});
    EXPECT_EQ(n.lastReset()(0, 0), 0.0);
    n.reset();
    expectSteps(n, {0.75}, {0.75}, {0});
}

TEST(LeakyNeurons, MinibatchColumnsAreIndependentSamples) {
    LeakyNeurons batch(2, 3, leaky(0.9, ResetMechanism::Subtract));
    Eigen::ArrayXXd current(2, 3);
    current << 0.3, 0.7, 1.1, 0.2, 0.0, 0.9;
    std::vector<LeakyNeurons> single;
    for (int k = 0; k < 6; ++k)
        single.emplace_back(1, 1, leaky(0.9, ResetMechanism::Subtract));
    for (int t = 0; t < 8; ++t) {
        batch.step(current);
        for (int k = 0; k < 6; ++k) {
            single[static_cast<std::size_t>(k)].step(constant(current(k % 2, k / 2)));
            EXPECT_EQ(batch.membrane()(k % 2, k / 2),
                      single[static_cast<std::size_t>(k)].membrane()(0, 0));
        }
    }
}

TEST(LeakyNeurons, BadParametersAreRefused) {
    EXPECT_THROW(LeakyNeurons(1, 1, leaky(1.5, ResetMechanism::Subtract)), InputError);
    EXPECT_THROW(LeakyNeurons(1, 1, leaky(-0.1, ResetMechanism::Subtract)), InputError);
    EXPECT_THROW(LeakyNeurons(1, 1, LeakyParams{0.5, {0.0, ResetMechanism::Subtract}}), InputError);
    EXPECT_NO_THROW(LeakyNeurons(1, 1, leaky(1.0, ResetMechanism::None))); // integrate-and-fire
    EXPECT_EQ(parseResetMechanism("zero"), ResetMechanism::Zero);
    EXPECT_STREQ(resetMechanismName(ResetMechanism::None), "none");
    EXPECT_FALSE(parseResetMechanism("half").has_value());
}

TEST(LapicqueNeurons, ForwardEulerInSnnTorchsForm) {
    // R = 2, C = 0.5, Δt = 0.25: RC = 1, decay 0.75, input gain R·(1/RC)·Δt = 0.5.
    LapicqueParams p{2.0, 0.5, 0.25, {1.0, ResetMechanism::Subtract}};
    EXPECT_EQ(p.decay(), 0.75);
    LapicqueNeurons subtract(1, 1, p);
    expectSteps(subtract, {1, 1, 1, 1}, {0.5, 0.875, 1.15625, 0.3671875}, {0, 0, 1, 0});
    p.neuron.reset = ResetMechanism::Zero; // the whole new membrane is zeroed
    LapicqueNeurons zero(1, 1, p);
    expectSteps(zero, {1, 1, 1, 1}, {0.5, 0.875, 1.15625, 0.0}, {0, 0, 1, 0});
}

TEST(LapicqueNeurons, GivenBetaItDecaysByOneMinusLogOneOverBeta) {
    // snnTorch: R = 1, C = Δt/ln(1/β); so the per-step decay is not β.
    const LapicqueParams p = LapicqueParams::fromBeta(0.5);
    EXPECT_EQ(p.resistance, 1.0);
    EXPECT_NEAR(p.capacitance, 1.0 / std::log(2.0), 1e-15);
    EXPECT_NEAR(p.decay(), 1.0 - std::log(2.0), 1e-15);
    EXPECT_THROW(LapicqueNeurons(1, 1, LapicqueParams::fromBeta(0.0)), InputError);
    EXPECT_THROW(LapicqueNeurons(1, 1, LapicqueParams::fromBeta(1.2)), InputError);
    LapicqueNeurons still(1, 1, LapicqueParams::fromBeta(1.0)); // C infinite: no input enters
    expectSteps(still, {5.0, 5.0}, {0.0, 0.0}, {0, 0});
}

TEST(SynapticNeurons, SecondOrderStepsWithEachReset) {
    SynapticParams p{0.5, 0.5, {1.0, ResetMechanism::Subtract}};
    SynapticNeurons subtract(1, 1, p);
    // syn 0.5, 0.75, 0.875, 0.9375; U reaches θ exactly at t2 (no spike), fires at t3.
    expectSteps(subtract, {0.5, 0.5, 0.5, 0.5}, {0.5, 1.0, 1.375, 0.625}, {0, 0, 1, 0});
    EXPECT_EQ(subtract.synapticCurrent()(0, 0), 0.9375); // never reset
    p.neuron.reset = ResetMechanism::Zero;
    SynapticNeurons zero(1, 1, p);
    expectSteps(zero, {0.5, 0.5, 0.5, 0.5}, {0.5, 1.0, 1.375, 0.0}, {0, 0, 1, 0});
    EXPECT_EQ(zero.synapticCurrent()(0, 0), 0.9375);
    EXPECT_THROW(SynapticNeurons(1, 1, SynapticParams{1.5, 0.5, {}}), InputError);
}

TEST(RecurrentLeakyNeurons, OneToOneFeedsBackEachUnitsSpike) {
    RecurrentLeakyNeurons n(1, leaky(0.5, ResetMechanism::Subtract),
                            Eigen::ArrayXd::Constant(1, 0.5));
    // t3's drive is 0.75 + 0.5·S_2 = 1.25.
    expectSteps(n, {0.75, 0.75, 0.75, 0.75}, {0.75, 1.125, 0.8125, 1.15625}, {0, 1, 0, 1});
    EXPECT_EQ(n.drive()(0, 0), 0.75);
}

TEST(RecurrentLeakyNeurons, ZeroResetClearsTheWholeNewMembraneAsSnntorchsRLeaky) {
    RecurrentLeakyNeurons n(1, leaky(0.5, ResetMechanism::Zero), Eigen::ArrayXd::Constant(1, 0.5));
    // t3: R = 1 clears β·U + I + V·S = 1.8125 entirely (Leaky's rule would keep 1.25 and fire).
    expectSteps(n, {0.75, 0.75, 0.75, 0.75}, {0.75, 1.125, 0.0, 0.75}, {0, 1, 0, 0});
}

TEST(RecurrentLeakyNeurons, AllToAllWithItsBias) {
    Eigen::MatrixXd v(2, 2);
    v << 0.0, 1.0, 0.0, 0.0; // unit 0 hears unit 1
    RecurrentLeakyNeurons n(1, leaky(0.5, ResetMechanism::Subtract), v, Eigen::Vector2d(0.0, 0.25));
    Eigen::ArrayXXd current(2, 1);
    current << 0.0, 1.5;
    n.step(current); // unit 1: 1.5 + 0.25 fires
    EXPECT_EQ(n.membrane()(1, 0), 1.75);
    EXPECT_EQ(n.spikes()(1, 0), 1.0);
    n.step(current); // unit 0 is driven by unit 1's spike to exactly θ: no spike
    EXPECT_EQ(n.membrane()(0, 0), 1.0);
    EXPECT_EQ(n.spikes()(0, 0), 0.0);
    EXPECT_EQ(n.membrane()(1, 0), 0.875 + 1.75 - 1.0);
    EXPECT_THROW(RecurrentLeakyNeurons(1, leaky(0.5, ResetMechanism::Subtract),
                                       Eigen::MatrixXd::Zero(2, 3), Eigen::VectorXd::Zero(2)),
                 InputError);
}

TEST(SurrogateGradient, ValuesAtHandPickedPoints) {
    const auto g = [](SurrogateKind kind, double x) {
        return SurrogateGradient::withDefaultSlope(kind).derivative(x);
    };
    EXPECT_DOUBLE_EQ(g(SurrogateKind::Atan, 0.0), 1.0); // α/2
    EXPECT_DOUBLE_EQ(g(SurrogateKind::Atan, 1.0),
                     1.0 / (1.0 + std::numbers::pi * std::numbers::pi));
    EXPECT_DOUBLE_EQ(g(SurrogateKind::Sigmoid, 0.0), 6.25); // k/4
    const double e = std::exp(-25.0 * 0.1);
    EXPECT_NEAR(g(SurrogateKind::Sigmoid, 0.1), 25.0 * e / ((1.0 + e) * (1.0 + e)), 1e-14);
    EXPECT_DOUBLE_EQ(g(SurrogateKind::FastSigmoid, 0.0), 1.0);
    EXPECT_DOUBLE_EQ(g(SurrogateKind::FastSigmoid, -0.04), 0.25); // 1/(1 + 1)²
    EXPECT_DOUBLE_EQ(g(SurrogateKind::Triangular, 0.5), 0.5);
    EXPECT_DOUBLE_EQ(g(SurrogateKind::Triangular, -1.5), 0.0);
    EXPECT_DOUBLE_EQ(g(SurrogateKind::StraightThrough, 3.0), 1.0);
    EXPECT_DOUBLE_EQ((SurrogateGradient{SurrogateKind::Triangular, 0.5}.derivative(0.25)), 1.0);
    EXPECT_DOUBLE_EQ((SurrogateGradient{SurrogateKind::Atan, 4.0}.derivative(0.0)), 2.0);
}

TEST(SurrogateGradient, EachIsTheDerivativeOfItsSmoothStep) {
    for (SurrogateKind kind :
         {SurrogateKind::Atan, SurrogateKind::Sigmoid, SurrogateKind::FastSigmoid,
          SurrogateKind::Triangular, SurrogateKind::StraightThrough}) {
        for (double slope : {0.5, 1.0, 3.0}) {
            const SurrogateGradient g{kind, slope};
            EXPECT_EQ(g.smoothStep(0.0), 0.5) << surrogateKindName(kind);
            for (double x : {-2.3, -0.7, -0.13, 0.21, 0.6, 1.7}) {
                const double h = 1e-6;
                const double numeric = (g.smoothStep(x + h) - g.smoothStep(x - h)) / (2 * h);
                EXPECT_NEAR(numeric, g.derivative(x), 1e-7 * std::max(1.0, g.derivative(x)))
                    << surrogateKindName(kind) << " slope " << slope << " x " << x;
            }
        }
        EXPECT_EQ(parseSurrogateKind(surrogateKindName(kind)), kind);
    }
    // The triangle has area 1: its step runs from exactly 0 to exactly 1.
    const SurrogateGradient triangle{SurrogateKind::Triangular, 1.0};
    EXPECT_EQ(triangle.smoothStep(-1.0), 0.0);
    EXPECT_EQ(triangle.smoothStep(2.0), 1.0);
    EXPECT_FALSE(validationError({SurrogateKind::Sigmoid, 0.0}).empty());
    EXPECT_TRUE(validationError({SurrogateKind::StraightThrough, 0.0}).empty());
    EXPECT_FALSE(parseSurrogateKind("relu").has_value());
}

} // namespace
} // namespace sdlab
