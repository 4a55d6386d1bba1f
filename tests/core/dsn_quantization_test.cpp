#include "coding/bernoulli_quantizer.h"
#include "coding/spiking_stream_quantizer.h"
#include "coding/stochastic_vector_sampler.h"
#include "coding/threshold_quantizer.h"
#include "experiments/vector_quantization_run.h"
#include "test_helpers.h"

#include <gtest/gtest.h>

namespace sdlab {
namespace {

TEST(SpikingStreamQuantizer, HandWorkedHerding) { // DSN Alg. 1
    // v = (0.3, −0.7): t1 φ = (.3, −.7) → (1, −1), φ = (.3, .3); t2 φ = (.6, −.4) → (0, +1);
    // t3 φ = (−.1, −1.1) → (1, −1).
    SpikingStreamQuantizer q(2);
    const Eigen::Array2d v(0.3, -0.7);
    std::vector<SignedSpike> out;
    const std::vector<std::vector<SignedSpike>> expected = {{{1, -1}}, {{0, 1}}, {{1, -1}}};
    for (const auto& step : expected) {
        out.clear();
        q.step(v, out);
        EXPECT_EQ(out, step);
    }
    EXPECT_NEAR(q.potentials()(0), -0.1, 1e-15);
    EXPECT_NEAR(q.potentials()(1), -0.1, 1e-15);
}

TEST(VectorQuantization, HerdingBoundIsDOverTwoT) { // DSN eq. 9, hand-computed
    EXPECT_DOUBLE_EQ(herdingErrorBound(10.0, 1000.0), 0.005);
    EXPECT_DOUBLE_EQ(herdingErrorBound(3.0, 2.0), 0.75);
}

TEST(SpikingStreamQuantizer, HerdingErrorWithinBoundForEveryT) { // DSN eq. 9
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
        const auto values = test::randomSignal(20, seed, 1.5);
        const VectorQuantizationRun run =
            runVectorQuantization(values, 5000, VectorQuantizationMethod::Herding, seed);
        for (std::size_t t = 0; t < run.l1Error.size(); ++t)
            ASSERT_LE(run.l1Error[t], 20.0 / (2.0 * static_cast<double>(t + 1)) + 1e-12)
                << "T " << t + 1;
    }
}

TEST(SpikingStreamQuantizer, StreamSpikesTrackRunningSum) { // DSN eq. 11, Alg. 6
    SpikingStreamQuantizer q(5);
    Eigen::ArrayXd sum = Eigen::ArrayXd::Zero(5), spikes = Eigen::ArrayXd::Zero(5);
    std::vector<SignedSpike> out;
    const auto x = test::randomSignal(5 * 1000, 21);
    for (int t = 0; t < 1000; ++t) {
        const Eigen::ArrayXd v = Eigen::Map<const Eigen::ArrayXd>(&x[5 * t], 5);
        sum += v;
        out.clear();
        q.step(v, out);
        for (const auto& s : out)
            spikes(s.index) += s.sign;
        ASSERT_LE((sum - spikes).abs().maxCoeff(), 0.5 + 1e-12);
    }
}

// Spike count of Alg. 7 by T: max(0, max_{T'≤T} ceil(S_T' − ½)), DSN eq. 12.
TEST(RectifiedStreamQuantizer, CountFollowsEquation12) {
    const int d = 6, steps = 400;
    RectifiedStreamQuantizer q(d);
    Eigen::ArrayXd sum = Eigen::ArrayXd::Zero(d), maxCeil = Eigen::ArrayXd::Zero(d);
    Eigen::ArrayXd counts = Eigen::ArrayXd::Zero(d);
    std::vector<SignedSpike> out;
    const auto x = test::randomSignal(d * steps, 31, 0.8);
    for (int t = 0; t < steps; ++t) {
        const Eigen::ArrayXd v = Eigen::Map<const Eigen::ArrayXd>(&x[d * t], d);
        sum += v;
        out.clear();
        q.step(v, out);
        for (const auto& s : out) {
            EXPECT_EQ(s.sign, 1);
            counts(s.index) += 1;
        }
        for (int j = 0; j < d; ++j) {
            maxCeil(j) = std::max(maxCeil(j), std::floor(sum(j) + 0.5)); // eq. 12, no ties here
            ASSERT_EQ(counts(j), std::max(0.0, maxCeil(j))) << "unit " << j << " t " << t;
        }
    }
}

TEST(RectifiedStreamQuantizer, HandWorkedAndRateApproachesRelu) { // DSN Alg. 7, eq. 3
    RectifiedStreamQuantizer q(2);
    std::vector<SignedSpike> out;
    q.step(Eigen::Array2d(0.8, -0.3), out); // φ (.8, −.3) → fire 0 → (−.2, −.3)
    q.step(Eigen::Array2d(0.8, -0.3), out); // φ (.6, −.6) → fire 0 → (−.4, −.6)
    q.step(Eigen::Array2d(0.8, -0.3), out); // φ (.4, −.9): silent
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0], (SignedSpike{0, 1}));
    EXPECT_EQ(out[1], (SignedSpike{0, 1}));

    // Noisy stream with means (0.37, −0.2, 0.05): rates → ReLU(means) = (0.37, 0, 0.05).
    RectifiedStreamQuantizer relu(3);
    const Eigen::Array3d mean(0.37, -0.2, 0.05);
    Eigen::Array3d counts = Eigen::Array3d::Zero();
    const auto noise = test::randomSignal(3 * 20000, 41, 0.3);
    for (int t = 0; t < 20000; ++t) {
        out.clear();
        relu.step(mean + Eigen::Map<const Eigen::Array3d>(&noise[3 * t]), out);
        for (const auto& s : out)
            counts(s.index) += 1;
    }
    const Eigen::Array3d rate = counts / 20000.0;
    EXPECT_NEAR(rate(0), 0.37, 0.01);
    EXPECT_NEAR(rate(1), 0.0, 0.01);
    EXPECT_NEAR(rate(2), 0.05, 0.01);
}

