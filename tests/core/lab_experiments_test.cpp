// The computations added for the GUI labs: quantizer choice in the Signal lab, the
// kernel trajectories (thesis Fig. 6.5), the spiking ReLU (DSN Alg. 7) and the
// receivers' decoders of the Encoders lab.
#include "coding/stochastic_rounding_quantizer.h"
#include "coding/value_ops.h"
#include "data/signals.h"
#include "data/spike_trains.h"
#include "encoders/latency_encoder.h"
#include "experiments/channel_encoding_run.h"
#include "experiments/kernel_trajectories_run.h"
#include "experiments/pd_coding_run.h"
#include "experiments/rectified_rate_run.h"
#include "test_helpers.h"

#include <cmath>
#include <gtest/gtest.h>

namespace sdlab {
namespace {

TEST(StochasticRoundingQuantizer, GivesFloorOrCeilAndIsUnbiased) {
    for (const double x : {-1.3, 0.25, 2.7}) {
        StochasticRoundingQuantizer quantizer(7);
        double sum = 0.0;
        const int draws = 200'000;
        for (int i = 0; i < draws; ++i) {
            const double s = quantizer.step(x);
            ASSERT_TRUE(s == std::floor(x) || s == std::ceil(x)) << x << " gave " << s;
            sum += s;
        }
        // Standard error of the mean ≤ 0.5/√draws ≈ 0.0011; 0.006 is five of them.
        EXPECT_NEAR(sum / draws, x, 0.006) << x;
    }
    StochasticRoundingQuantizer quantizer(1);
    EXPECT_EQ(quantizer.step(-3.0), -3.0); // integers pass unchanged
}

TEST(PdCoding, RoundingQuantizerRoundsEachEncoderOutput) {
    const auto x = test::randomSignal(300, 3);
    const PdParams params{0.5, 2.0};
    const PdCodingRun rounding = runPdCoding(x, params, PdQuantizerKind::Rounding);
    const PdCodingRun stochastic = runPdCoding(x, params, PdQuantizerKind::Stochastic, 9);
    for (std::size_t t = 0; t < x.size(); ++t) {
        EXPECT_EQ(rounding.s[t], roundHalfAwayFromZero(rounding.a[t]));
        EXPECT_TRUE(stochastic.s[t] == std::floor(stochastic.a[t]) ||
                    stochastic.s[t] == std::ceil(stochastic.a[t]));
    }
    EXPECT_EQ(parsePdQuantizerKind("stochastic"), PdQuantizerKind::Stochastic);
    EXPECT_FALSE(parsePdQuantizerKind("Sigma-Delta").has_value());
}

TEST(PdCoding, SigmaDeltaBeatsMemorylessQuantizersOnASmoothSignal) {
    // The residual carried by Q makes its error cancel over time (ICLR'18 §2.3).
    const auto x = test::randomSignal(2000, 5);
    std::vector<double> smooth(x.size());
    double state = 0.0;
    for (std::size_t t = 0; t < x.size(); ++t)
        smooth[t] = state = 0.95 * state + 0.05 * x[t] * 10.0;
    const PdParams params{0.2, 3.0};
    const double sd = runPdCoding(smooth, params).rmse;
    EXPECT_LT(sd, runPdCoding(smooth, params, PdQuantizerKind::Rounding).rmse);
    EXPECT_LT(sd, runPdCoding(smooth, params, PdQuantizerKind::Stochastic, 2).rmse);
}

TEST(KernelTrajectories, HandWorkedPairAtHalf) {
    // Pre spike at t = 1, post at t = 2, α = ½. STDP: κ_DynSTDP(1) = ½. Approximate:
    // ½ + ⅛ − ⅛ = ½. Dynamics: ½ − (⅛ + ⅛·¼ + …) = ½ − ⅙ = ⅓.
    const std::vector<double> pre{1, 0, 0}, post{0, 1, 0};
    const KernelTrajectoriesRun run = runKernelTrajectories(pre, post, 0.5);
    EXPECT_NEAR(run.stdp.back(), 0.5, 1e-12);
    EXPECT_NEAR(run.approximate.back(), 0.5, 1e-12);
    EXPECT_NEAR(run.dynamics.back(), 1.0 / 3.0, 1e-12);
    EXPECT_EQ(run.stdp[0], 0.0);
    EXPECT_EQ(run.stdp[1], 0.5); // the STDP update lands at the post spike
    EXPECT_EQ(run.preTrace[2], 0.25);
}

TEST(KernelTrajectories, ApproximateDynamicsEqualsStdpTotal) { // spec §4, thesis Fig. 6.5
    for (const double alpha : {0.3, 0.8, 0.95}) {
        std::mt19937_64 engine(11);
        const auto pre = randomSpikeTrain(400, 0.1, engine, false);
        const auto post = randomSpikeTrain(400, 0.1, engine, true);
        const KernelTrajectoriesRun run = runKernelTrajectories(pre, post, alpha);
        const double scale = std::max(1.0, std::abs(run.stdp.back()));
        EXPECT_NEAR(run.approximate.back(), run.stdp.back(), 1e-9 * scale) << alpha;
        EXPECT_GT(run.dynamics.size(), pre.size()); // the tails are included
    }
}

TEST(RectifiedRate, RateIsReluWithinHalfASpike) { // DSN eq. 12
    const long steps = 1000;
    const RectifiedRateRun run = runRectifiedRate(-1.0, 1.0, 11, steps, 0.0, 1);
    ASSERT_EQ(run.input.size(), 11u);
    for (std::size_t k = 0; k < run.input.size(); ++k) {
        EXPECT_EQ(run.relu[k], std::max(0.0, run.input[k]));
        EXPECT_LE(std::abs(run.rate[k] - run.relu[k]), 0.5 / steps + 1e-12) << run.input[k];
    }
    const RectifiedRateRun noisy = runRectifiedRate(-1.0, 1.0, 11, steps, 0.3, 4);
    EXPECT_EQ(noisy.rate.front(), runRectifiedRate(-1.0, 1.0, 11, steps, 0.3, 4).rate.front());
    EXPECT_NEAR(noisy.rate.back(), 1.0, 0.05); // far above zero the noise averages out
}

TEST(ChannelDecoding, HandWorkedDecoders) {
    ChannelEncodingOptions rate;
    rate.method = ChannelEncoding::Rate;
    rate.steps = 4;
    const auto rateEstimate = decodeChannels({{1, 0, 1.0}, {3, 0, 1.0}}, 1, rate);
    EXPECT_EQ(rateEstimate[0], (std::vector<double>{1.0, 0.5, 2.0 / 3.0, 0.5}));

    ChannelEncodingOptions delta;
    delta.method = ChannelEncoding::Delta;
    delta.threshold = 0.1;
    delta.steps = 6;
    const auto deltaSpikes = runChannelEncoding({{0.05, 0.2, 0.25, 0.05, 0.04, 0.3}}, delta);
    const auto deltaEstimate = decodeChannels(deltaSpikes, 1, delta);
    const std::vector<double> expected{0, 0.1, 0.1, 0, 0, 0.1};
    for (std::size_t t = 0; t < expected.size(); ++t)
        EXPECT_NEAR(deltaEstimate[0][t], expected[t], 1e-15) << t;
}

TEST(ChannelDecoding, PdDecodeMatchesThePdPipeline) {
    ChannelEncodingOptions pd;
    pd.method = ChannelEncoding::Pd;
    pd.pd = {0.3, 2.0};
    pd.steps = 500;
    const auto x = test::randomSignal(500, 8);
    const auto estimate = decodeChannels(runChannelEncoding({x}, pd), 1, pd);
    const PdCodingRun reference = runPdCoding(x, pd.pd);
    for (std::size_t t = 0; t < x.size(); ++t)
        EXPECT_EQ(estimate[0][t], reference.xHat[t]) << t;
}

TEST(ChannelDecoding, LatencyEstimateFiresAtTheSameStep) {
    ChannelEncodingOptions latency;
    latency.method = ChannelEncoding::Latency;
    latency.steps = 50;
    const LatencyEncoder encoder{latency.tau, latency.threshold, false};
    for (const double x : {0.9, 0.3, 0.05, 0.012}) {
        const auto spikes = runChannelEncoding({{x}}, latency);
        ASSERT_EQ(spikes.size(), 1u) << x;
        const auto estimate = decodeChannels(spikes, 1, latency);
        const double xHat = estimate[0].back();
        EXPECT_EQ(encoder.firingStep(xHat, latency.steps), spikes[0].step) << x;
        const auto spikeIndex = static_cast<std::size_t>(spikes[0].step) - 1;
        EXPECT_EQ(estimate[0][spikeIndex], xHat); // held from the spike on
        if (spikeIndex > 0) {
            EXPECT_EQ(estimate[0][spikeIndex - 1], 0.0);
        }
    }
}

TEST(Signals, SweepWeightIsTheSmoothSignalOfTheNextSeed) {
    EXPECT_EQ(makeSweepWeight(300, 4), makeSignal(SignalKind::Smooth, 300, 5));
}

TEST(Signals, UniformVectorIsSeededAndInRange) {
    const auto v = makeUniformVector(1000, 3);
    ASSERT_EQ(v.size(), 1000u);
    double sum = 0.0;
    for (const double value : v) {
        EXPECT_GE(value, -1.0);
        EXPECT_LT(value, 1.0);
        sum += value;
    }
    EXPECT_NEAR(sum / 1000.0, 0.0, 0.1); // mean 0, standard error 0.018
    EXPECT_EQ(v, makeUniformVector(1000, 3));
    EXPECT_NE(v, makeUniformVector(1000, 4));
}

} // namespace
} // namespace sdlab
