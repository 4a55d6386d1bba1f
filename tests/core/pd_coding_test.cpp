#include "coding/pd_auto_tuner.h"
#include "coding/pd_decoder.h"
#include "coding/pd_encoder.h"
#include "coding/sigma_delta_quantizer.h"
#include "coding/temporal_operators.h"
#include "experiments/pd_coding_run.h"
#include "experiments/weight_drift_run.h"
#include "test_helpers.h"

#include <cmath>
#include <gtest/gtest.h>

namespace sdlab {
namespace {

TEST(PdParams, AlphaBetaRoundTrip) {
    const PdParams p{0.3, 1.7};
    EXPECT_DOUBLE_EQ(p.kAlpha(), 1.7 / 2.0);
    EXPECT_DOUBLE_EQ(p.kBeta(), 1.0 / 2.0);
    const PdParams back = PdParams::fromAlphaBeta(p.kAlpha(), p.kBeta());
    EXPECT_NEAR(back.kp, 0.3, 1e-15);
    EXPECT_NEAR(back.kd, 1.7, 1e-15);
}

TEST(PdParams, RejectsNegativeAndZeroSum) {
    EXPECT_TRUE(PdParams({0.1, 1.0}).validationError().empty());
    EXPECT_TRUE(PdParams({0.0, 1.0}).validationError().empty());
    EXPECT_FALSE(PdParams({-0.1, 1.0}).validationError().empty());
    EXPECT_FALSE(PdParams({0.1, -1.0}).validationError().empty());
    EXPECT_FALSE(PdParams({0.0, 0.0}).validationError().empty());
    EXPECT_FALSE(PdParams({std::nan(""), 1.0}).validationError().empty());
}

TEST(PdCoding, HandWorkedEncodeQuantizeDecode) {
    // kp = kd = 1 (kα = kβ = ½), x = 0.4 constant: a = 0.8, 0.4, 0.4, 0.4;
    // Q: 1 (φ −0.2), 0 (φ 0.2), 1 (φ −0.4), 0 (φ 0); x̂ = 0.5, 0.25, 0.625, 0.3125.
    const PdParams p{1.0, 1.0};
    const std::vector<double> x(4, 0.4);
    const PdCodingRun run = runPdCoding(x, p);
    const double a[] = {0.8, 0.4, 0.4, 0.4}, s[] = {1, 0, 1, 0},
                 xHat[] = {0.5, 0.25, 0.625, 0.3125};
    for (int t = 0; t < 4; ++t) {
        EXPECT_NEAR(run.a[t], a[t], 1e-15);
        EXPECT_EQ(run.s[t], s[t]);
        EXPECT_NEAR(run.xHat[t], xHat[t], 1e-15);
    }
    EXPECT_EQ(run.spikes, 2.0);
}

TEST(WeightDrift, WithAFixedWeightTheProductIsTheCodedSignal) {
    const std::vector<double> x = test::randomSignal(300, 4);
    const PdParams params{0.1, 2.0};
    const WeightDriftRun run = runWeightDrift(x, params, 0.0, PdQuantizerKind::SigmaDelta, 9);
    const PdCodingRun coded = runPdCoding(x, params, PdQuantizerKind::SigmaDelta, 9);
    for (std::size_t t = 0; t < x.size(); ++t) {
        EXPECT_EQ(run.w[t], 1.0);
        EXPECT_EQ(run.product[t], x[t]);
        EXPECT_DOUBLE_EQ(run.withKp[t], coded.xHat[t]) << t; // dec(s·1) = dec(s)
    }
}

TEST(WeightDrift, WithoutKpEachChangeKeepsTheWeightItWasSentWith) { // ICLR'18 Fig. 2 row 2
    const std::vector<double> x = test::randomSignal(200, 5);
    const PdParams params{0.3, 1.5};
    const WeightDriftRun run = runWeightDrift(x, params, 0.05, PdQuantizerKind::SigmaDelta, 2);
    // kp = 0: ẑ_t = Σ_{τ≤t} s_τ·w_τ / kd with s = Q(kd·(x_τ − x_{τ−1})).
    const PdCodingRun changes = runPdCoding(x, PdParams{0.0, 1.5}, PdQuantizerKind::SigmaDelta, 2);
    double sum = 0.0;
    for (std::size_t t = 0; t < x.size(); ++t) {
        sum += changes.s[t] * run.w[t];
        EXPECT_NEAR(run.withoutKp[t], sum / 1.5, 1e-12) << t;
    }
}

TEST(WeightDrift, KpBringsTheReconstructionBackToTheProduct) { // ICLR'18 Fig. 2 rows 3-4
    std::vector<double> x(2000);
    for (std::size_t t = 0; t < x.size(); ++t)
        x[t] = std::sin(0.01 * static_cast<double>(t)) +
               0.5 * std::sin(0.037 * static_cast<double>(t));
    // Over eight walks of the weight (one walk may happen to stay near 1).
    double without = 0.0, with = 0.0;
    for (std::uint64_t seed = 1; seed <= 8; ++seed) {
        const WeightDriftRun run =
            runWeightDrift(x, PdParams{0.5, 10.0}, 0.01, PdQuantizerKind::SigmaDelta, seed);
        without += run.rmseWithoutKp / 8.0;
        with += run.rmseWithKp / 8.0;
    }
    EXPECT_GT(without, 3.0 * with) << without << " vs " << with;
    EXPECT_LT(with, 0.05);
}

TEST(PdCoding, DecodeOfEncodeIsIdentity) { // ICLR'18 eqs. 4-5
    for (const PdParams p :
         {PdParams{0.1, 1.0}, PdParams{2.0, 0.0}, PdParams{0.0, 3.0}, PdParams{5.0, 50.0}}) {
        PdEncoder enc(p);
        PdDecoder dec(p);
        for (double x : test::randomSignal(2000, 7))
            ASSERT_NEAR(dec.step(enc.step(x)), x, 1e-9) << "kp " << p.kp << " kd " << p.kd;
    }
}

TEST(PdCoding, KpZeroReconstructsRoundedScaledSignal) { // ICLR'18 §2.3.1
    const double kd = 3.0;
    const auto x = test::randomSignal(1000, 8);
    const PdCodingRun run = runPdCoding(x, {0.0, kd});
    for (std::size_t t = 0; t < x.size(); ++t)
        ASSERT_NEAR(run.xHat[t], std::round(x[t] * kd) / kd, 1e-9) << "t " << t;
}

TEST(PdCoding, KdZeroIsMemorylessCodingOfSigmaDeltaOfScaledSignal) { // ICLR'18 §2.3.1
    // x̂ = (kp⁻¹∘Δ∘R∘Σ∘kp)(x): neither encoder nor decoder remembers anything.
    const double kp = 2.5;
    const auto x = test::randomSignal(1000, 9);
    const PdCodingRun run = runPdCoding(x, {kp, 0.0});
    TemporalSum sigma;
    TemporalDifference delta;
    for (std::size_t t = 0; t < x.size(); ++t) {
        EXPECT_DOUBLE_EQ(run.a[t], kp * x[t]);
        const double expected = delta.step(std::round(sigma.step(kp * x[t]))) / kp;
        ASSERT_NEAR(run.xHat[t], expected, 1e-12) << "t " << t;
    }
}

TEST(PdCoding, ArrayVersionsMatchScalar) {
    const PdParams p{0.2, 1.5};
    PdEncoderArray enc(p, Eigen::ArrayXd::Zero(3));
    PdDecoderArray dec(p, Eigen::ArrayXd::Zero(3));
    std::vector<PdEncoder> encs(3, PdEncoder(p));
    std::vector<PdDecoder> decs(3, PdDecoder(p));
    const auto x = test::randomSignal(300, 4);
    for (int t = 0; t < 100; ++t) {
        const Eigen::Array3d frame(x[3 * t], x[3 * t + 1], x[3 * t + 2]);
        const Eigen::ArrayXd y = dec.step(enc.step(frame));
        for (int c = 0; c < 3; ++c)
            ASSERT_DOUBLE_EQ(y(c), decs[c].step(encs[c].step(frame(c))));
    }
}

TEST(PdCoding, LargerGainsReconstructBetter) { // ICLR'18 Fig. 1
    const auto x = test::randomSignal(3000, 12);
    EXPECT_LT(runPdCoding(x, {1.0, 10.0}).rmse, runPdCoding(x, {0.1, 1.0}).rmse);
    EXPECT_GT(runPdCoding(x, {1.0, 10.0}).spikes, runPdCoding(x, {0.1, 1.0}).spikes);
}

TEST(PdAutoTuner, HandWorkedSteps) {         // ICLR'18 eq. 21
    PdAutoTuner tuner({0.5, 1.0, 0.5, 1.0}); // η, kβ_rel, kα, μ0 → kβ starts at 1
    EXPECT_DOUBLE_EQ(tuner.kBeta(), 1.0);
    PdParams p = tuner.update(3.0); // μ = 0.5 + 1.5 = 2; kβ = 1 + 0.5·(2 − 1) = 1.5
    EXPECT_DOUBLE_EQ(tuner.runningMean(), 2.0);
    EXPECT_DOUBLE_EQ(tuner.kBeta(), 1.5);
    EXPECT_NEAR(p.kp, 1.0 / 3.0, 1e-15);
    EXPECT_NEAR(p.kd, 1.0 / 3.0, 1e-15);
    Eigen::ArrayXd x(2);
    // A layer's size is mean |x_i| = 3: μ = 1 + 1.5 = 2.5; kβ = 1.5 + 0.5·(2.5 − 1.5) = 2
    x << -2.0, 4.0;
    p = tuner.update(x);
    EXPECT_DOUBLE_EQ(tuner.kBeta(), 2.0);
    EXPECT_DOUBLE_EQ(p.kp, 0.25);
    EXPECT_DOUBLE_EQ(p.kd, 0.25);
}

TEST(PdAutoTuner, PaperDefaultsTrackSignalMagnitude) {
    PdAutoTuner tuner; // η 0.001, kβ_rel 0.91, kα 0.91, μ0 1
    for (int t = 0; t < 30000; ++t)
        tuner.update(5.0);
    EXPECT_NEAR(tuner.runningMean(), 5.0, 1e-6);
    EXPECT_NEAR(tuner.kBeta(), 0.91 * 5.0, 1e-3);
    EXPECT_NEAR(tuner.params().kAlpha(), 0.91, 1e-12);
}

} // namespace
} // namespace sdlab
