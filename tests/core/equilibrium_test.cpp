// Equilibrium Propagation (thesis ch. 2.7, 7, 8; spec §7): the energy and its dynamics,
// the fixed point, the contrastive update as a gradient, spiking convergence, step sizes.
#include "equilibrium/continuous_settler.h"
#include "equilibrium/eqprop_classifier.h"
#include "equilibrium/feedforward_initializer.h"
#include "equilibrium/hard_sigmoid.h"
#include "equilibrium/neuron_trace.h"
#include "equilibrium/neuron_trace_file.h"
#include "equilibrium/settle_ensemble.h"
#include "equilibrium/settle_run.h"
#include "equilibrium/spiking_settler.h"
#include "equilibrium/step_sizes.h"
#include "io/input_error.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <random>

using namespace sdlab;

namespace {

Eigen::VectorXd randomInput(int n, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    Eigen::VectorXd x(n);
    for (Eigen::Index i = 0; i < n; ++i)
        x[i] = uniform(rng);
    return x;
}

// Scales the weights and sets the biases so every unit settles inside (0, 1), where
// the fixed point is a smooth function of the parameters (needed for the gradient check).
void makeInterior(EnergyNetwork& net, double weightScale, double bias) {
    for (int l = 0; l < net.stateLayerCount(); ++l) {
        net.weights(l) *= weightScale;
        net.bias(l).setConstant(bias);
    }
}

double maxAbs(const EqState& a, const EqState& b) {
    double m = 0.0;
    for (std::size_t l = 0; l < a.size(); ++l)
        m = std::max(m, (a[l] - b[l]).cwiseAbs().maxCoeff());
    return m;
}

} // namespace

TEST(HardSigmoid, ClipsAndKeepsTheSlopeOnTheClosedInterval) {
    EXPECT_EQ(hardSigmoid(-0.5), 0.0);
    EXPECT_EQ(hardSigmoid(0.25), 0.25);
    EXPECT_EQ(hardSigmoid(1.5), 1.0);
    EXPECT_EQ(hardSigmoidSlope(0.0), 1.0); // a clamped unit still feels its drive
    EXPECT_EQ(hardSigmoidSlope(1.0), 1.0);
    EXPECT_EQ(hardSigmoidSlope(1.01), 0.0);
    EXPECT_DOUBLE_EQ(leakyHardSigmoid(2.0, 0.01), 1.02);
    EXPECT_DOUBLE_EQ(leakyHardSigmoidSlope(-3.0, 0.01), 0.01);
}

TEST(EnergyNetwork, EnergyMatchesEquationOnAHandCase) {
    // 1 input, 1 hidden, 1 output: E = ½(h² + o²) − b_h ρ(h) − b_o ρ(o) − x w0 ρ(h) − ρ(h) w1 ρ(o).
    EnergyNetwork net({1, 1, 1}, 3);
    net.weights(0)(0, 0) = 0.5;
    net.weights(1)(0, 0) = -2.0;
    net.bias(0)[0] = 0.25;
    net.bias(1)[0] = 1.0;
    const EqState s{Eigen::VectorXd::Constant(1, 0.4), Eigen::VectorXd::Constant(1, 1.5)};
    const Eigen::VectorXd x = Eigen::VectorXd::Constant(1, 0.8);
    // ρ(o) = 1: ½(0.16 + 2.25) − 0.25·0.4 − 1·1 − 0.8·0.5·0.4 + 2·0.4·1
    const double expected = 1.205 - 0.1 - 1.0 - 0.16 + 0.8;
    EXPECT_NEAR(net.energy(s, x), expected, 1e-15);
}

TEST(ContinuousSettler, EnergyFallsAtEveryStepForASmallStep) {
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        EnergyNetwork net({12, 16, 10, 4}, seed);
        for (int l = 0; l < net.stateLayerCount(); ++l)
            net.bias(l) =
                randomInput(net.sizes()[static_cast<std::size_t>(l) + 1], seed + 10).array() - 0.5;
        const Eigen::VectorXd x = randomInput(12, seed);
        ContinuousSettler settler(net);
        settler.setInput(x);
        EqState s = net.zeroState();
        double energy = net.energy(s, x);
        const double start = energy;
        for (int t = 0; t < 400; ++t) {
            settler.step(s, 0.05);
            const double next = net.energy(s, x);
            ASSERT_LE(next, energy + 1e-12) << "seed " << seed << " step " << t;
            energy = next;
        }
        EXPECT_LT(energy, start - 0.01) << "the dynamics must actually move";
    }
}

TEST(ContinuousSettler, FixedPointIsTheClippedDrive) {
    EnergyNetwork net({30, 40, 10}, 7);
    net.bias(0).setConstant(0.2);
    net.bias(1).setConstant(-0.1);
    const Eigen::VectorXd x = randomInput(30, 8);
    ContinuousSettler settler(net);
    settler.setInput(x);
    const EqState s = settler.fixedPoint(net.zeroState());
    Eigen::VectorXd inputDrive;
    net.inputDrive(x, inputDrive);
    EqState drive;
    net.drives(s, inputDrive, drive);
    double worst = 0.0;
    int interior = 0, clipped = 0;
    for (std::size_t l = 0; l < s.size(); ++l)
        for (Eigen::Index i = 0; i < s[l].size(); ++i) {
            worst = std::max(worst, std::abs(s[l][i] - hardSigmoid(drive[l][i])));
            (s[l][i] > 0.0 && s[l][i] < 1.0 ? interior : clipped) += 1;
        }
    EXPECT_LT(worst, 1e-10);
    EXPECT_GT(interior, 5); // a fixed point with both kinds of units, not a trivial one
    EXPECT_GT(clipped, 5);
}