TEST(StochasticVectorSampler, SeededAndConvergesAsInverseSqrtT) { // DSN Alg. 5, Fig. 1
    const std::vector<double> v = {0.5, -0.25, 0.8, 0.0, -0.6};
    const auto a = runVectorQuantization(v, 200, VectorQuantizationMethod::Stochastic, 9);
    const auto b = runVectorQuantization(v, 200, VectorQuantizationMethod::Stochastic, 9);
    const auto c = runVectorQuantization(v, 200, VectorQuantizationMethod::Stochastic, 10);
    EXPECT_EQ(a.spikes, b.spikes);
    EXPECT_NE(a.spikes, c.spikes);
    for (const auto& s : a.spikes) {
        EXPECT_NE(s.index, 3); // v_3 = 0 never fires
        EXPECT_EQ(s.sign, v[static_cast<std::size_t>(s.index)] > 0 ? 1 : -1);
    }
    // Mean error over seeds at T = 100 vs T = 10000: 1/√T predicts a ratio of 10;
    // herding (1/T) would give about 100.
    double early = 0.0, late = 0.0;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const auto run =
            runVectorQuantization(v, 10000, VectorQuantizationMethod::Stochastic, seed);
        early += run.l1Error[99];
        late += run.l1Error[9999];
    }
    EXPECT_GT(early / late, 5.0);
    EXPECT_LT(early / late, 20.0);
    const auto herding = runVectorQuantization(v, 10000, VectorQuantizationMethod::Herding, 1);
    EXPECT_LT(herding.l1Error[9999] * 20.0, late / 20.0);
}

TEST(ThresholdAndBernoulliQuantizers, Definitions) { // thesis §6.3.4
    const ThresholdQuantizer threshold;
    EXPECT_EQ(threshold.step(0.5), 0.0);
    EXPECT_EQ(threshold.step(0.51), 1.0);
    EXPECT_EQ(ThresholdQuantizer(0.2).step(0.3), 1.0);
    BernoulliQuantizer bernoulli(5), again(5);
    double ones = 0.0;
    for (int t = 0; t < 100000; ++t) {
        const double s = bernoulli.step(0.3);
        ASSERT_EQ(s, again.step(0.3));
        ones += s;
    }
    EXPECT_NEAR(ones / 100000.0, 0.3, 0.005);
    EXPECT_EQ(bernoulli.step(1.5), 1.0);
    EXPECT_EQ(bernoulli.step(-0.5), 0.0);
}

} // namespace
} // namespace sdlab
