#include "coding/sigma_delta_quantizer.h"
#include "coding/temporal_operators.h"
#include "test_helpers.h"
#include "util/round_half_away.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <gtest/gtest.h>
#include <limits>
#include <vector>

namespace sdlab {
namespace {

TEST(TemporalOperators, DeltaSigmaAndRoundOnHandWorkedSequence) {
    TemporalDifference delta;
    TemporalSum sigma;
    const double x[] = {1.0, 3.0, 2.5, -1.0};
    const double expectedDelta[] = {1.0, 2.0, -0.5, -3.5};
    const double expectedSum[] = {1.0, 4.0, 6.5, 5.5};
    for (int t = 0; t < 4; ++t) {
        EXPECT_DOUBLE_EQ(delta.step(x[t]), expectedDelta[t]);
        EXPECT_DOUBLE_EQ(sigma.step(x[t]), expectedSum[t]);
    }
    EXPECT_EQ(roundHalfAwayFromZero(2.5), 3.0);
    EXPECT_EQ(roundHalfAwayFromZero(-2.5), -3.0);
    EXPECT_EQ(roundHalfAwayFromZero(0.49), 0.0);
}

TEST(TemporalOperators, SigmaOfDeltaIsIdentity) { // ICLR'18 §2.1
    TemporalDifference delta;
    TemporalSum sigma;
    for (double x : test::randomSignal(500, 3))
        EXPECT_NEAR(sigma.step(delta.step(x)), x, 1e-12);
}

TEST(SigmaDeltaQuantizer, HandWorkedExample) {
    // φ: 0.3 → s 0; 0.6 → s 1, φ −0.4; −0.1 → s 0; 0.2 → s 0
    SigmaDeltaQuantizer q;
    const double expected[] = {0, 1, 0, 0};
    for (double e : expected)
        EXPECT_EQ(q.step(0.3), e);
    EXPECT_NEAR(q.residual(), 0.2, 1e-15);
    // Large inputs give multi-unit spikes: 2.6 → 3 (φ −0.4); −1.3 → −2 (φ 0.3).
    SigmaDeltaQuantizer big;
    EXPECT_EQ(big.step(2.6), 3.0);
    EXPECT_EQ(big.step(-1.3), -2.0);
    EXPECT_NEAR(big.residual(), 0.3, 1e-15);
}

TEST(SigmaDeltaQuantizer, EqualsDeltaRoundSigma) { // ICLR'18 App. C: Q = Δ∘R∘Σ
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
        SigmaDeltaQuantizer q;
        TemporalSum sigma;
        TemporalDifference delta;
        for (double x : test::randomSignal(5000, seed, 0.3 * static_cast<double>(seed))) {
            const double reference = delta.step(roundHalfAwayFromZero(sigma.step(x)));
            ASSERT_EQ(q.step(x), reference);
        }
    }
}

TEST(SigmaDeltaQuantizer, IdentityCanDifferOnlyAtTiesThatCrossZero) {
    // Half-away-from-zero rounding breaks round(a + n) = round(a) + n at a = −½: here the
    // residual reaches −½ and rounds to −1, while Δ∘R∘Σ rounds the sum 1.5 to 2. Both keep
    // |φ| ≤ ½; the identity above is exact for every input that never lands on a tie.
    SigmaDeltaQuantizer q;
    TemporalSum sigma;
    TemporalDifference delta;
    const double x[] = {1.75, -0.25, 0.5};
    const double viaQ[] = {2, -1, 1};
    const double viaDeltaRoundSigma[] = {2, 0, 0};
    for (int t = 0; t < 3; ++t) {
        EXPECT_EQ(q.step(x[t]), viaQ[t]);
        EXPECT_EQ(delta.step(roundHalfAwayFromZero(sigma.step(x[t]))), viaDeltaRoundSigma[t]);
    }
}

TEST(SigmaDeltaQuantizer, ResidualNeverExceedsHalf) {
    SigmaDeltaQuantizer q;
    for (double x : test::randomSignal(20000, 11, 5.0)) {
        q.step(x);
        ASSERT_LE(std::abs(q.residual()), 0.5);
    }
}

TEST(SigmaDeltaQuantizer, ArrayVersionMatchesScalarPerChannel) {
    const int channels = 7;
    SigmaDeltaQuantizerArray vectorQ(Eigen::ArrayXd::Zero(channels));
    std::vector<SigmaDeltaQuantizer> scalarQ(channels);
    const auto x = test::randomSignal(300 * channels, 5, 2.0);
    Eigen::ArrayXd frame(channels);
    for (int t = 0; t < 300; ++t) {
        for (int c = 0; c < channels; ++c)
            frame(c) = x[static_cast<std::size_t>(t * channels + c)];
        const Eigen::ArrayXd& s = vectorQ.step(frame);
        for (int c = 0; c < channels; ++c)
            ASSERT_EQ(s(c), scalarQ[static_cast<std::size_t>(c)].step(frame(c)));
    }
    // Eigen's round must also round half away from zero.
    Eigen::ArrayXd ties(4);
    ties << 0.5, -0.5, 1.5, -2.5;
    const Eigen::ArrayXd rounded = roundHalfAwayFromZero(ties);
    EXPECT_EQ(rounded(0), 1.0);
    EXPECT_EQ(rounded(1), -1.0);
    EXPECT_EQ(rounded(2), 2.0);
    EXPECT_EQ(rounded(3), -3.0);
}

} // namespace
} // namespace sdlab