TEST(ContinuousSettler, ClampAndAnchorTermsMoveTheFixedPointAsDerived) {
    // With the clamp, the output's fixed point solves 0 = −s + d + β(y − s): s = (d + βy)/(1 + β);
    // with the anchor, 0 = −s + d + 2λ(s^f − s): s = (d + 2λ s^f)/(1 + 2λ).
    EnergyNetwork net({5, 6, 3}, 11);
    makeInterior(net, 0.3, 0.5);
    const Eigen::VectorXd x = randomInput(5, 12);
    const Eigen::VectorXd y = Eigen::Vector3d(0.0, 1.0, 0.0);
    const EqState anchor{Eigen::VectorXd::Constant(6, 0.9), Eigen::VectorXd::Constant(3, 0.1)};
    ContinuousSettler settler(net);
    settler.setInput(x);
    Eigen::VectorXd inputDrive;
    net.inputDrive(x, inputDrive);
    EqState drive;

    SettleTerms clamp;
    clamp.beta = 0.7;
    clamp.target = &y;
    EqState s = settler.fixedPoint(net.zeroState(), clamp);
    net.drives(s, inputDrive, drive);
    EXPECT_LT((s[1] - (drive[1] + 0.7 * y) / 1.7).cwiseAbs().maxCoeff(), 1e-10);
    EXPECT_LT((s[0] - drive[0]).cwiseAbs().maxCoeff(), 1e-10);

    SettleTerms anchored;
    anchored.anchor = 0.1;
    anchored.anchorState = &anchor;
    s = settler.fixedPoint(net.zeroState(), anchored);
    net.drives(s, inputDrive, drive);
    for (std::size_t l = 0; l < 2; ++l)
        EXPECT_LT((s[l] - (drive[l] + 0.2 * anchor[l]) / 1.2).cwiseAbs().maxCoeff(), 1e-10);
}

// Eq. 2.11: as β → 0 the contrastive update is −η times the gradient of
// C = ½‖s⁻_O − y‖² at the fixed point; checked against central finite differences.
TEST(EqPropClassifier, ContrastiveUpdateApproachesTheLossGradient) {
    EqPropSettings settings;
    settings.sizes = {3, 4, 2};
    settings.learningRates = {1.0, 1.0};
    settings.seed = 5;
    EqPropClassifier model(settings);
    EnergyNetwork& net = model.network();
    makeInterior(net, 0.2, 0.5);
    const Eigen::VectorXd x = randomInput(3, 6);
    const Eigen::VectorXd y = Eigen::Vector2d(1.0, 0.0);

    auto loss = [&](const EnergyNetwork& n) {
        ContinuousSettler settler(n);
        settler.setInput(x);
        const EqState s = settler.fixedPoint(n.zeroState());
        return 0.5 * (s.back() - y).squaredNorm();
    };
    for (const double beta : {1e-5, -1e-5}) {
        const EnergyNetwork before = net;
        ContinuousSettler settler(net);
        settler.setInput(x);
        const EqState free = settler.fixedPoint(net.zeroState());
        for (std::size_t l = 0; l < free.size(); ++l)
            ASSERT_TRUE((free[l].array() > 0.01).all() && (free[l].array() < 0.99).all());
        SettleTerms clamp;
        clamp.beta = beta;
        clamp.target = &y;
        const EqState clamped = settler.fixedPoint(free, clamp);
        model.applyContrastiveUpdate(x, free, clamped, beta);

        double dot = 0.0, normUpdate = 0.0, normGradient = 0.0, worst = 0.0;
        for (int l = 0; l < net.stateLayerCount(); ++l)
            for (Eigen::Index i = 0; i < net.weights(l).rows(); ++i)
                for (Eigen::Index j = 0; j < net.weights(l).cols(); ++j) {
                    const double update = net.weights(l)(i, j) - before.weights(l)(i, j);
                    const double h = 1e-5;
                    EnergyNetwork plus = before, minus = before;
                    plus.weights(l)(i, j) += h;
                    minus.weights(l)(i, j) -= h;
                    const double gradient = (loss(plus) - loss(minus)) / (2 * h);
                    dot += update * -gradient;
                    normUpdate += update * update;
                    normGradient += gradient * gradient;
                    worst = std::max(worst, std::abs(update + gradient));
                }
        EXPECT_GT(std::sqrt(normGradient), 1e-3); // a real gradient, not zero
        EXPECT_LT(worst, 1e-3 * std::sqrt(normGradient)) << "beta " << beta;
        EXPECT_GT(dot / std::sqrt(normUpdate * normGradient), 0.999999);
        net = before;
    }
}

