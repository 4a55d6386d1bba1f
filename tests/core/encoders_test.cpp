#include "encoders/delta_modulation_encoder.h"
#include "encoders/latency_encoder.h"
#include "encoders/rate_encoder.h"
#include "experiments/channel_encoding_run.h"

#include <cmath>
#include <gtest/gtest.h>

namespace sdlab {
namespace {

TEST(RateEncoder, FiresWithProbabilityX) { // snnTorch eq. 23
    RateEncoder never(1), always(1), sometimes(2), same(2);
    double count = 0.0;
    for (int t = 0; t < 100000; ++t) {
        ASSERT_EQ(never.step(0.0), 0.0);
        ASSERT_EQ(always.step(1.0), 1.0);
        const double s = sometimes.step(0.3);
        ASSERT_EQ(s, same.step(0.3));
        count += s;
    }
    EXPECT_NEAR(count / 100000.0, 0.3, 0.005);
}

TEST(LatencyEncoder, HandComputedFiringSteps) { // snnTorch eq. 26
    const LatencyEncoder log{5.0, 0.01, false};
    EXPECT_NEAR(*log.firingTime(0.02), 5.0 * std::log(2.0), 1e-12); // 3.466 → step 4
    EXPECT_EQ(*log.firingStep(0.02, 100), 4);
    EXPECT_EQ(*log.firingStep(0.5, 100), 1);             // 5·ln(0.5/0.49) = 0.101
    EXPECT_FALSE(log.firingStep(0.01, 100).has_value()); // x ≤ θ never fires
    EXPECT_FALSE(log.firingStep(0.02, 3).has_value());   // fires after the window
    const LatencyEncoder linear{10.0, 0.01, true};
    EXPECT_EQ(*linear.firingStep(0.25, 100), 8); // 10·(1 − 0.25) = 7.5
    EXPECT_EQ(*linear.firingStep(1.0, 100), 1);
    // Brighter fires earlier.
    EXPECT_LT(*log.firingTime(0.9), *log.firingTime(0.1));
}

TEST(DeltaModulationEncoder, HandWorkedOnOffEvents) {
    const double x[] = {0.05, 0.2, 0.25, 0.05, 0.04, 0.3};
    const double both[] = {0, 1, 0, -1, 0, 1};
    const double onOnly[] = {0, 1, 0, 0, 0, 1};
    DeltaModulationEncoder encoder(0.1), onEncoder(0.1, false);
    for (int t = 0; t < 6; ++t) {
        EXPECT_EQ(encoder.step(x[t]), both[t]) << "t " << t;
        EXPECT_EQ(onEncoder.step(x[t]), onOnly[t]) << "t " << t;
    }
    EXPECT_DOUBLE_EQ(encoder.reference(), 0.3);
}

TEST(ChannelEncoding, EachMethodOnHandWorkedChannels) {
    const std::vector<std::vector<double>> channels = {{0.5}, {0.02}, {0.0}};
    ChannelEncodingOptions latency;
    latency.method = ChannelEncoding::Latency;
    latency.steps = 10;
    const auto latencySpikes = runChannelEncoding(channels, latency);
    ASSERT_EQ(latencySpikes.size(), 2u); // channel 2 (x = 0) never fires
    EXPECT_EQ(latencySpikes[0].step, 1);
    EXPECT_EQ(latencySpikes[0].channel, 0);
    EXPECT_EQ(latencySpikes[1].step, 4);
    EXPECT_EQ(latencySpikes[1].channel, 1);

    ChannelEncodingOptions pd;
    pd.method = ChannelEncoding::Pd;
    pd.pd = {1.0, 1.0};
    pd.steps = 4;
    // Constant 0.4 with kp = kd = 1 gives spikes at steps 1 and 3 (see PdCoding test).
    const auto pdSpikes = runChannelEncoding({{0.4}}, pd);
    ASSERT_EQ(pdSpikes.size(), 2u);
    EXPECT_EQ(pdSpikes[0].step, 1);
    EXPECT_EQ(pdSpikes[1].step, 3);

    ChannelEncodingOptions delta;
    delta.method = ChannelEncoding::Delta;
    delta.threshold = 0.1;
    delta.steps = 6;
    const auto deltaSpikes = runChannelEncoding({{0.05, 0.2, 0.25, 0.05, 0.04, 0.3}}, delta);
    ASSERT_EQ(deltaSpikes.size(), 3u);
    EXPECT_EQ(deltaSpikes[1].step, 4);
    EXPECT_EQ(deltaSpikes[1].value, -1.0);
}

} // namespace
} // namespace sdlab

namespace sdlab {
namespace {

TEST(LatencyEncoderRounding, FloorIsOursNearestIsSnnTorchs) {
    // Linear latency t = τ(1 − x), τ = 10: x = 0.74 gives t = 2.6, x = 0.75 gives t = 2.5.
    LatencyEncoder floor{10.0, 0.01, true, LatencyRounding::Floor};
    LatencyEncoder nearest{10.0, 0.01, true, LatencyRounding::Nearest};
    EXPECT_EQ(floor.firingStep(0.74, 10), 3);   // 1 + floor(2.6)
    EXPECT_EQ(nearest.firingStep(0.74, 10), 4); // 1 + round(2.6)
    EXPECT_EQ(floor.firingStep(0.75, 10), 3);   // 1 + floor(2.5)
    EXPECT_EQ(nearest.firingStep(0.75, 10), 3); // 1 + round(2.5), ties to even as torch.round
    EXPECT_EQ(nearest.firingStep(0.65, 10), 5); // t = 3.5 → 4, step 5
    EXPECT_FALSE(nearest.firingStep(0.005, 10).has_value()); // at or below θ: never
}

TEST(DeltaModulationReference, PreviousSampleFiresAtEqualityLastSpikeDoesNot) {
    // θ = 0.25 and values exact in binary: 0, 0.25, 0.5, 0.625, 0.75.
    const std::vector<double> x{0.0, 0.25, 0.5, 0.625, 0.75};
    DeltaModulationEncoder lastSpike(0.25, true, DeltaReference::LastSpike);
    DeltaModulationEncoder previous(0.25, true, DeltaReference::PreviousSample);
    std::vector<double> a, b;
    for (double v : x) {
        a.push_back(lastSpike.step(v));
        b.push_back(previous.step(v));
    }
    // Last spike, strict: 0.5 − 0 > 0.25 fires (reference 0.5), then 0.75 − 0.5 = θ does not.
    EXPECT_EQ(a, (std::vector<double>{0, 0, 1, 0, 0}));
    // Previous sample, ≥: 0.25 and 0.5 fire; steps of 0.125 never do.
    EXPECT_EQ(b, (std::vector<double>{0, 1, 1, 0, 0}));
    DeltaModulationEncoder down(0.25, true, DeltaReference::PreviousSample);
    down.step(0.5);
    EXPECT_EQ(down.step(0.25), -1.0); // OFF at equality too
}

} // namespace
} // namespace sdlab
