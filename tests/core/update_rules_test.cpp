#include "experiments/update_rules_run.h"
#include "learning/decay_powers.h"
#include "learning/future_update.h"
#include "learning/past_update.h"
#include "learning/recon_update.h"
#include "learning/stdp_online_update.h"
#include "learning/stdp_update.h"
#include "test_helpers.h"

#include <gtest/gtest.h>

namespace sdlab {
namespace {

UpdateRuleParams shared(double kp, double kd) {
    return {{kp, kd}, {kp, kd}};
}

TEST(UpdateRules, HandWorkedSingleSynapse) {
    // kp = kd = 1 (kα = kβ = ½), x̄ = (1, 0), ē = (0, 1). Recon: x̂ = (.5, .25), ê = (0, .5),
    // Σ x̂ê = .125, tail .125·¼/(1 − ¼) = 1/24, total 1/6. STDP: g(1) = ¼·½/(¾) = 1/6.
    // Future adds ½·(.25·1)/(¾) = 1/6 at t = 2. Past adds 0, then flushes u/(¾) = 1/6.
    const UpdateRulesRun run =
        runUpdateRules(std::vector<double>{1, 0}, std::vector<double>{0, 1}, shared(1.0, 1.0));
    EXPECT_DOUBLE_EQ(run.xHat[1], 0.25);
    EXPECT_DOUBLE_EQ(run.eHat[1], 0.5);
    EXPECT_DOUBLE_EQ(run.recon[0], 0.0);
    EXPECT_DOUBLE_EQ(run.recon[1], 0.125);
    EXPECT_DOUBLE_EQ(run.past[1], 0.0);
    EXPECT_DOUBLE_EQ(run.future[0], 0.0);
    EXPECT_DOUBLE_EQ(run.future[1], 1.0 / 6.0);
    EXPECT_DOUBLE_EQ(run.stdp[1], 1.0 / 6.0);
    EXPECT_DOUBLE_EQ(run.reconTotal, 1.0 / 6.0);
    EXPECT_DOUBLE_EQ(run.pastTotal, 1.0 / 6.0);
    EXPECT_DOUBLE_EQ(run.futureTotal, 1.0 / 6.0);
    EXPECT_DOUBLE_EQ(run.stdpTotal, 1.0 / 6.0);
}

TEST(UpdateRules, StdpWindowMatchesSpec) {       // spec §3: g(τ) = kβ²·kα^|τ|/(1 − kα²)
    const UpdateRuleParams p = shared(0.5, 1.5); // kα = .75, kβ = .5
    for (long tau : {-3L, -1L, 0L, 2L})
        EXPECT_NEAR(stdpWindow(tau, p),
                    0.25 * std::pow(0.75, std::abs(static_cast<double>(tau))) / (1 - 0.5625),
                    1e-15);
}

TEST(UpdateRules, FourFormsHaveEqualTotalsOnOneSynapse) { // ICLR'18 Fig. 9
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        const auto x = test::randomSpikes(400, 0.3, seed, true);
        const auto e = test::randomSpikes(400, 0.25, seed + 100, true);
        for (const UpdateRuleParams p : {shared(0.1, 1.0), shared(1.0, 0.0), shared(0.3, 5.0),
                                         UpdateRuleParams{{0.2, 2.0}, {0.05, 0.8}},
                                         UpdateRuleParams{{0.0, 1.0}, {0.5, 0.5}}}) {
            const UpdateRulesRun run = runUpdateRules(x, e, p);
            const double scale = std::max(1.0, std::abs(run.reconTotal));
            EXPECT_NEAR(run.pastTotal, run.reconTotal, 1e-9 * scale);
            EXPECT_NEAR(run.futureTotal, run.reconTotal, 1e-9 * scale);
            EXPECT_NEAR(run.stdpTotal, run.reconTotal, 1e-9 * scale);
            EXPECT_GT(std::abs(run.reconTotal), 1e-6); // a non-trivial total
        }
    }
}

TEST(UpdateRules, LayerFormsEqualReconAndPerSynapseRuns) {
    const int dIn = 6, dOut = 4, steps = 300;
    const UpdateRuleParams p{{0.2, 1.5}, {0.1, 0.9}};
    Eigen::MatrixXd pre(steps, dIn), post(steps, dOut);
    for (int i = 0; i < dIn; ++i)
        pre.col(i) = Eigen::Map<const Eigen::VectorXd>(
            test::randomSpikes(steps, 0.1, 10 + i, true).data(), steps);
    for (int j = 0; j < dOut; ++j)
        post.col(j) = Eigen::Map<const Eigen::VectorXd>(
            test::randomSpikes(steps, 0.08, 50 + j).data(), steps);

    ReconUpdate recon(dIn, dOut, p);
    PastUpdate past(dIn, dOut, p);
    FutureUpdate future(dIn, dOut, p);
    StdpOnlineUpdate stdpOnline(dIn, dOut, p);
    RowMatrix wRecon = RowMatrix::Zero(dIn, dOut), wPast = wRecon, wFuture = wRecon,
              wStdpOnline = wRecon;
    for (int t = 0; t < steps; ++t) {
        const Eigen::ArrayXd x = pre.row(t).transpose().array();
        const Eigen::ArrayXd e = post.row(t).transpose().array();
        recon.step(x, e, wRecon);
        past.step(x, e, wPast);
        future.step(x, e, wFuture);
        stdpOnline.step(x, e, wStdpOnline);
    }
    recon.addTail(wRecon);
    past.flush(wPast);
    const RowMatrix wStdp = stdpUpdate(pre, post, p);
    const double scale = wRecon.cwiseAbs().maxCoeff();
    ASSERT_GT(scale, 1e-3);
    EXPECT_LE((wPast - wRecon).cwiseAbs().maxCoeff(), 1e-9 * scale);
    EXPECT_LE((wFuture - wRecon).cwiseAbs().maxCoeff(), 1e-9 * scale);
    EXPECT_LE((wStdp - wRecon).cwiseAbs().maxCoeff(), 1e-9 * scale);
    EXPECT_LE((wStdpOnline - wStdp).cwiseAbs().maxCoeff(), 1e-12 * scale);
    // Each synapse of the layer behaves as the one-synapse run on its own pair of trains.
    for (int i = 0; i < dIn; ++i)
        for (int j = 0; j < dOut; ++j) {
            const Eigen::VectorXd xi = pre.col(i), ej = post.col(j);
            const UpdateRulesRun single =
                runUpdateRules({xi.data(), static_cast<size_t>(steps)},
                               {ej.data(), static_cast<size_t>(steps)}, p);
            ASSERT_NEAR(single.pastTotal, wPast(i, j), 1e-9 * scale);
        }
}

TEST(UpdateRules, PastEqualsReconWhenGainsChangeMidRun) {
    // The auto-tuner moves kβ every step and the PD network's schedule moves kα once
    // (0.5, then 0.9): the past form, which needs each synapse's decay since its last
    // event, must still sum to what recon adds step by step.
    const int dIn = 7, dOut = 5, steps = 400;
    const UpdateRuleParams start{{1.0, 1.0}, {0.5, 0.5}}; // kα = ½ on both sides
    ReconUpdate recon(dIn, dOut, start);
    PastUpdate past(dIn, dOut, start);
    RowMatrix wRecon = RowMatrix::Zero(dIn, dOut), wPast = wRecon;
    for (int t = 0; t < steps; ++t) {
        if (t > 0 && t % 37 == 0) { // a new kβ, kα kept: kp, kd scale together
            const double s = 1.0 + 0.1 * (t % 5);
            const UpdateRuleParams p{{s * 0.2, s * 1.8}, {s * 0.1, s * 0.9}};
            const UpdateRuleParams gains = t < 150 ? UpdateRuleParams{{s, s}, {s, s}} : p;
            recon.setParams(gains); // kα jumps from ½ to 0.9 at t = 185
            past.setParams(gains);
        }
        const Eigen::ArrayXd x =
            Eigen::ArrayXd::Map(test::randomSpikes(dIn, 0.15, 3 + t).data(), dIn);
        const Eigen::ArrayXd e =
            Eigen::ArrayXd::Map(test::randomSpikes(dOut, 0.1, 700 + t, true).data(), dOut);
        recon.step(x, e, wRecon, -0.5);
        past.step(x, e, wPast, -0.5);
    }
    recon.addTail(wRecon, -0.5);
    past.flush(wPast, -0.5);
    const double scale = wRecon.cwiseAbs().maxCoeff();
    ASSERT_GT(scale, 1e-3);
    EXPECT_LE((wPast - wRecon).cwiseAbs().maxCoeff(), 1e-9 * scale);
}

TEST(UpdateRules, PastEqualsReconAfterLongSilences) {
    // kα = ½: after ~660 silent steps kα^age is below 1e-200 and the past form switches
    // from its per-neuron shortcut to the exact per-synapse decay; both must agree with
    // recon, including synapses whose two neurons were silent for 2000 steps.
    const int dIn = 4, dOut = 3, steps = 3000;
    const UpdateRuleParams p = shared(1.0, 1.0);
    ReconUpdate recon(dIn, dOut, p);
    PastUpdate past(dIn, dOut, p);
    RowMatrix wRecon = RowMatrix::Zero(dIn, dOut), wPast = wRecon;
    const auto xTrain = test::randomSpikes(steps * dIn, 0.0005, 41);
    const auto eTrain = test::randomSpikes(steps * dOut, 0.0005, 42);
    for (int t = 0; t < steps; ++t) {
        Eigen::ArrayXd x = Eigen::ArrayXd::Map(xTrain.data() + t * dIn, dIn);
        Eigen::ArrayXd e = Eigen::ArrayXd::Map(eTrain.data() + t * dOut, dOut);
        if (t == 10 || t == 2500) { // everyone spikes, then a long silence for some
            x.setOnes();
            e.setOnes();
        }
        recon.step(x, e, wRecon);
        past.step(x, e, wPast);
    }
    recon.addTail(wRecon);
    past.flush(wPast);
    const double scale = wRecon.cwiseAbs().maxCoeff();
    ASSERT_GT(scale, 0.1);
    EXPECT_LE((wPast - wRecon).cwiseAbs().maxCoeff(), 1e-12 * scale);
}

TEST(UpdateRules, PastFlushWithAKAlphaChangePending) {
    // A change of kα just before flush(): the steps so far sum at the old decay.
    const UpdateRuleParams first{{1.0, 1.0}, {1.0, 1.0}}, second{{0.1, 0.9}, {0.1, 0.9}};
    ReconUpdate recon(1, 1, first);
    PastUpdate past(1, 1, first);
    RowMatrix wRecon = RowMatrix::Zero(1, 1), wPast = wRecon;
    const Eigen::ArrayXd one = Eigen::ArrayXd::Ones(1), none = Eigen::ArrayXd::Zero(1);
    recon.step(one, one, wRecon);
    past.step(one, one, wPast);
    recon.step(none, none, wRecon);
    past.step(none, none, wPast);
    recon.setParams(second);
    past.setParams(second);
    recon.addTail(wRecon);
    past.flush(wPast);
    // x̂ê = ¼ at step 0, ¼·¼ at step 1; the tail from there decays by 0.81 a step.
    EXPECT_NEAR(wRecon(0, 0), 0.25 + 0.0625 + 0.0625 * 0.81 / (1 - 0.81), 1e-15);
    EXPECT_NEAR(wPast(0, 0), wRecon(0, 0), 1e-15);
}

TEST(DecayPowers, TableEqualsRepeatedMultiplication) {
    const DecayPowers powers(0.9);
    double expected = 1.0;
    for (int n = 0; n < 20; ++n, expected *= 0.9)
        EXPECT_EQ(powers(n), expected) << n;
    EXPECT_EQ(powers(100000), 0.0); // 0.9^n underflowed long before
    EXPECT_EQ(DecayPowers(0.0)(0), 1.0);
    EXPECT_EQ(DecayPowers(0.0)(3), 0.0);
    EXPECT_EQ(DecayPowers(1.0)(1000000), 1.0); // kp = 0 never decays
    // Beyond the table of a slow decay: std::pow.
    EXPECT_NEAR(DecayPowers(0.99999)(200000), std::pow(0.99999, 200000.0), 1e-12);
}

TEST(UpdateRules, GainScalesEveryFormLinearly) {
    // gain = −η lets a network apply the update straight to its weights.
    const int dIn = 3, dOut = 2, steps = 50;
    const UpdateRuleParams p = shared(0.3, 1.2);
    ReconUpdate recon(dIn, dOut, p), reconScaled(dIn, dOut, p);
    PastUpdate past(dIn, dOut, p), pastScaled(dIn, dOut, p);
    FutureUpdate future(dIn, dOut, p), futureScaled(dIn, dOut, p);
    StdpOnlineUpdate stdp(dIn, dOut, p), stdpScaled(dIn, dOut, p);
    RowMatrix w[4], ws[4];
    for (int k = 0; k < 4; ++k)
        w[k] = ws[k] = RowMatrix::Zero(dIn, dOut);
    for (int t = 0; t < steps; ++t) {
        const Eigen::ArrayXd x =
            Eigen::ArrayXd::Map(test::randomSpikes(dIn, 0.4, 7 + t).data(), dIn);
        const Eigen::ArrayXd e =
            Eigen::ArrayXd::Map(test::randomSpikes(dOut, 0.4, 900 + t).data(), dOut);
        recon.step(x, e, w[0]);
        reconScaled.step(x, e, ws[0], -0.25);
        past.step(x, e, w[1]);
        pastScaled.step(x, e, ws[1], -0.25);
        future.step(x, e, w[2]);
        futureScaled.step(x, e, ws[2], -0.25);
        stdp.step(x, e, w[3]);
        stdpScaled.step(x, e, ws[3], -0.25);
    }
    past.flush(w[1]);
    pastScaled.flush(ws[1], -0.25);
    for (int k = 0; k < 4; ++k) {
        ASSERT_GT(w[k].cwiseAbs().maxCoeff(), 1e-3);
        EXPECT_LE((ws[k] + 0.25 * w[k]).cwiseAbs().maxCoeff(), 1e-15) << "form " << k;
    }
}

TEST(UpdateRules, PastAndFutureTouchOnlySpikingRowsAndColumns) {
    const UpdateRuleParams p = shared(0.1, 1.0);
    PastUpdate past(5, 3, p);
    FutureUpdate future(5, 3, p);
    RowMatrix wPast = RowMatrix::Zero(5, 3), wFuture = wPast;
    Eigen::ArrayXd x = Eigen::ArrayXd::Zero(5), e = Eigen::ArrayXd::Zero(3);
    // Build up traces on every synapse.
    x.setOnes();
    e.setOnes();
    past.step(x, e, wPast);
    future.step(x, e, wFuture);
    past.step(x, e, wPast);
    future.step(x, e, wFuture);
    const RowMatrix beforePast = wPast, beforeFuture = wFuture;
    // Now only input 2 and output 1 spike.
    x.setZero();
    e.setZero();
    x(2) = 1.0;
    e(1) = -1.0;
    past.step(x, e, wPast);
    future.step(x, e, wFuture);
    for (int i = 0; i < 5; ++i)
        for (int j = 0; j < 3; ++j) {
            if (i == 2 || j == 1)
                continue;
            EXPECT_EQ(wPast(i, j), beforePast(i, j)) << i << "," << j;
            EXPECT_EQ(wFuture(i, j), beforeFuture(i, j)) << i << "," << j;
        }
    EXPECT_NE(wPast(2, 0), beforePast(2, 0));
    EXPECT_NE(wFuture(4, 1), beforeFuture(4, 1));
}

TEST(UpdateRules, ValidationRejectsUnitProductDecay) {
    EXPECT_FALSE(shared(0.0, 1.0).validationError().empty()); // kα = 1 on both sides
    EXPECT_TRUE((UpdateRuleParams{{0.0, 1.0}, {0.1, 1.0}}).validationError().empty());
}

} // namespace
} // namespace sdlab