// Thesis Fig. 7.4 right: after a training sample, Initialized EqProp reports the cosine of
// its initializer's first-layer local gradient ∂L_0/∂φ_0 and distant gradient ∂L_1/∂φ_0;
// here the distant one by finite differences of L_1 = ‖s^f_1 − s⁻_1‖², on a copy of the
// initializer as it was before the sample's update.
TEST(EqPropClassifier, InitializedReportsTheLocalDistantGradientCosine) {
    EqPropSettings settings;
    settings.sizes = {3, 4, 2};
    settings.variant = EqPropVariant::Initialized;
    settings.learningRates = {0.5, 0.5};
    settings.seed = 3;
    FeedforwardInitializer before(settings.sizes, settings.leak, settings.seed + 1); // its own
    EqPropClassifier model(settings);
    const Eigen::VectorXd x = randomInput(3, 6);
    model.train(x, 1);
    const std::vector<double> reported = model.gradientAlignment();
    ASSERT_EQ(reported.size(), 1U); // the top layer has no distant gradient
    const EqState target = model.freeState();
    before.forward(x);
    InitializerGradient local;
    before.gradient(x, target, InitializerLoss::Local, local);
    const auto distantLoss = [&](FeedforwardInitializer f) {
        const EqState& s = f.forward(x);
        return (s[1] - target[1]).squaredNorm();
    };
    const double h = 1e-6;
    double dot = 0.0, localNorm = 0.0, distantNorm = 0.0;
    const auto add = [&](double localPart, double distantPart) {
        dot += localPart * distantPart;
        localNorm += localPart * localPart;
        distantNorm += distantPart * distantPart;
    };
    for (Eigen::Index i = 0; i < before.weights(0).rows(); ++i)
        for (Eigen::Index j = 0; j < before.weights(0).cols(); ++j) {
            FeedforwardInitializer plus = before, minus = before;
            plus.weights(0)(i, j) += h;
            minus.weights(0)(i, j) -= h;
            add(local.weights[0](i, j), (distantLoss(plus) - distantLoss(minus)) / (2 * h));
        }
    for (Eigen::Index j = 0; j < before.bias(0).size(); ++j) {
        FeedforwardInitializer plus = before, minus = before;
        plus.bias(0)(j) += h;
        minus.bias(0)(j) -= h;
        add(local.biases[0](j), (distantLoss(plus) - distantLoss(minus)) / (2 * h));
    }
    ASSERT_GT(distantNorm, 1e-8);
    ASSERT_GT(localNorm, 1e-8);
    EXPECT_NEAR(reported[0], dot / std::sqrt(localNorm * distantNorm), 1e-6);
}

TEST(EqPropClassifier, LargerBetaGivesAWorseGradient) {
    // The estimate is biased by O(β): it must get better as β shrinks (not a tolerance
    // that holds for any β).
    EqPropSettings settings;
    settings.sizes = {3, 4, 2};
    settings.learningRates = {1.0, 1.0};
    EqPropClassifier model(settings);
    makeInterior(model.network(), 0.2, 0.5);
    const EnergyNetwork base = model.network();
    const Eigen::VectorXd x = randomInput(3, 9);
    const Eigen::VectorXd y = Eigen::Vector2d(0.0, 1.0);
    auto updateFor = [&](double beta) {
        model.network() = base;
        ContinuousSettler settler(model.network());
        settler.setInput(x);
        const EqState free = settler.fixedPoint(base.zeroState());
        SettleTerms clamp;
        clamp.beta = beta;
        clamp.target = &y;
        const EqState clamped = settler.fixedPoint(free, clamp);
        model.applyContrastiveUpdate(x, free, clamped, beta);
        return Eigen::MatrixXd(model.network().weights(1) - base.weights(1));
    };
    const Eigen::MatrixXd reference = updateFor(1e-6);
    const double errorSmall = (updateFor(0.01) - reference).norm();
    const double errorLarge = (updateFor(0.5) - reference).norm();
    EXPECT_GT(errorLarge, 10 * errorSmall);
}

TEST(StepSizes, AnnealingScheduleOnHandCases) {
    EXPECT_DOUBLE_EQ((AnnealingSchedule{1.0, 0.5}.at(4)), 0.5); // 1/√4
    EXPECT_DOUBLE_EQ((AnnealingSchedule{0.8, 1.0}.at(5)), 0.16);
    EXPECT_DOUBLE_EQ((AnnealingSchedule{0.3, 0.0}.at(100)), 0.3);
}

TEST(StepSizes, OsaFollowsAppendixE1OnAHandCase) {
    // ν̄ = 0.1, ν_0 = 1, α_1 = 1; observations 2, 1, 1.5 from θ̄_0 = 0. By hand:
    // n = 1: ν = 1/1.9, β̄ = 2ν, δ̄ = 4ν, α = 1, λ̄ = 1, θ̄ = 2.
    // n = 2: ν = ν_1/(1 + ν_1 − 0.1) = 0.369003690, error −1: β̄ = 0.295202952,
    //        δ̄ = 1.697416974, σ̄² = (δ̄ − β̄²)/2 = 0.805136096, α = 1 − σ̄²/δ̄ = 0.525669822,
    //        λ̄ = (1 − α)²·1 + α² = 0.501317880, θ̄ = 2 − α = 1.474330178.
    // n = 3: error 0.025669822: α = 0.359927255.
    OsaStepSize osa(1, 0.1);
    Eigen::ArrayXd theta = Eigen::ArrayXd::Zero(1);
    const double observations[] = {2.0, 1.0, 1.5};
    const double expectedAlpha[] = {1.0, 0.525669822, 0.359927255};
    for (int n = 0; n < 3; ++n) {
        const Eigen::ArrayXd x = Eigen::ArrayXd::Constant(1, observations[n]);
        const double alpha = osa.update(x, theta)[0];
        EXPECT_NEAR(alpha, expectedAlpha[n], 1e-9) << "n = " << n + 1;
        theta = (1 - alpha) * theta + alpha * x;
    }
    EXPECT_NEAR(theta[0], 1.483569447, 1e-9);
    EXPECT_EQ(osa.count(), 3);
    osa.reset();
    EXPECT_EQ(osa.count(), 0);
}

