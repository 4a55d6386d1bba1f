#pragma once

#include "experiment/parameter_values.h"
#include "experiments/kernel_trajectories_run.h"
#include "kernels/predictive_coding.h"

#include <optional>
#include <vector>

namespace sdlab {

// Thesis Fig. 6.5 rows 1-3: two continuous signals h_i, h_j (the "input" CSV's columns
// pre and post, or two built-in smooth signals in [0, 1]), scaled by s, and their
// predictive coding.
struct KernelSignals {
    double scale = 1.0;
    std::vector<double> pre, post; // s·h_i, s·h_j
    PredictiveCoding preCoding, postCoding;
};

// The Kernels lab's and `sdlab-cli kernels`' two binary spike trains: random ("steps"
// long with "density", pre first from one seeded engine) or, with --trains signals, the
// bitstreams of the two signals under the chosen quantizer (eq. 6.5).
struct KernelTrains {
    std::vector<double> pre, post;
    std::optional<KernelSignals> signals;
};
KernelTrains kernelTrainsFrom(const ParameterValues& values);

// Fig. 6.5 row 3 and the unquantized curve of row 4, over the trajectories' steps:
// h_j * κ_Δ, h_j^R * κ_Δ and Σ h_i·(h_j * κ_Δ) (eq. 6.2), the signals 0 past their end.
struct KernelSignalRates {
    std::vector<double> postRate, postReconRate, unquantized;
};
KernelSignalRates kernelSignalRates(const KernelSignals& signals, const KernelTrajectoriesRun& run);

} // namespace sdlab