namespace sdlab {
namespace {

TEST(RoundHalfAwayFromZero, EqualsStdRoundEverywhere) {
    const double special[] = {0.5,
                              -0.5,
                              1.5,
                              -1.5,
                              2.5,
                              -2.5,
                              0.49999999999999994,
                              -0.49999999999999994,
                              4503599627370495.5,
                              -4503599627370495.5,
                              4503599627370496.0,
                              9007199254740993.0,
                              1e300,
                              -1e300,
                              0.0,
                              -0.0,
                              std::numeric_limits<double>::infinity(),
                              -std::numeric_limits<double>::infinity(),
                              std::numeric_limits<double>::denorm_min()};
    for (double x : special) {
        EXPECT_EQ(roundHalfAwayFromZero(x), std::round(x)) << x;
        EXPECT_EQ(roundHalfAwayFromZeroByTruncation(x), std::round(x)) << x;
        EXPECT_FALSE(std::signbit(roundHalfAwayFromZeroByTruncation(x)) &&
                     roundHalfAwayFromZeroByTruncation(x) == 0.0)
            << "−0 for " << x;
        EXPECT_FALSE(std::signbit(roundHalfAwayFromZero(x)) && roundHalfAwayFromZero(x) == 0.0)
            << "−0 for " << x;
    }
    // No "-0" in result files: small negatives round to +0, as arrays too.
    EXPECT_FALSE(std::signbit(roundHalfAwayFromZero(-0.3)));
    const Eigen::ArrayXd smallNegative = Eigen::ArrayXd::Constant(3, -0.3);
    EXPECT_FALSE(std::signbit(roundHalfAwayFromZero(smallNegative)(0)));
    EXPECT_TRUE(std::isnan(roundHalfAwayFromZero(std::nan(""))));
    // The vectorised array version on the same cases.
    const Eigen::ArrayXd specialArray =
        Eigen::Map<const Eigen::ArrayXd>(special, std::size(special));
    const Eigen::ArrayXd roundedArray = roundHalfAwayFromZero(specialArray);
    for (Eigen::Index i = 0; i < specialArray.size(); ++i)
        EXPECT_EQ(roundedArray(i), std::round(specialArray(i))) << specialArray(i);
    Eigen::ArrayXd randomArray(200000);
    std::mt19937_64 engine(1);
    std::uniform_real_distribution<double> uniform(-1e6, 1e6);
    for (int i = 0; i < 100000; ++i) {
        const double x = uniform(engine) / (1 << (i % 20));
        ASSERT_EQ(roundHalfAwayFromZero(x), std::round(x)) << x;
        const double tie = std::floor(x) + 0.5;
        ASSERT_EQ(roundHalfAwayFromZero(tie), std::round(tie)) << tie;
        // The truncating form, also just beside each tie, where a carry would show.
        for (double y : {x, tie, std::nextafter(tie, 0.0), std::nextafter(tie, 2 * tie)})
            ASSERT_EQ(roundHalfAwayFromZeroByTruncation(y), roundHalfAwayFromZero(y)) << y;
        randomArray(2 * i) = x;
        randomArray(2 * i + 1) = tie;
    }
    Eigen::ArrayXd into(randomArray.size());
    roundHalfAwayFromZeroInto(randomArray, into);
    for (Eigen::Index i = 0; i < randomArray.size(); ++i)
        ASSERT_EQ(into(i), std::round(randomArray(i))) << randomArray(i);
}

} // namespace
} // namespace sdlab