TEST(StepSizes, OsaAveragesANoisyConstantWithShrinkingSteps) {
    // For a stationary signal the drift estimate vanishes and α falls toward ν̄-scale
    // averaging: the estimate beats the raw noise by far.
    OsaStepSize osa(1, 0.05);
    std::mt19937_64 rng(3);
    std::normal_distribution<double> noise(0.0, 0.2);
    Eigen::ArrayXd theta = Eigen::ArrayXd::Zero(1);
    double lastAlpha = 1.0;
    for (int n = 0; n < 2000; ++n) {
        const Eigen::ArrayXd x = Eigen::ArrayXd::Constant(1, 0.6 + noise(rng));
        lastAlpha = osa.update(x, theta)[0];
        theta = (1 - lastAlpha) * theta + lastAlpha * x;
    }
    EXPECT_LT(lastAlpha, 0.2);
    EXPECT_NEAR(theta[0], 0.6, 0.05);
}

TEST(SpikingSettler, SigmaDeltaInputSpikesCountTheInput) {
    // Binary sigma-delta (eq. 8.11) of a constant x sends round-ish(T·x) spikes: the
    // count differs from T·x by at most 1 (|φ| stays below 1).
    EnergyNetwork net({4, 3, 2}, 1);
    SpikingEqPropSettings settings;
    settings.coding = SpikeCoding::SigmaDelta;
    SpikingSettler settler(net, settings);
    const Eigen::VectorXd x = Eigen::Vector4d(0.0, 0.13, 0.5, 0.97);
    settler.start(x);
    std::vector<int> counts(4, 0);
    const int steps = 200;
    for (int t = 0; t < steps; ++t) {
        settler.step();
        for (int i : settler.lastSpikes()[0])
            ++counts[static_cast<std::size_t>(i)];
    }
    for (int i = 0; i < 4; ++i)
        EXPECT_LE(std::abs(counts[static_cast<std::size_t>(i)] - steps * x[i]), 1.0) << i;
}

TEST(SpikingSettler, EachEncoderApproachesTheContinuousFixedPoint) {
    // Halved Glorot weights keep the energy convex (‖W‖ < 1), so the fixed point is
    // unique: with several minima the spiking network may rightly settle in another.
    EnergyNetwork net({40, 50, 10}, 21);
    for (int l = 0; l < net.stateLayerCount(); ++l)
        net.weights(l) *= 0.5;
    const Eigen::VectorXd x = randomInput(40, 22);
    ContinuousSettler continuous(net);
    continuous.setInput(x);
    const EqState fixed = continuous.fixedPoint(net.zeroState());
    struct Case {
        SpikeCoding coding;
        StepSizeRule rule;
        double eta;
        double bound; // mean |s̄ − s_fixed| of the time-averaged state
    };
    for (const Case c : {Case{SpikeCoding::SigmaDelta, StepSizeRule::Schedule, 0.75, 0.004},
                         Case{SpikeCoding::Predictive, StepSizeRule::Osa, 0.5, 0.004},
                         Case{SpikeCoding::Stochastic, StepSizeRule::Schedule, 1.0, 0.02}}) {
        SpikingEqPropSettings settings;
        settings.coding = c.coding;
        settings.stepSize = c.rule;
        settings.schedule = {1.0, c.eta};
        SpikingSettler settler(net, settings);
        settler.start(x);
        settler.settle(50);
        const double early = meanAbsoluteDistance(settler.state(), fixed);
        settler.settle(1950);
        EqState average = net.zeroState();
        const int window = 2000;
        for (int t = 0; t < window; ++t) {
            settler.step();
            for (std::size_t l = 0; l < average.size(); ++l)
                average[l] += settler.state()[l] / window;
        }
        const double late = meanAbsoluteDistance(average, fixed);
        EXPECT_LT(late, c.bound) << spikeCodingName(c.coding);
        EXPECT_LT(late, early / 4) << spikeCodingName(c.coding);
        EXPECT_GT(settler.totalSpikes(), 0u);
    }
}

TEST(SpikingSettler, EventDrivenInputEqualsTheDenseSum) {
    // With λ = 1 the predictive coder is the plain binary sigma-delta, and with one step
    // of size 1 a unit's state is its clipped decoded input: Σ_i w_ij q_i + b.
    EnergyNetwork net({6, 5, 3}, 4);
    SpikingEqPropSettings settings;
    settings.coding = SpikeCoding::SigmaDelta;
    settings.stepSize = StepSizeRule::Schedule;
    settings.schedule = {1.0, 0.0};
    SpikingSettler settler(net, settings);
    const Eigen::VectorXd x = randomInput(6, 5);
    settler.start(x);
    settler.step(); // t = 1: no spikes yet, states = clip(b) = 0; spikes sent
    Eigen::VectorXd q0 = Eigen::VectorXd::Zero(6), q2 = Eigen::VectorXd::Zero(3);
    for (int i : settler.lastSpikes()[0])
        q0[i] = 1.0;
    for (int j : settler.lastSpikes()[2])
        q2[j] = 1.0;
    const auto spikes = [&](std::size_t layer) { return settler.lastSpikes()[layer].size(); };
    // Event-driven cost: each spike adds one weight per unit of the neighbouring layers,
    // plus 3 multiply-adds per state unit (decode, average, encode).
    const std::uint64_t expectedAdds = (spikes(0) + spikes(2)) * 5 + spikes(1) * 3 + 3 * 8;
    ASSERT_GT(spikes(0), 0u);
    const std::uint64_t addsBefore = settler.ops().adds;
    settler.step();
    const Eigen::VectorXd expected =
        (net.weights(0).transpose() * q0 + net.weights(1) * q2 + net.bias(0))
            .cwiseMax(0.0)
            .cwiseMin(1.0);
    EXPECT_LT((settler.state()[0] - expected).cwiseAbs().maxCoeff(), 1e-12);
    EXPECT_EQ(settler.ops().adds - addsBefore, expectedAdds);
}

