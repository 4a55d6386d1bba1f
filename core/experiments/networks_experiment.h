#pragma once

#include "experiment/parameter_values.h"

#include <vector>

namespace sdlab {

// The Σ-Δ networks lab's and `sdlab-cli networks`' run (thesis Fig. 4.1): a random
// Xavier network of "sizes" (seeded) run as the original, temporal-difference, rounding
// and sigma-delta networks (scales/four_networks.h) on "steps" inputs whose channels are
// built-in "signal"s, one per input unit. Per step: output unit 0 of each network, the
// largest output difference of B from A and of D from C, and each network's operations.
struct FourNetworksRun {
    std::vector<double> original, temporalDifference, rounding, sigmaDelta; // output unit 0
    std::vector<double> originalOps, temporalDifferenceOps, roundingOps, sigmaDeltaOps;
    double maxTemporalDifferenceGap = 0.0; // max |z_B − z_A| over every output and step
    double maxSigmaDeltaGap = 0.0;         // max |z_D − z_C|
    double rmsRoundingError = 0.0;         // √mean (z_C − z_A)², what rounding costs
};
FourNetworksRun runFourNetworksFrom(const ParameterValues& values);
// The mean of a per-step series (0 when empty): a network's operations per step.
double meanPerStep(const std::vector<double>& perStep);

} // namespace sdlab
