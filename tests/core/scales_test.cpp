// Thesis ch. 4 §4.5-4.6: the rounding network with per-layer scales, its error and
// computation (eqs 4.7-4.8), eq. 4.10's scale gradient by hand, and the toy problem of
// Fig. 4.2 (optimised scales against random rescalings).
#include "scales/random_network_scales.h"
#include "scales/scale_optimizer.h"

#include <cmath>
#include <gtest/gtest.h>
#include <random>

namespace sdlab {
namespace {

TEST(ScaledRoundingNet, ErrorCompAndGradientByHand) {
    DenseLayer layer;
    layer.weights.resize(2, 1);
    layer.weights << 1.0, 1.0;
    layer.bias = Eigen::VectorXd::Zero(1);
    ScaledRoundingNet net({layer}, false);
    // k = 1: q = round(0.3, 0.6) = (0, 1), f_round = 1, f_true = 0.9.
    const std::vector<Eigen::VectorXd> x{Eigen::Vector2d(0.3, 0.6)};
    std::vector<Eigen::VectorXd> d;
    const ScaledRoundingNet::Cost cost = net.gradient(x, 0.5, d);
    EXPECT_NEAR(cost.error, 0.5 * 0.1 * 0.1, 1e-15);
    EXPECT_DOUBLE_EQ(cost.comp, 1.0); // |q|₁·d_out
    // Error term: g = W·δ = (0.1, 0.1) against a − q/k = (0.3, −0.4): −0.01. Own computation:
    // λ·k·|a|₁·d_out = 0.5·0.9.
    ASSERT_EQ(d.size(), 1U);
    EXPECT_NEAR(d[0](0), -0.01 + 0.45, 1e-12);
    // k = 10: q = (3, 6), exact, so no error and no error gradient.
    net.logScales()[0](0) = std::log(10.0);
    const ScaledRoundingNet::Cost fine = net.gradient(x, 0.0, d);
    EXPECT_NEAR(fine.error, 0.0, 1e-24);
    EXPECT_NEAR(d[0](0), 0.0, 1e-12);
    EXPECT_DOUBLE_EQ(fine.comp, 9.0);
}

TEST(ScaledRoundingNet, PerUnitScalesByHand) {
    DenseLayer layer;
    layer.weights.resize(2, 1);
    layer.weights << 1.0, 1.0;
    layer.bias = Eigen::VectorXd::Zero(1);
    ScaledRoundingNet net({layer}, false, true);
    ASSERT_EQ(net.logScales()[0].size(), 2);
    const std::vector<Eigen::VectorXd> x{Eigen::Vector2d(0.3, 0.6)};
    std::vector<Eigen::VectorXd> d;
    // k = (1, 1): as the per-layer case, unit by unit: g = (0.1, 0.1), a − q = (0.3, −0.4),
    // λ·k_i·|a_i|·d_out = 0.5·(0.3, 0.6): (0.03 + 0.15, −0.04 + 0.3).
    net.gradient(x, 0.5, d);
    ASSERT_EQ(d[0].size(), 2);
    EXPECT_NEAR(d[0](0), 0.18, 1e-12);
    EXPECT_NEAR(d[0](1), 0.26, 1e-12);
    // k = (10, 1): q = (3, 1), f_round = 0.3 + 1 = 1.3, δ = 0.4, g = (0.4, 0.4);
    // a − q/k = (0, −0.4); λ·k·|a| = 0.5·(3, 0.6).
    net.logScales()[0](0) = std::log(10.0);
    const ScaledRoundingNet::Cost cost = net.gradient(x, 0.5, d);
    EXPECT_NEAR(cost.error, 0.5 * 0.4 * 0.4, 1e-15);
    EXPECT_DOUBLE_EQ(cost.comp, 4.0); // |q|₁·d_out
    EXPECT_NEAR(d[0](0), 1.5, 1e-12);
    EXPECT_NEAR(d[0](1), -0.16 + 0.3, 1e-12);
}

TEST(ScaledRoundingNet, EqualPerUnitScalesGiveThePerLayerNetAndGradient) {
    // A random 6-5-3 net with every unit of a layer at the layer's scale: the same costs,
    // and per layer the per-unit gradients add up to the per-layer one (eq. 4.10 is a sum
    // over the layer's units).
    std::mt19937_64 rng(7);
    std::vector<DenseLayer> layers{DenseLayer::xavier(6, 5, rng), DenseLayer::xavier(5, 3, rng)};
    ScaledRoundingNet perLayer(layers, true), perUnit(layers, true, true);
    const double kappas[] = {std::log(3.0), std::log(7.0)};
    for (std::size_t l = 0; l < 2; ++l) {
        perLayer.logScales()[l](0) = kappas[l];
        perUnit.logScales()[l].setConstant(kappas[l]);
    }
    std::normal_distribution<double> normal;
    std::vector<Eigen::VectorXd> inputs(20);
    for (Eigen::VectorXd& x : inputs)
        x = Eigen::VectorXd::NullaryExpr(6, [&] { return normal(rng); });
    std::vector<Eigen::VectorXd> dLayer, dUnit;
    const ScaledRoundingNet::Cost a = perLayer.gradient(inputs, 1e-3, dLayer);
    const ScaledRoundingNet::Cost b = perUnit.gradient(inputs, 1e-3, dUnit);
    EXPECT_DOUBLE_EQ(a.comp, b.comp); // the same integers q
    EXPECT_NEAR(a.error, b.error, 1e-12 * std::max(1.0, a.error));
    for (std::size_t l = 0; l < 2; ++l)
        EXPECT_NEAR(dUnit[l].sum(), dLayer[l](0), 1e-10 * std::max(1.0, std::abs(dLayer[l](0))))
            << "layer " << l;
    EXPECT_GT(std::abs(dLayer[0](0)), 1e-6); // not a vacuous comparison
}

TEST(ScaleOptimizer, PerUnitScalesReachAtLeastThePerLayerObjective) {
    // More freedom: optimised per unit, the objective ends no worse than per layer (a
    // 20-20-10 Glorot net rescaled as in Fig. 4.2, λ = 1e-4).
    std::mt19937_64 rng(11);
    std::vector<DenseLayer> layers{DenseLayer::xavier(20, 20, rng),
                                   DenseLayer::xavier(20, 10, rng)};
    layers[0].weights *= 0.5;
    layers[1].weights *= 2.0;
    std::normal_distribution<double> normal;
    std::vector<Eigen::VectorXd> train(200), test(100);
    for (auto* set : {&train, &test})
        for (Eigen::VectorXd& x : *set)
            x = Eigen::VectorXd::NullaryExpr(20, [&] { return normal(rng); });
    ScaleOptimizerSettings s;
    s.lambda = 1e-4;
    s.steps = 300;
    s.batch = 50;
    double objective[2];
    for (bool perUnit : {false, true}) {
        ScaledRoundingNet net(layers, false, perUnit);
        const std::vector<ScalePoint> path = optimizeScales(net, train, test, s);
        EXPECT_EQ(path.back().scales.size(), perUnit ? 40U : 2U);
        objective[perUnit] = path.back().cost.error + s.lambda * path.back().cost.comp;
        EXPECT_LT(objective[perUnit], path.front().cost.error + s.lambda * path.front().cost.comp);
    }
    EXPECT_LE(objective[1], objective[0] * 1.02);
}

TEST(ScaledRoundingNet, TwoLayersBackpropagateThroughTheRoundingAndTheRelu) {
    // a hidden unit that is off (z < 0) passes no error gradient to the input's scale.
    DenseLayer first, second;
    first.weights.resize(1, 2);
    first.weights << 1.0, -1.0;
    first.bias = Eigen::VectorXd::Zero(2);
    second.weights.resize(2, 1);
    second.weights << 2.0, 5.0;
    second.bias = Eigen::VectorXd::Zero(1);
    ScaledRoundingNet net({first, second}, false);
    // x = 0.4, k = 1: q_0 = 0, z_0 = (0, 0): ReLU' = 0, a_1 = 0, q_1 = 0: f_round = 0,
    // f_true = 2·0.4 = 0.8; δ = −0.8; layer 1: g = W_1·δ = (−1.6, −4), a_1 − q_1 = 0: 0;
    // layer 0: ReLU'(z_0) = [z_0 > 0] = 0 everywhere: the error gradient is 0.
    std::vector<Eigen::VectorXd> d;
    const ScaledRoundingNet::Cost cost = net.gradient({Eigen::VectorXd::Constant(1, 0.4)}, 0.0, d);
    EXPECT_DOUBLE_EQ(cost.error, 0.5 * 0.8 * 0.8);
    EXPECT_DOUBLE_EQ(d[0](0), 0.0);
    EXPECT_DOUBLE_EQ(d[1](0), 0.0);
    // k_0 = 4: q_0 = round(1.6) = 2, z_0 = (0.5, −0.5), a_1 = (0.5, 0), q_1 = (1, 0),
    // f_round = 2, δ = 1.2; layer 1: g = (2.4, 6)·(a − q) = 2.4·(0.5 − 1) = −1.2;
    // layer 0: δ_0 = (2.4, 0) (ReLU'), g_0 = W_0·δ_0 = 2.4, a_0 − q_0/k_0 = 0.4 − 0.5: −0.24.
    net.logScales()[0](0) = std::log(4.0);
    net.gradient({Eigen::VectorXd::Constant(1, 0.4)}, 0.0, d);
    EXPECT_NEAR(d[1](0), -1.2, 1e-12);
    EXPECT_NEAR(d[0](0), -0.24, 1e-12);
}

TEST(ScaledRoundingNet, StreamCostCountsRoundingAndSigmaDeltaAdditionsByHand) {
    DenseLayer identity;
    identity.weights = Eigen::Matrix2d::Identity();
    identity.bias = Eigen::VectorXd::Zero(2);
    ScaledRoundingNet net({identity}, true);
    // k = 1: q = (0, 1) then (2, 1); outputs q: argmax 1 then 0; labels 1, 1: one wrong.
    const std::vector<Eigen::VectorXd> stream{Eigen::Vector2d(0.3, 0.6), Eigen::Vector2d(2.2, 0.6)};
    const ScaledRoundingNet::StreamCost cost = net.streamCost(stream, {1, 1});
    EXPECT_DOUBLE_EQ(cost.errorRate, 0.5);
    // Rounding (eq. B.14): |q|₁·d_out + d_out = 1·2 + 2, then 3·2 + 2: mean 6.
    EXPECT_DOUBLE_EQ(cost.roundingAdds, 6.0);
    // Sigma-delta (eq. B.15): |q − 0|₁·2 = 2, then |(2, 1) − (0, 1)|₁·2 = 4: mean 3.
    EXPECT_DOUBLE_EQ(cost.sigmaDeltaAdds, 3.0);
    // A stream that repeats one input costs the sigma-delta net nothing after the first.
    const ScaledRoundingNet::StreamCost still =
        net.streamCost({stream[1], stream[1], stream[1], stream[1]}, {0, 0, 0, 0});
    EXPECT_DOUBLE_EQ(still.errorRate, 0.0);
    EXPECT_DOUBLE_EQ(still.sigmaDeltaAdds, 3.0 * 2.0 / 4.0);
    EXPECT_DOUBLE_EQ(still.roundingAdds, 8.0);
}

TEST(ScaledRoundingNet, OriginalCostCountsDenseAndSparseMultiplyAdds) {
    // 2-3-2: the hidden layer's ReLU silences units, which eq. B.13 does not pay for.
    DenseLayer first, second;
    first.weights.resize(2, 3);
    first.weights << 1.0, -1.0, 0.0, 0.0, 1.0, 1.0;
    first.bias = Eigen::VectorXd::Zero(3);
    second.weights.resize(3, 2);
    second.weights << 1.0, 0.0, 0.0, 1.0, 0.0, -1.0;
    second.bias = Eigen::VectorXd::Zero(2);
    ScaledRoundingNet net({first, second}, true);
    // x = (1, 0): nnz 1, hidden ReLU(1, −1, 0) = (1, 0, 0): nnz 1, output (1, 0): class 0.
    // x = (0, 2): nnz 1, hidden ReLU(0, 2, 2) = (0, 2, 2): nnz 2, output (0, 0): class 0.
    const ScaledRoundingNet::OriginalCost cost =
        net.originalCost({Eigen::Vector2d(1.0, 0.0), Eigen::Vector2d(0.0, 2.0)}, {0, 1});
    EXPECT_DOUBLE_EQ(cost.errorRate, 0.5);
    EXPECT_DOUBLE_EQ(cost.denseMultiplyAdds, 2.0 * 3.0 + 3.0 * 2.0);
    // (1·3 + 1·2 + 1·3 + 2·2) / 2
    EXPECT_DOUBLE_EQ(cost.sparseMultiplyAdds, 6.0);
}

// Fig. 4.2: a 100-100-100 Glorot network with its weights rescaled by (1/2, 8) and the
// output by 1/4 (the same function, ill-suited to rounding). Optimising the scales for a
// λ lowers its objective and lands on the Pareto front of error against computation.
TEST(RandomNetworkScales, OptimisedScalesLieOnTheFrontOfRandomRescalings) {
    RandomNetworkScalesSettings settings; // Fig. 4.2's set-up
    settings.seed = 3;
    const RandomNetworkScalesResult r = runRandomNetworkScales(settings);
    ASSERT_FALSE(r.cancelled);
    ASSERT_EQ(r.trajectories.size(), 3U);
    ASSERT_EQ(r.random.size(), 200U);
    for (std::size_t i = 0; i < r.trajectories.size(); ++i) {
        const std::vector<ScalePoint>& path = r.trajectories[i];
        ASSERT_EQ(path.size(), 41U); // k = 1, then every 10 of the 400 steps
        EXPECT_EQ(path.front().scales, (std::vector<double>{1.0, 1.0}));
        EXPECT_EQ(path.front().step, 0);
        EXPECT_EQ(path[1].step, 10);
        EXPECT_EQ(path.back().step, 400);
        const double lambda = r.lambdas[i];
        EXPECT_LT(path.back().cost.error + lambda * path.back().cost.comp,
                  path.front().cost.error + lambda * path.front().cost.comp);
    }
    const ScaledRoundingNet::Cost &least = r.trajectories.front().back().cost,
                                  &most = r.trajectories.back().back().cost;
    EXPECT_GT(least.comp, most.comp);   // more λ, less computation
    EXPECT_LT(least.error, most.error); // and more error
    // Fig. 4.2's claim: no random rescaling has both less error and less computation than
    // an optimised point (also held for seeds 1, 2, 5, 11, 13, 17 and 19, measured).
    int dominating = 0;
    for (const ScalePoint& c : r.random) {
        bool any = false;
        for (const auto& path : r.trajectories)
            any = any ||
                  (c.cost.error < path.back().cost.error && c.cost.comp < path.back().cost.comp);
        dominating += any ? 1 : 0;
        // each random point is the rounding net at its scales
        ASSERT_EQ(c.scales.size(), 2U);
        EXPECT_GE(c.scales[0], 0.1 - 1e-12);
        EXPECT_LE(c.scales[1], 100.0 + 1e-9);
    }
    EXPECT_EQ(dominating, 0);
    EXPECT_EQ(r.dominating, dominating);
    // The scales undo the rescaling's damage: a finer input (k0 > 1) for less error.
    EXPECT_GT(r.trajectories.front().back().scales[0], 1.0);
}

TEST(RandomNetworkScales, ADominatingRescalingIsCountedAndCancellingStops) {
    // One step from k = 1 is far from the front (the rescaled net's input is rounded
    // too coarsely), so random scales beat it in both; they are counted.
    RandomNetworkScalesSettings settings;
    settings.sizes = {40, 40, 40};
    settings.lambdas = {1e-6};
    settings.steps = 1;
    settings.randomScalings = 100;
    const RandomNetworkScalesResult r = runRandomNetworkScales(settings);
    int dominating = 0;
    for (const ScalePoint& c : r.random)
        dominating += c.cost.error < r.trajectories[0].back().cost.error &&
                              c.cost.comp < r.trajectories[0].back().cost.comp
                          ? 1
                          : 0;
    EXPECT_GT(dominating, 0);
    EXPECT_EQ(r.dominating, dominating);
    std::size_t calls = 0;
    const RandomNetworkScalesResult stopped =
        runRandomNetworkScales(settings, [&](std::size_t, std::size_t) { return ++calls < 10; });
    EXPECT_TRUE(stopped.cancelled);
    EXPECT_EQ(calls, 10U);
    EXPECT_EQ(stopped.random.size(), 9U); // call 1: the step; calls 2-10: rescalings
    EXPECT_FALSE(RandomNetworkScalesSettings{}.validationError().size());
    RandomNetworkScalesSettings bad;
    bad.sizes = {100};
    EXPECT_FALSE(bad.validationError().empty());
}

} // namespace
} // namespace sdlab