TEST(FeedforwardInitializer, LocalOrGlobalStepsReduceTheLoss) {
    for (const InitializerLoss loss : {InitializerLoss::Local, InitializerLoss::Global}) {
        FeedforwardInitializer init({8, 6, 3}, 0.01, 2);
        const Eigen::VectorXd x = randomInput(8, 3);
        // Targets inside (0.2, 0.8), where a feed-forward unit can reach them.
        const EqState targets{0.2 + 0.6 * randomInput(6, 4).array(),
                              0.2 + 0.6 * randomInput(3, 5).array()};
        init.forward(x);
        const double before = init.localLoss(targets);
        for (int i = 0; i < 1000; ++i) {
            init.forward(x);
            init.learn(x, targets, {0.05, 0.05}, nullptr, loss);
        }
        init.forward(x);
        EXPECT_LT(init.localLoss(targets), 0.01 * before);
    }
}

// L_j of eq. 7.3 for the initializer's current parameters.
double layerLoss(FeedforwardInitializer& init, const Eigen::VectorXd& x, const EqState& targets,
                 std::size_t j) {
    return (init.forward(x)[j] - targets[j]).squaredNorm();
}

TEST(FeedforwardInitializer, LocalAndGlobalGradientsMatchFiniteDifferences) {
    // Thesis eq. 7.4: ∂L/∂φ_l = ∂L_l/∂φ_l (local) + Σ_{j>l} ∂L_j/∂φ_l (distant). Each
    // side by central differences on a 5-4-3-2 net, away from ρ's kinks.
    FeedforwardInitializer init({5, 4, 3, 2}, 0.01, 7);
    for (int l = 0; l < init.layerCount(); ++l)
        init.bias(l).setConstant(0.4);
    const Eigen::VectorXd x = randomInput(5, 8);
    const EqState targets{randomInput(4, 9), randomInput(3, 10), randomInput(2, 11)};
    init.forward(x);
    InitializerGradient local, global;
    init.gradient(x, targets, InitializerLoss::Local, local);
    init.gradient(x, targets, InitializerLoss::Global, global);
    const double h = 1e-6;
    for (int l = 0; l < init.layerCount(); ++l) {
        const auto layer = static_cast<std::size_t>(l);
        for (Eigen::Index i = 0; i < init.weights(l).rows(); ++i)
            for (Eigen::Index j = 0; j < init.weights(l).cols(); ++j) {
                double& w = init.weights(l)(i, j);
                const double saved = w;
                double localDiff = 0.0, globalDiff = 0.0;
                for (const double sign : {1.0, -1.0}) {
                    w = saved + sign * h;
                    localDiff += sign * layerLoss(init, x, targets, layer);
                    for (std::size_t k = 0; k < targets.size(); ++k)
                        globalDiff += sign * layerLoss(init, x, targets, k);
                }
                w = saved;
                EXPECT_NEAR(local.weights[layer](i, j), localDiff / (2 * h), 1e-7) << l;
                EXPECT_NEAR(global.weights[layer](i, j), globalDiff / (2 * h), 1e-7) << l;
            }
        double& c = init.bias(l)(0);
        const double saved = c;
        c = saved + h;
        double up = 0.0;
        for (std::size_t k = 0; k < targets.size(); ++k)
            up += layerLoss(init, x, targets, k);
        c = saved - h;
        double down = 0.0;
        for (std::size_t k = 0; k < targets.size(); ++k)
            down += layerLoss(init, x, targets, k);
        c = saved;
        EXPECT_NEAR(global.biases[layer](0), (up - down) / (2 * h), 1e-7) << l;
    }
    // The top layer has no distant part; the layers below do.
    const auto top = static_cast<std::size_t>(init.layerCount() - 1);
    EXPECT_EQ((global.weights[top] - local.weights[top]).cwiseAbs().maxCoeff(), 0.0);
    EXPECT_GT((global.weights[0] - local.weights[0]).cwiseAbs().maxCoeff(), 1e-4);
}

TEST(FeedforwardInitializer, LayerCosineOnAHandCase) {
    InitializerGradient a, b;
    a.weights = {Eigen::MatrixXd::Constant(1, 2, 1.0)}; // (1, 1 | 0)
    a.biases = {Eigen::VectorXd::Zero(1)};
    b.weights = {Eigen::MatrixXd::Zero(1, 2)}; // (1, 0 | 1)
    b.weights[0](0, 0) = 1.0;
    b.biases = {Eigen::VectorXd::Constant(1, 1.0)};
    EXPECT_NEAR(layerCosine(a, b, 0), 0.5, 1e-15); // 1 / (√2·√2)
    EXPECT_NEAR(layerCosine(a, a, 0), 1.0, 1e-15);
    b.weights[0].setZero();
    b.biases[0].setZero();
    EXPECT_EQ(layerCosine(a, b, 0), 0.0);
}

