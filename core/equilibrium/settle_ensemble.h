#pragma once

#include "equilibrium/settle_run.h"
#include "util/progress.h"

#include <string>
#include <vector>

namespace sdlab {

// One of thesis Fig. 8.2's settling schemes: the continuous network itself, or a spiking
// one with its encoder and step-size annealing (the schedule's exponent η where it is
// scheduled, as the fig-8-2 presets).
struct SettleScheme {
    std::string name; // "continuous", "sigma-delta/schedule", ...
    SettleModel model = SettleModel::Spiking;
    SpikeCoding coding = SpikeCoding::Predictive;
    StepSizeRule stepSize = StepSizeRule::Osa;
    double eta = 0.5;
};

// Fig. 8.2's comparison (§8.5.1): scheduled and adaptive (OSA) step sizes, with and
// without predictive coding, the stochastic bits of eq. 8.8, and the continuous
// network for reference.
const std::vector<SettleScheme>& figure82Schemes();

// Per scheme and step, the distance to the fixed point over `networks` random networks
// (seeds S .. S + networks − 1: network, input and perturbation target), summarised on a
// log scale as Fig. 8.2 draws it: the mean and standard deviation of log10 distance.
struct SettleEnsembleCurve {
    std::string scheme;
    std::vector<double> log10Mean, log10Sd; // index t = 0 .. steps
};

struct SettleEnsembleResult {
    std::vector<SettleEnsembleCurve> curves; // in figure82Schemes() order
    bool cancelled = false;
};

// Every scheme on the same networks, with `base`'s sizes, steps, perturbation and the
// spiking settings it does not vary (λ, OSA target, ε0). Progress counts settlings
// (schemes × networks); false cancels and returns no curves.
SettleEnsembleResult runSettleEnsemble(const SettleRunSettings& base, int networks,
                                       const ProgressCallback& progress = {});

} // namespace sdlab
