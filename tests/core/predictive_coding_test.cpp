#include "experiments/kernel_trajectories_run.h"
#include "kernels/predictive_coding.h"
#include "test_helpers.h"

#include <gtest/gtest.h>
#include <numeric>

namespace sdlab {
namespace {

TEST(PredictiveCoding, ThresholdByHand) { // thesis eq. 6.5, α = ½, x = 0.8 held
    const std::vector<double> x{0.8, 0.8, 0.8};
    const PredictiveCoding c = encodePredictive(x, 0.5, BitQuantizer::Threshold, 1);
    // t1: E = .8 → 1, R = 1, P = .5; t2: E = .3 → 0, R = .5, P = .25; t3: E = .55 → 1.
    EXPECT_EQ(c.bits, (std::vector<double>{1, 0, 1}));
    EXPECT_DOUBLE_EQ(c.encoded[1], 0.3);
    EXPECT_DOUBLE_EQ(c.encoded[2], 0.55);
    EXPECT_DOUBLE_EQ(c.reconstruction[1], 0.5);
    EXPECT_DOUBLE_EQ(c.reconstruction[2], 1.25);
}

TEST(PredictiveCoding, SigmaDeltaCarriesItsResidual) { // α = 0: x^E = x
    const std::vector<double> x{0.3, 0.3, 0.3, 0.3};
    const PredictiveCoding c = encodePredictive(x, 0.0, BitQuantizer::SigmaDelta, 1);
    // φ + E: .3 → 0 (φ .3); .6 → 1 (φ −.1); .2 → 0 (φ .2); .5 is not > ½ → 0.
    EXPECT_EQ(c.bits, (std::vector<double>{0, 1, 0, 0}));
    // Threshold alone never fires on 0.3: the bias sigma-delta removes.
    EXPECT_EQ(encodePredictive(x, 0.0, BitQuantizer::Threshold, 1).bits,
              (std::vector<double>(4, 0.0)));
}

TEST(PredictiveCoding, ReconstructionIsBitsConvolvedWithThePredictionKernel) { // eq. 6.7
    const std::vector<double> x = test::randomSignal(300, 5, 0.3);
    for (BitQuantizer q :
         {BitQuantizer::Threshold, BitQuantizer::Random, BitQuantizer::SigmaDelta}) {
        const PredictiveCoding c = encodePredictive(x, 0.7, q, 9);
        const KernelTrajectoriesRun run = runKernelTrajectories(c.bits, c.bits, 0.7);
        for (std::size_t t = 0; t < x.size(); ++t)
            ASSERT_NEAR(c.reconstruction[t], run.preTrace[t], 1e-12) << t;
    }
}

TEST(PredictiveCoding, RandomQuantizerIsUnbiased) {
    // α = 0.2, x = ½: x^E stays in [¼, ½], so no clipping, and E[x^R] = x.
    const std::vector<double> x(100'000, 0.5);
    const PredictiveCoding c = encodePredictive(x, 0.2, BitQuantizer::Random, 3);
    const double mean =
        std::accumulate(c.reconstruction.begin(), c.reconstruction.end(), 0.0) / 1e5;
    EXPECT_NEAR(mean, 0.5, 0.01);
    // The same seed gives the same bits.
    EXPECT_EQ(encodePredictive(x, 0.2, BitQuantizer::Random, 3).bits, c.bits);
}

TEST(PredictiveCoding, DynamicsWeightChangeByHand) { // thesis eq. 6.2
    // ½·[1·(5 − 0) + 2·(0 − 3)] = −½, h = 0 outside 1..T.
    const std::vector<double> pre{1, 2}, post{3, 5};
    const std::vector<double> w = dynamicsWeightChange(pre, post);
    EXPECT_DOUBLE_EQ(w[0], 2.5);
    EXPECT_DOUBLE_EQ(w[1], -0.5);
    EXPECT_EQ(centralDifference(post), (std::vector<double>{2.5, -1.5}));
}

TEST(PredictiveCoding, ParsesItsQuantizers) {
    EXPECT_EQ(parseBitQuantizer("sigma-delta"), BitQuantizer::SigmaDelta);
    EXPECT_EQ(parseBitQuantizer("random"), BitQuantizer::Random);
    EXPECT_FALSE(parseBitQuantizer("herding").has_value());
}

} // namespace
} // namespace sdlab
