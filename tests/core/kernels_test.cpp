#include "kernels/stdp_kernels.h"
#include "kernels/stdp_windows.h"
#include "learning/stdp_update.h"
#include "test_helpers.h"

#include <cmath>
#include <cstdlib>
#include <gtest/gtest.h>

namespace sdlab {
namespace {

DiscreteSeries reversed(const DiscreteSeries& s) { // κ_−X(t) = κ_X(−t)
    DiscreteSeries out{-s.last(), std::vector<double>(s.values.rbegin(), s.values.rend())};
    return out;
}

TEST(StdpKernels, HandValues) { // thesis §6.4 with α = ½
    EXPECT_EQ(kappaPred(0, 0.5), 1.0);
    EXPECT_EQ(kappaPred(2, 0.5), 0.25);
    EXPECT_EQ(kappaPred(-1, 0.5), 0.0);
    EXPECT_DOUBLE_EQ(kappaSymStdp(1, 0.5), 0.5 / 0.75);
    EXPECT_DOUBLE_EQ(kappaSymStdp(-1, 0.5), 0.5 / 0.75);
    EXPECT_EQ(kappaDelta(-1), 0.5);
    EXPECT_EQ(kappaDelta(1), -0.5);
    EXPECT_EQ(kappaDelta(0), 0.0);
    EXPECT_DOUBLE_EQ(kappaDynStdp(1, 0.5), 0.5);
    EXPECT_DOUBLE_EQ(kappaDynStdp(-2, 0.5), -0.25);
    EXPECT_EQ(kappaDynStdp(0, 0.5), 0.0);
}

TEST(StdpWindows, Fig4ByHand) { // ICLR'18 Fig. 4 with α = ½: kβ = ½, g(τ) = ¼·½^|τ| / ¾
    const StdpWindows w = stdpWindowsFor(0.5, 3);
    ASSERT_EQ(w.sameSign.first, -3);
    ASSERT_EQ(w.sameSign.values.size(), 7U);
    for (long t = -3; t <= 3; ++t) {
        const double g = std::pow(0.5, static_cast<double>(std::labs(t))) / 3.0;
        EXPECT_NEAR(w.sameSign.at(t), -g, 1e-15) << t;    // same signs: the weight falls
        EXPECT_NEAR(w.oppositeSign.at(t), g, 1e-15) << t; // opposite: it rises, either order
        // Classic STDP with τ = 1/ln 2 and amplitude g(0): antisymmetric, |Δw| = g(Δt).
        EXPECT_NEAR(w.classic.at(t), t > 0 ? g : t < 0 ? -g : 0.0, 1e-15) << t;
    }
}

TEST(StdpWindows, ThePdWindowIsTheUpdateRulesStdpKernelWithTheSpikesSigns) {
    const UpdateRuleParams params{PdParams{0.2, 1.5}, PdParams{0.4, 0.9}}; // unequal sides
    for (long t : {-4L, -1L, 0L, 2L, 5L}) {
        EXPECT_DOUBLE_EQ(pdStdpWeightChange(t, params, 1, 1), -stdpWindow(t, params));
        EXPECT_DOUBLE_EQ(pdStdpWeightChange(t, params, -1, -1), -stdpWindow(t, params));
        EXPECT_DOUBLE_EQ(pdStdpWeightChange(t, params, -1, 1), stdpWindow(t, params));
    }
    // With different kα before and after, the window is no longer symmetric.
    EXPECT_NE(pdStdpWeightChange(2, params, 1, 1), pdStdpWeightChange(-2, params, 1, 1));
    EXPECT_DOUBLE_EQ(classicStdpWeightChange(2.0, 1.5, 4.0, 0.5, 8.0), 1.5 * std::exp(-0.5));
    EXPECT_DOUBLE_EQ(classicStdpWeightChange(-4.0, 1.5, 4.0, 0.5, 8.0), -0.5 * std::exp(-0.5));
    EXPECT_DOUBLE_EQ(classicStdpWeightChange(0.0, 1.5, 4.0, 0.5, 8.0), 0.0);
}

TEST(StdpKernels, ConvolutionHandWorked) {
    const DiscreteSeries a{-1, {1, 2}}, b{0, {1, 0, -1}};
    const DiscreteSeries c = convolve(a, b); // (x⁻¹ + 2)(1 − x²) = x⁻¹ + 2 − x − 2x²
    EXPECT_EQ(c.first, -1);
    EXPECT_EQ(c.values, (std::vector<double>{1, 2, -1, -2}));
}

TEST(StdpKernels, SymmetricKernelIsPredictionConvolvedWithItsReverse) {
    for (double alpha : {0.3, 0.8, 0.95}) {
        const DiscreteSeries pred = sampleKernel(kappaPred, alpha, 800);
        const DiscreteSeries sym = convolve(pred, reversed(pred));
        for (long t = -20; t <= 20; ++t)
            ASSERT_NEAR(sym.at(t), kappaSymStdp(t, alpha), 1e-10) << "alpha " << alpha;
    }
}

TEST(StdpKernels, DynamicKernelIsSymmetricConvolvedWithReversedDelta) {
    const DiscreteSeries delta{-1, {0.5, 0.0, -0.5}};
    for (double alpha : {0.3, 0.8, 0.95}) {
        const DiscreteSeries dyn =
            convolve(sampleKernel(kappaSymStdp, alpha, 200), reversed(delta));
        for (long t = -20; t <= 20; ++t)
            ASSERT_NEAR(dyn.at(t), kappaDynStdp(t, alpha), 1e-12) << "t " << t;
    }
}

// Thesis Fig. 6.5: Σ_t h_i^R(t)·(h_j^R * κ_Δ)(t) = Σ_t h_j^Q(t)·(h_i^Q * κ_DynSTDP)(t), with
// h^R = h^Q * κ_pred, summed until the tails have decayed.
TEST(StdpKernels, ApproximateDynamicsEqualStdpOnSpikeTrains) {
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        const double alpha = 0.6 + 0.06 * static_cast<double>(seed);
        const long steps = 200, horizon = 400; // α^200 < 1e-12
        DiscreteSeries hiQ{0, test::randomSpikes(steps, 0.2, seed)};
        DiscreteSeries hjQ{0, test::randomSpikes(steps, 0.2, seed + 10)};
        const DiscreteSeries pred{0, [&] {
                                      std::vector<double> k;
                                      for (long t = 0; t <= horizon; ++t)
                                          k.push_back(kappaPred(t, alpha));
                                      return k;
                                  }()};
        const DiscreteSeries hiR = convolve(hiQ, pred), hjR = convolve(hjQ, pred);
        double lhs = 0.0;
        for (long t = -1; t <= hiR.last() + 1; ++t)
            lhs += hiR.at(t) * 0.5 * (hjR.at(t + 1) - hjR.at(t - 1));
        double rhs = 0.0;
        for (long t = 0; t < steps; ++t)
            for (long s = 0; s < steps; ++s)
                rhs += hjQ.at(t) * hiQ.at(s) * kappaDynStdp(t - s, alpha);
        ASSERT_GT(std::abs(rhs), 1e-3);
        EXPECT_NEAR(lhs, rhs, 1e-9 * std::abs(rhs)) << "alpha " << alpha;
    }
}

} // namespace
} // namespace sdlab