// The vectorised R of the per-pixel encoders (both forms) is std::round bit for bit: half away from
// zero, signed zeros, the exact-integer range from 2²³ on, inf and NaN; checked on the
// edge cases and on every 61st bit pattern of all 2³² floats.
TEST(RoundHalfAway, IsStdRoundBitForBit) {
    const auto bits = [](float f) {
        std::uint32_t b = 0;
        std::memcpy(&b, &f, sizeof b);
        return b;
    };
    const auto same = [&](float ours, float reference) {
        return std::isnan(reference) ? std::isnan(ours) : bits(ours) == bits(reference);
    };
    std::vector<float> values{0.0F,
                              -0.0F,
                              0.5F,
                              -0.5F,
                              1.5F,
                              -1.5F,
                              2.5F,
                              -2.5F,
                              0.49999997F,
                              -0.49999997F,
                              0.50000006F,
                              -0.3F,
                              8388607.5F,
                              -8388607.5F,
                              8388608.0F,
                              8388609.0F,
                              1e30F,
                              -1e30F,
                              std::numeric_limits<float>::infinity(),
                              -std::numeric_limits<float>::infinity(),
                              std::numeric_limits<float>::quiet_NaN(),
                              std::numeric_limits<float>::denorm_min(),
                              2147483648.0F};
    std::vector<float> out(values.size());
    sdlab::roundHalfAway(values.data(), out.data(), values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        EXPECT_TRUE(same(out[i], std::round(values[i]))) << values[i] << " -> " << out[i];
        EXPECT_TRUE(same(sdlab::roundHalfAwayByTrunc(values[i]), std::round(values[i])))
            << values[i] << " by truncation";
    }
    std::vector<float> sweep;
    sweep.reserve(1 << 20);
    std::size_t checked = 0, wrong = 0;
    for (std::uint64_t pattern = 0; pattern < (std::uint64_t{1} << 32); pattern += 61) {
        const auto b = static_cast<std::uint32_t>(pattern);
        float f = 0.0F;
        std::memcpy(&f, &b, sizeof f);
        sweep.push_back(f);
        if (sweep.size() == sweep.capacity() || pattern + 61 >= (std::uint64_t{1} << 32)) {
            out.resize(sweep.size());
            sdlab::roundHalfAway(sweep.data(), out.data(), sweep.size());
            for (std::size_t i = 0; i < sweep.size(); ++i) {
                wrong += same(out[i], std::round(sweep[i])) ? 0 : 1;
                wrong += same(sdlab::roundHalfAwayByTrunc(sweep[i]), std::round(sweep[i])) ? 0 : 1;
            }
            checked += sweep.size();
            sweep.clear();
        }
    }
    EXPECT_EQ(wrong, 0U) << "of " << checked;
    EXPECT_GT(checked, 70'000'000U);
}
