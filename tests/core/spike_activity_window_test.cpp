// SpikeActivityWindow: the activity the PD network and the spiking MLP report, counted
// by hand on made-up spikes, and equal to their own recorded spikes on one sample.
#include "models/pd_network.h"
#include "models/spike_activity_window.h"
#include "models/spiking_mlp.h"

#include <gtest/gtest.h>

namespace sdlab {
namespace {

// A model whose hidden layers (1 and 2) sent the spikes the test sets.
class ScriptedSpikes : public Classifier {
  public:
    std::vector<std::vector<UnitSpike>> layers{{}, {}, {}};
    TrainStep train(const Eigen::VectorXd&, int) override { return {}; }
    int predict(const Eigen::VectorXd&) override { return 0; }
    int spikingLayerCount() const override { return 3; }
    void lastSpikes(int layer, std::vector<UnitSpike>& out) const override {
        out = layers[static_cast<std::size_t>(layer)];
    }
};

TEST(SpikeActivityWindow, CountsEventsPerSampleRatesAndSilentUnitsOverItsWindow) {
    // Layers of 2 and 3 units, T = 4 steps, a window of 2 samples.
    SpikeActivityWindow window({2, 3}, 4, 2);
    ScriptedSpikes model;
    EXPECT_FALSE(window.activity().has_value());
    // Sample 1: layer 1 unit 0 twice, layer 2 unit 2 once (a −1 spike is an event too).
    model.layers[1] = {{0, 0, 1.0}, {3, 0, 1.0}};
    model.layers[2] = {{1, 2, -1.0}};
    window.addSample(model);
    SpikeActivity a = window.activity().value();
    EXPECT_DOUBLE_EQ(a.spikesPerSample, 3.0);
    ASSERT_EQ(a.layerRates.size(), 2U);
    EXPECT_DOUBLE_EQ(a.layerRates[0], 2.0 / (1 * 4 * 2)); // events / (samples·T·units)
    EXPECT_DOUBLE_EQ(a.layerRates[1], 1.0 / (1 * 4 * 3));
    EXPECT_DOUBLE_EQ(a.layerDeadFractions[0], 0.5);     // unit 1 silent
    EXPECT_DOUBLE_EQ(a.layerDeadFractions[1], 2.0 / 3); // units 0 and 1 silent
    EXPECT_DOUBLE_EQ(a.deadFraction, 3.0 / 5);
    // Sample 2: layer 1 unit 1 once; layer 2 silent.
    model.layers[1] = {{2, 1, 1.0}};
    model.layers[2] = {};
    window.addSample(model);
    a = window.activity().value();
    EXPECT_DOUBLE_EQ(a.spikesPerSample, 4.0 / 2);
    EXPECT_DOUBLE_EQ(a.layerRates[0], 3.0 / (2 * 4 * 2));
    EXPECT_DOUBLE_EQ(a.layerDeadFractions[0], 0.0);
    EXPECT_DOUBLE_EQ(a.deadFraction, 2.0 / 5);
    // Sample 3 pushes sample 1 out: only samples 2 and 3 count.
    model.layers[1] = {};
    model.layers[2] = {{0, 0, 1.0}, {1, 0, 1.0}, {2, 1, 1.0}};
    window.addSample(model);
    a = window.activity().value();
    EXPECT_DOUBLE_EQ(a.spikesPerSample, 4.0 / 2);
    EXPECT_DOUBLE_EQ(a.layerRates[0], 1.0 / (2 * 4 * 2));
    EXPECT_DOUBLE_EQ(a.layerDeadFractions[0], 0.5);     // unit 0 fired in sample 1 only
    EXPECT_DOUBLE_EQ(a.layerDeadFractions[1], 1.0 / 3); // unit 2 fired in sample 1 only
    EXPECT_DOUBLE_EQ(a.deadFraction, 2.0 / 5);
}

TEST(SpikeActivityWindow, NoHiddenLayerReportsNothing) {
    EXPECT_TRUE(SpikeActivityWindow::hiddenSizes({784, 10}).empty());
    EXPECT_EQ(SpikeActivityWindow::hiddenSizes({784, 20, 30, 10}), (std::vector<int>{20, 30}));
    SpikeActivityWindow window({}, 1, 5);
    window.addSample(ScriptedSpikes{});
    EXPECT_FALSE(window.activity().has_value());
}

// With a window of one sample, a model's activity is what lastSpikes() of its hidden
// layers says about the last training sample.
void expectActivityOfLastSample(Classifier& model, int hiddenUnits, int steps) {
    Eigen::VectorXd x = Eigen::VectorXd::LinSpaced(6, 0.1, 0.9);
    model.train(x, 1);
    model.train(x.reverse(), 2);
    std::vector<UnitSpike> spikes;
    model.lastSpikes(1, spikes);
    std::vector<bool> fired(static_cast<std::size_t>(hiddenUnits), false);
    for (const UnitSpike& s : spikes)
        fired[static_cast<std::size_t>(s.unit)] = true;
    const auto silent = static_cast<double>(std::count(fired.begin(), fired.end(), false));
    const SpikeActivity a = model.activity().value();
    ASSERT_FALSE(spikes.empty());
    EXPECT_DOUBLE_EQ(a.spikesPerSample, static_cast<double>(spikes.size()));
    ASSERT_EQ(a.layerRates.size(), 1U);
    EXPECT_DOUBLE_EQ(a.layerRates[0], static_cast<double>(spikes.size()) / (steps * hiddenUnits));
    EXPECT_DOUBLE_EQ(a.deadFraction, silent / hiddenUnits);
}

TEST(SpikeActivityWindow, ThePdNetworkAndTheSpikingMlpReportTheirHiddenSpikes) {
    PdNetworkSettings pd;
    pd.sizes = {6, 8, 3};
    PdNetwork pdnn(pd);
    expectActivityOfLastSample(pdnn, 8, 1);
    SpikingMlpSettings dsn;
    dsn.sizes = {6, 8, 3};
    dsn.initSigma = 0.5; // so the hidden units fire in 10 steps
    SpikingMlp spiking(dsn);
    expectActivityOfLastSample(spiking, 8, dsn.timeSteps);
}

} // namespace
} // namespace sdlab
