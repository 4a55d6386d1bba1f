// ICLR'18 Fig. 3: the update forms on two coded signals, the reconstructed gradient
// x̂·ê against the true one x·e.
#include "experiment/experiment.h"
#include "experiment/experiment_list.h"
#include "experiments/pd_coding_run.h"
#include "experiments/update_rules_run.h"
#include "experiments/updates_experiment.h"
#include "io/input_error.h"

#include <cmath>
#include <gtest/gtest.h>
#include <numeric>

namespace sdlab {
namespace {

ParameterValues signalValues(double kp, double kd) {
    return checkedValues(*findExperiment("updates"),
                         {{"trains", std::string("signals")},
                          {"signal", std::string("smooth")},
                          {"steps", 2000LL},
                          {"kp", kp},
                          {"kd", kd}},
                         ParameterNaming::Key);
}

TEST(UpdatesSignals, TrainsAreEachSignalsPdCode) {
    const UpdatesInput in = updatesInputFrom(signalValues(0.3, 2.0));
    ASSERT_EQ(in.x.size(), 2000u);
    EXPECT_EQ(in.xBar, runPdCoding(in.x, {0.3, 2.0}).s);
    EXPECT_EQ(in.eBar, runPdCoding(in.e, {0.3, 2.0}).s); // unset post gains: the pre ones
    EXPECT_NE(in.x, in.e);                               // e is the next seed's signal
}

TEST(UpdatesSignals, FinerCodesReconstructTheTrueGradient) {
    // x̂ = dec(Q(enc(x))) → x as the gains grow, so Σ x̂·ê → Σ x·e; the four forms
    // agree at every gain (spec §3).
    double previousGap = INFINITY;
    for (const double gain : {0.3, 3.0, 30.0}) {
        const UpdatesInput in = updatesInputFrom(signalValues(gain, gain));
        const UpdateRulesRun run = runUpdateRules(in.xBar, in.eBar, in.gains);
        double truth = 0.0, reconstructed = 0.0;
        for (std::size_t t = 0; t < in.x.size(); ++t) {
            truth += in.x[t] * in.e[t];
            reconstructed += run.xHat[t] * run.eHat[t];
        }
        EXPECT_NEAR(run.recon.back(), reconstructed, 1e-9 * std::abs(reconstructed));
        EXPECT_NEAR(run.pastTotal, run.reconTotal, 1e-9 * std::abs(run.reconTotal));
        const double gap = std::abs(reconstructed - truth) / std::abs(truth);
        EXPECT_LT(gap, previousGap) << gain;
        previousGap = gap;
    }
    EXPECT_LT(previousGap, 0.02);
}

TEST(UpdatesSignals, SignalsAndAnInputFileAreRefusedTogether) {
    const Experiment& updates = *findExperiment("updates");
    EXPECT_THROW((void)checkedValues(
                     updates,
                     {{"trains", std::string("signals")}, {"input", std::string("trains.csv")}},
                     ParameterNaming::Key),
                 InputError);
}

} // namespace
} // namespace sdlab
