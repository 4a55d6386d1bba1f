#include "data/signals.h"
#include "experiments/pd_coding_run.h"
#include "experiments/pd_sweep.h"

#include <atomic>
#include <cmath>
#include <gtest/gtest.h>

namespace sdlab {
namespace {

TEST(PdSweep, ConstantWeightHasNoNonstationaryError) { // ICLR'18 App. E.1
    const auto x = makeSignal(SignalKind::Smooth, 2000, 1);
    const std::vector<double> w(x.size(), -0.7);
    const SweepPoint p = evaluateSweepPoint(x, w, {0.3, 2.0});
    EXPECT_NEAR(p.cosNonstationary, 1.0, 1e-12);
    // By linearity dec(s)·w = dec(s·w) when w is constant.
    EXPECT_NEAR(p.cosQuantization, p.cosFull, 1e-12);
    EXPECT_EQ(p.spikes, runPdCoding(x, {0.3, 2.0}).spikes);
}

TEST(PdSweep, RegimesOfFigure10) { // ICLR'18 App. E.1
    const auto x = makeSignal(SignalKind::Smooth, 4000, 2);
    const auto w = makeSignal(SignalKind::Smooth, 4000, 3);
    const SweepPoint fine = evaluateSweepPoint(x, w, {10.0, 10.0});
    const SweepPoint coarse = evaluateSweepPoint(x, w, {0.01, 0.01});
    const SweepPoint derivativeOnly = evaluateSweepPoint(x, w, {0.0, 100.0});
    EXPECT_GT(fine.cosFull, 0.99);
    EXPECT_LT(coarse.cosFull, 0.5);                  // small kd: quantization error
    EXPECT_LT(derivativeOnly.cosNonstationary, 0.9); // kd ≫ kp: nonstationary error
    EXPECT_GT(fine.spikes, 10 * coarse.spikes);
}

double cosine(const std::vector<double>& a, const std::vector<double>& b) {
    double dot = 0.0, na = 0.0, nb = 0.0;
    for (std::size_t t = 0; t < a.size(); ++t) {
        dot += a[t] * b[t];
        na += a[t] * a[t];
        nb += b[t] * b[t];
    }
    return dot / std::sqrt(na * nb);
}

TEST(PdSweep, TracesAreWhatTheCellsCosinesCompare) {
    // A cell of the maps is the cosine of one of its traces with x⊙w; the traces
    // themselves show why (ICLR'18 Fig. 2): with a changing w, kd alone (kp = 0)
    // drifts in dec(enc(x)⊙w), and kp > 0 brings it back.
    const auto x = makeSignal(SignalKind::Smooth, 3000, 2);
    const auto w = makeSignal(SignalKind::Smooth, 3000, 3);
    for (const PdParams params : {PdParams{0.3, 2.0}, PdParams{0.0, 5.0}}) {
        const SweepTraces traces = sweepPointTraces(x, w, params);
        const SweepPoint point = evaluateSweepPoint(x, w, params);
        ASSERT_EQ(traces.product.size(), x.size());
        EXPECT_EQ(traces.product[100], x[100] * w[100]);
        EXPECT_NEAR(cosine(traces.product, traces.nonstationary), point.cosNonstationary, 1e-12);
        EXPECT_NEAR(cosine(traces.product, traces.quantization), point.cosQuantization, 1e-12);
        EXPECT_NEAR(cosine(traces.product, traces.full), point.cosFull, 1e-12);
    }
    const SweepTraces withKp = sweepPointTraces(x, w, {0.3, 5.0});
    const SweepTraces withoutKp = sweepPointTraces(x, w, {0.0, 5.0});
    const auto lastError = [](const SweepTraces& t) {
        return std::abs(t.nonstationary.back() - t.product.back());
    };
    EXPECT_GT(lastError(withoutKp), 10 * lastError(withKp));
}

TEST(PdSweep, ParallelGridEqualsPointByPointInOrder) {
    const auto x = makeSignal(SignalKind::Sine, 500, 1);
    const auto w = makeSignal(SignalKind::Smooth, 500, 2);
    const auto kp = makeRange(0.01, 10, 7, true, "kp");
    const auto kd = makeRange(0, 5, 5, false, "kd");
    const SweepResult result = runPdSweep(x, w, kp, kd);
    ASSERT_FALSE(result.cancelled);
    ASSERT_EQ(result.points.size(), 35u);
    for (std::size_t i = 0; i < kp.size(); ++i)
        for (std::size_t j = 0; j < kd.size(); ++j) {
            const SweepPoint& p = result.points[i * kd.size() + j];
            const SweepPoint q = evaluateSweepPoint(x, w, {kp[i], kd[j]});
            ASSERT_EQ(p.kp, kp[i]);
            ASSERT_EQ(p.kd, kd[j]);
            ASSERT_EQ(p.cosFull, q.cosFull);
            ASSERT_EQ(p.spikes, q.spikes);
        }
}

TEST(PdSweep, CancelStopsEarly) {
    const auto x = makeSignal(SignalKind::Sine, 200, 1);
    const auto kp = makeRange(0.1, 1, 50, false, "kp");
    std::atomic<std::size_t> calls{0};
    const SweepResult result = runPdSweep(x, x, kp, kp, [&](std::size_t done, std::size_t total) {
        EXPECT_EQ(total, 2500u);
        EXPECT_LE(done, total);
        return ++calls < 10;
    });
    EXPECT_TRUE(result.cancelled);
    EXPECT_LT(calls.load(), 2500u);
}

TEST(Signals, SeededAndShaped) {
    EXPECT_EQ(makeSignal(SignalKind::Smooth, 100, 4), makeSignal(SignalKind::Smooth, 100, 4));
    EXPECT_NE(makeSignal(SignalKind::Noise, 100, 4), makeSignal(SignalKind::Noise, 100, 5));
    const auto sine = makeSignal(SignalKind::Sine, 100, 0);
    EXPECT_NEAR(sine[24], 1.0, 1e-12); // sin(2π·25/100)
    const auto smooth = makeSignal(SignalKind::Smooth, 10000, 1);
    double energy = 0.0;
    for (double v : smooth)
        energy += v * v;
    EXPECT_NEAR(energy / 10000.0, 1.0, 1e-9);
    EXPECT_FALSE(parseSignalKind("square").has_value());
}

} // namespace
} // namespace sdlab