TEST(EqPropClassifier, IterativeInferenceSettlesToEqPropsFixedPoint) {
    // Thesis Alg. 8 starts the free phase of E_θ at the initializer's s^f instead of 0.
    // With a unique fixed point both reach it: the same state (checked on the settler)
    // and the same prediction as plain EqProp's free phase on the same network.
    EqPropSettings settings;
    settings.sizes = {12, 8, 4};
    settings.freeSteps = 400;
    settings.seed = 5;
    EqPropClassifier plain(settings);
    settings.variant = EqPropVariant::Initialized;
    settings.inference = InitializedInference::Iterative;
    EqPropClassifier iterative(settings);
    settings.inference = InitializedInference::Forward;
    EqPropClassifier forward(settings);
    const EnergyNetwork& net = iterative.network();
    ASSERT_EQ(maxAbs(net.zeroState(), plain.network().zeroState()), 0.0);
    ASSERT_TRUE(net.weights(0).isApprox(plain.network().weights(0)));

    FeedforwardInitializer init(settings.sizes, settings.leak, settings.seed + 1);
    ContinuousSettler settler(net);
    int agree = 0, differFromForward = 0;
    for (std::uint64_t k = 0; k < 20; ++k) {
        const Eigen::VectorXd x = randomInput(12, 100 + k);
        settler.setInput(x);
        init.forward(x);
        const EqState fromForward = settler.fixedPoint(init.clippedPrediction());
        const EqState fromZero = settler.fixedPoint(net.zeroState());
        EXPECT_LT(maxAbs(fromForward, fromZero), 1e-9) << k;
        const int predicted = iterative.predict(x);
        agree += predicted == plain.predict(x);
        differFromForward += predicted != forward.predict(x);
    }
    EXPECT_EQ(agree, 20);
    EXPECT_GT(differFromForward, 0); // an untrained s^f is not the fixed point
    // Alg. 8 costs the forward pass, W_0ᵀx once and T⁻ drives (3 steps: none is still);
    // Alg. 7 the forward pass alone.
    settings.freeSteps = 3;
    EqPropClassifier shortForward(settings);
    settings.inference = InitializedInference::Iterative;
    EqPropClassifier shortIterative(settings);
    const Eigen::VectorXd x = randomInput(12, 99);
    shortForward.predict(x);
    shortIterative.predict(x);
    const std::uint64_t forwardCost = 12 * 8 + 8 * 4;
    EXPECT_EQ(shortForward.inferenceCost().ops.multiplies, forwardCost);
    EXPECT_EQ(shortIterative.inferenceCost().ops.multiplies,
              forwardCost + 12 * 8 + 3 * net.drivesMultiplyAdds());
}

TEST(SettleRun, ContinuousReachesItsFixedPointAndAClampMovesIt) {
    SettleRunSettings s;
    s.model = SettleModel::Continuous;
    s.sizes = {60, 60, 10};
    s.steps = 300;
    s.perturbAt = 150;
    const SettleRunResult r = runSettle(s);
    ASSERT_EQ(r.rows.size(), 301u);
    EXPECT_LT(r.rows[149].distanceToFixedPoint, 1e-6);
    EXPECT_GT(r.rows[150].distanceToFixedPoint, 100 * r.rows[149].distanceToFixedPoint);
    EXPECT_LT(r.rows.back().distanceToFixedPoint, 1e-6);
    EXPECT_GT(maxAbs(r.fixedPoint, r.perturbedFixedPoint), 0.01);
    for (std::size_t t = 1; t < 150; ++t) // ε = ½ is small enough here: E never rises
        EXPECT_LE(r.rows[t].energy, r.rows[t - 1].energy + 1e-12) << t;
}

TEST(SettleRun, SpikingRecoversAfterAKick) {
    SettleRunSettings s; // thesis Fig. 8.2's [500-500-10], predictive coding with OSA
    s.steps = 400;
    s.perturbAt = 200;
    s.perturbation = PerturbationKind::KickState;
    int observed = 0;
    const SettleRunResult r = runSettle(s, [&](const SettleFrame& frame) {
        ++observed;
        EXPECT_NE(frame.spikes, nullptr);
    });
    EXPECT_EQ(observed, 401);
    EXPECT_EQ(maxAbs(r.fixedPoint, r.perturbedFixedPoint), 0.0); // a kick keeps the fixed point
    const double beforeKick = r.rows[199].distanceToFixedPoint;
    EXPECT_LT(beforeKick, r.rows[0].distanceToFixedPoint / 10);
    EXPECT_GT(r.rows[200].distanceToFixedPoint, 3 * beforeKick);
    EXPECT_LT(r.rows.back().distanceToFixedPoint, 2 * beforeKick);
    EXPECT_GT(r.spikes, 0u);
}

TEST(SettleRun, CancelKeepsTheRowsSoFar) {
    SettleRunSettings s;
    s.sizes = {20, 20, 5};
    s.steps = 100;
    const SettleRunResult r =
        runSettle(s, {}, [](std::size_t done, std::size_t) { return done < 10; });
    EXPECT_TRUE(r.cancelled);
    EXPECT_EQ(r.rows.size(), 11u);
}

