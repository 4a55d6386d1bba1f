#include "scales/four_networks.h"
#include "test_helpers.h"

#include <gtest/gtest.h>

namespace sdlab {
namespace {

DenseLayer layerOf(RowMatrix w, Eigen::VectorXd b) {
    return {std::move(w), std::move(b)};
}

TEST(FourNetworks, HandWorkedOneLayer) { // thesis Fig. 4.1, k = 2, w = (1, 2), b = ½
    RowMatrix w(2, 1);
    w << 1.0, 2.0;
    FourNetworks nets({layerOf(w, Eigen::VectorXd::Constant(1, 0.5))}, 2.0);
    const FourNetworks::Step& s1 = nets.step(Eigen::Vector2d(0.3, 0.7));
    EXPECT_DOUBLE_EQ(s1.original(0), 2.2);
    EXPECT_DOUBLE_EQ(s1.temporalDifference(0), 2.2);
    // q = round(0.6, 1.4) = (1, 1): z = (1 + 2)/2 + ½ = 2; (|q| + 1)·d_out = 3 additions.
    EXPECT_DOUBLE_EQ(s1.rounding(0), 2.0);
    EXPECT_DOUBLE_EQ(s1.sigmaDelta(0), 2.0);
    EXPECT_EQ(s1.originalMultiplyAdds, 2.0);
    EXPECT_EQ(s1.temporalDifferenceMultiplyAdds, 2.0);
    EXPECT_EQ(s1.roundingAdds, 3.0);
    EXPECT_EQ(s1.sigmaDeltaAdds, 2.0); // Δq = (1, 1) from q = 0
    const FourNetworks::Step& s2 = nets.step(Eigen::Vector2d(0.3, 0.9));
    EXPECT_DOUBLE_EQ(s2.original(0), 2.6);
    EXPECT_DOUBLE_EQ(s2.temporalDifference(0), 2.6);
    // q = (1, 2): z = 5/2 + ½ = 3; Δq = (0, 1): one addition; only x_2 changed for B.
    EXPECT_DOUBLE_EQ(s2.rounding(0), 3.0);
    EXPECT_DOUBLE_EQ(s2.sigmaDelta(0), 3.0);
    EXPECT_EQ(s2.roundingAdds, 4.0);
    EXPECT_EQ(s2.sigmaDeltaAdds, 1.0);
    EXPECT_EQ(s2.temporalDifferenceMultiplyAdds, 1.0);
}

TEST(FourNetworks, PairsComputeTheSameFunctionOnAStream) { // eqs 4.1 and 4.2
    std::mt19937_64 rng(3);
    std::vector<DenseLayer> layers{DenseLayer::xavier(20, 30, rng), DenseLayer::xavier(30, 30, rng),
                                   DenseLayer::xavier(30, 5, rng)};
    for (DenseLayer& l : layers)
        l.bias = Eigen::VectorXd::Map(test::randomSignal(l.outputs(), 9, 0.1).data(), l.outputs());
    FourNetworks nets(layers, 3.0);
    const std::vector<double> noise = test::randomSignal(200 * 20, 4);
    double maxAB = 0, maxCD = 0, maxAC = 0, scale = 0;
    for (int t = 0; t < 200; ++t) {
        Eigen::VectorXd x(20);
        for (int c = 0; c < 20; ++c) // slowly varying inputs, some units constant
            x(c) = c < 5 ? 0.4 : std::sin(0.05 * t + c) + 0.1 * noise[t * 20 + c];
        const FourNetworks::Step& s = nets.step(x);
        maxAB = std::max(maxAB, (s.temporalDifference - s.original).cwiseAbs().maxCoeff());
        maxCD = std::max(maxCD, (s.sigmaDelta - s.rounding).cwiseAbs().maxCoeff());
        maxAC = std::max(maxAC, (s.rounding - s.original).cwiseAbs().maxCoeff());
        scale = std::max(scale, s.original.cwiseAbs().maxCoeff());
        if (t > 0) {
            EXPECT_LT(s.temporalDifferenceMultiplyAdds, s.originalMultiplyAdds) << t;
        }
    }
    ASSERT_GT(scale, 0.1);
    EXPECT_LE(maxAB, 1e-12 * scale * 200);
    EXPECT_LE(maxCD, 1e-12 * scale * 200);
    EXPECT_GT(maxAC, 1e-3); // rounding does change the function (k = 3 is coarse)
}

TEST(FourNetworks, ARepeatedInputCostsTheSigmaDeltaNetNothing) {
    std::mt19937_64 rng(5);
    FourNetworks nets({DenseLayer::xavier(8, 6, rng), DenseLayer::xavier(6, 3, rng)}, 10.0);
    const Eigen::VectorXd x = Eigen::VectorXd::LinSpaced(8, -1.0, 1.0);
    const double first = nets.step(x).sigmaDeltaAdds;
    const FourNetworks::Step& again = nets.step(x);
    EXPECT_GT(first, 0.0);
    EXPECT_EQ(again.sigmaDeltaAdds, 0.0);
    EXPECT_EQ(again.temporalDifferenceMultiplyAdds, 0.0);
    EXPECT_GT(again.roundingAdds, 0.0); // the rounding net pays every step
}

TEST(FourNetworks, RefusesANonPositiveScale) {
    std::mt19937_64 rng(1);
    EXPECT_THROW(FourNetworks({DenseLayer::xavier(2, 2, rng)}, 0.0), std::invalid_argument);
}

} // namespace
} // namespace sdlab