TEST(SettleRun, ValidationNamesTheBadField) {
    SettleRunSettings s;
    s.perturbAt = 0;
    EXPECT_NE(s.validationError().find("--perturb-at"), std::string::npos);
    s.perturbAt.reset();
    s.sizes = {10};
    EXPECT_NE(s.validationError().find("layers"), std::string::npos);
    s.sizes = {10, 10};
    s.spiking.predictiveLambda = 0.0;
    EXPECT_NE(s.validationError().find("lambda"), std::string::npos);
}

TEST(SettleEnsemble, MeansTheLogDistanceOfEachNetworkAndCancels) {
    // Each scheme's curve is the mean and population s.d. of log10 distance over the
    // networks seeded S, S + 1, ...: recomputed here from runSettle for one scheme.
    SettleRunSettings base;
    base.sizes = {30, 20, 5};
    base.steps = 120;
    base.perturbAt = 80;
    base.seed = 4;
    const SettleEnsembleResult r = runSettleEnsemble(base, 3);
    ASSERT_EQ(r.curves.size(), figure82Schemes().size());
    const SettleScheme& scheme = figure82Schemes()[2]; // sigma-delta, scheduled
    const SettleEnsembleCurve& curve = r.curves[2];
    EXPECT_EQ(curve.scheme, scheme.name);
    ASSERT_EQ(curve.log10Mean.size(), 121u);
    std::vector<double> logs;
    for (std::uint64_t n = 0; n < 3; ++n) {
        SettleRunSettings s = base;
        s.spiking.coding = scheme.coding;
        s.spiking.stepSize = scheme.stepSize;
        s.spiking.schedule.eta = scheme.eta;
        s.seed = s.spiking.seed = base.seed + n;
        logs.push_back(std::log10(runSettle(s).rows[30].distanceToFixedPoint));
    }
    const double mean = (logs[0] + logs[1] + logs[2]) / 3.0;
    double variance = 0.0;
    for (double l : logs)
        variance += (l - mean) * (l - mean) / 3.0;
    EXPECT_NEAR(curve.log10Mean[30], mean, 1e-12);
    EXPECT_NEAR(curve.log10Sd[30], std::sqrt(variance), 1e-9);
    EXPECT_GT(curve.log10Sd[30], 0.0); // the networks differ
    // The continuous network converges geometrically: by the end of the first phase far
    // below every spiking scheme, whose bits leave a floor.
    for (std::size_t k = 1; k < r.curves.size(); ++k)
        EXPECT_LT(r.curves[0].log10Mean[79], r.curves[k].log10Mean[79] - 1.0) << k;
    int calls = 0;
    const SettleEnsembleResult cancelled =
        runSettleEnsemble(base, 3, [&](std::size_t, std::size_t total) {
            EXPECT_EQ(total, 3 * figure82Schemes().size());
            return ++calls < 4;
        });
    EXPECT_TRUE(cancelled.cancelled);
    EXPECT_TRUE(cancelled.curves.empty());
}

TEST(NeuronTrace, FollowsOneOutputUnitAsFigure81Does) {
    // Sigma-delta bits decoded with v = Σ_i w_i q_i,t−1 (eq. 8.9) and the schedule
    // ε_t = ε0/t^η: both checked step by step against the bits runSettle sends.
    SettleRunSettings s;
    s.sizes = {40, 30, 4};
    s.steps = 200;
    s.spiking.coding = SpikeCoding::SigmaDelta;
    s.spiking.stepSize = StepSizeRule::Schedule;
    s.spiking.schedule = {1.0, 0.75};
    const NeuronTrace trace = traceOneNeuron(s, 2);
    EXPECT_EQ(trace.unit, 2);
    ASSERT_EQ(trace.binary.size(), 201u);
    ASSERT_EQ(trace.presynaptic.size(), 3u);
    const EnergyNetwork net(s.sizes, s.seed);
    const Eigen::VectorXd into = net.weights(1).col(2);
    for (Eigen::Index i = 0; i < into.size(); ++i) { // the three strongest inputs
        const bool chosen = std::find(trace.presynaptic.begin(), trace.presynaptic.end(), i) !=
                            trace.presynaptic.end();
        if (!chosen) {
            EXPECT_LE(std::abs(into[i]), std::abs(into[trace.presynaptic[2]]) + 1e-15);
        }
    }
    std::vector<std::vector<int>> hiddenSpikes;
    runSettle(s, [&](const SettleFrame& f) { hiddenSpikes.push_back((*f.spikes)[2 - 1]); });
    for (std::size_t t = 1; t <= 200; ++t) {
        double v = 0.0;
        for (int i : hiddenSpikes[t - 1])
            v += into[i];
        EXPECT_NEAR(trace.weightedInput[t], v, 1e-12) << t;
        EXPECT_DOUBLE_EQ(trace.stepSize[t], 1.0 / std::pow(static_cast<double>(t), 0.75)) << t;
    }
    for (std::size_t k = 0; k < 3; ++k) // spike ticks are steps a unit fired
        for (int t : trace.presynapticSpikes[k]) {
            const auto& fired = hiddenSpikes[static_cast<std::size_t>(t)];
            EXPECT_NE(std::find(fired.begin(), fired.end(), trace.presynaptic[k]), fired.end());
        }
    // The binary unit ends near the continuous network's value (Fig. 8.1, bottom).
    EXPECT_LT(std::abs(trace.binary.back() - trace.continuous.back()), 0.1);
    // Unset, the unit is the output whose fixed point is nearest ½.
    const NeuronTrace chosen = traceOneNeuron(s);
    ContinuousSettler settler(net);
    Eigen::VectorXd x(40);
    std::mt19937_64 rng(s.seed ^ 0x9e3779b97f4a7c15ULL); // runSettle's input draw
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    for (Eigen::Index i = 0; i < x.size(); ++i)
        x[i] = uniform(rng);
    settler.setInput(x);
    const Eigen::VectorXd fixedOutputs = settler.fixedPoint(net.zeroState()).back();
    for (Eigen::Index j = 0; j < fixedOutputs.size(); ++j)
        EXPECT_LE(std::abs(fixedOutputs[chosen.unit] - 0.5), std::abs(fixedOutputs[j] - 0.5));
    s.model = SettleModel::Continuous;
    EXPECT_TRUE(traceOneNeuron(s).binary.empty()); // only the spiking model is traced
}

// one_neuron.csv reads back as written (the GUI's File > Open Result shows Fig. 8.1 from
// it), and a file whose steps skip is refused by name.
TEST(NeuronTraceFile, ReadsBackWhatItWroteOrRefuses) {
    NeuronTrace trace;
    trace.unit = 4;
    trace.presynaptic = {7, 9};
    trace.presynapticState = {{0.0, 0.25, 0.5}, {1.0, 0.75, 0.5}};
    trace.presynapticSpikes = {{1}, {0, 2}};
    trace.weightedInput = {0.0, 0.125, -0.5};
    trace.stepSize = {1.0, 0.5, 0.25};
    trace.lambda = {0.275, 0.275, 0.275};
    trace.binary = {0.0, 1.0, 0.5};
    trace.continuous = {0.0, 0.1, 0.2};
    const std::string csv = neuronTraceCsv(trace);
    EXPECT_EQ(csv.substr(0, csv.find('\n')),
              "t,pre_1,pre_2,pre_1_spike,pre_2_spike,weighted_input,step_size,lambda,binary,"
              "continuous");
    const auto dir = std::filesystem::temp_directory_path() / "sdlab_neuron_trace_test";
    std::filesystem::create_directories(dir);
    const auto path = dir / "one_neuron.csv";
    std::ofstream(path) << csv;
    const NeuronTrace back = readNeuronTraceCsv(path);
    EXPECT_EQ(back.unit, -1); // summary.json names the units
    EXPECT_EQ(back.presynaptic, (std::vector<int>{1, 2}));
    EXPECT_EQ(back.presynapticState, trace.presynapticState);
    EXPECT_EQ(back.presynapticSpikes, trace.presynapticSpikes);
    EXPECT_EQ(back.weightedInput, trace.weightedInput);
    EXPECT_EQ(back.stepSize, trace.stepSize);
    EXPECT_EQ(back.lambda, trace.lambda);
    EXPECT_EQ(back.binary, trace.binary);
    EXPECT_EQ(back.continuous, trace.continuous);
    std::string skipped = csv;
    skipped.replace(skipped.rfind("\n2,"), 3, "\n5,");
    std::ofstream(path) << skipped;
    EXPECT_THROW(readNeuronTraceCsv(path), InputError);
    std::filesystem::remove_all(dir);
}

TEST(SpikingSettler, AnnealedLambdaIsDecodedWithTheLambdaItWasSentWith) {
    // §8.4.6: λ_t = max(λ, t^−κ), by hand for κ = 1, λ = 0.275 ...
    SpikingEqPropSettings settings;
    settings.lambdaAnneal = 1.0;
    EXPECT_EQ(settings.lambdaAt(1), 1.0);
    EXPECT_EQ(settings.lambdaAt(2), 0.5);
    EXPECT_EQ(settings.lambdaAt(4), 0.275); // 1/4 is below the floor
    settings.lambdaAnneal = 0.0;
    EXPECT_EQ(settings.lambdaAt(2), 0.275);
    // ... and eq. 8.13's decoder v_t = (1 − λ)v_{t−1} + λΣwq_{t−1} with the λ the bits of
    // step t − 1 were encoded with, for one output unit, against the bits sent.
    SettleRunSettings s;
    s.sizes = {40, 30, 4};
    s.steps = 60;
    s.spiking.lambdaAnneal = 0.5;
    const NeuronTrace trace = traceOneNeuron(s, 1);
    const EnergyNetwork net(s.sizes, s.seed);
    const Eigen::VectorXd into = net.weights(1).col(1);
    std::vector<std::vector<int>> hiddenSpikes;
    runSettle(s, [&](const SettleFrame& f) { hiddenSpikes.push_back((*f.spikes)[1]); });
    EXPECT_EQ(trace.lambda[1], 1.0);
    EXPECT_LT(trace.lambda[60], 0.3);
    for (std::size_t t = 2; t <= 60; ++t) {
        double sum = 0.0;
        for (int i : hiddenSpikes[t - 1])
            sum += into[i];
        const double lambda = trace.lambda[t - 1];
        EXPECT_NEAR(trace.weightedInput[t],
                    (1.0 - lambda) * trace.weightedInput[t - 1] + lambda * sum, 1e-12)
            << t;
    }
}
