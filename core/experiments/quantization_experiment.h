#pragma once

#include "experiment/parameter_values.h"
#include "experiments/mlp_convergence_run.h"
#include "experiments/rectified_rate_run.h"

#include <vector>

namespace sdlab {

// The Quantization lab's and `sdlab-cli quantize`'s vector v: column v of "input", or
// U(−1, 1)^"dimension" from "seed". Refused (InputError) when |v|₁·"steps", the spikes
// herding sends, is over 1e7.
std::vector<double> quantizationVectorFrom(const ParameterValues& values);
// DSN Alg. 7's spiking ReLU on 51 inputs u over [−1, 1.5], "relu-steps" steps each with
// "relu-noise", from "seed".
RectifiedRateRun spikingReluFrom(const ParameterValues& values);
// DSN Fig. 4: the random spiking MLP "mlp-sizes" (weights N(0, "mlp-sigma"²)) on one
// random input for "mlp-steps" steps, from "seed". InputError for a size list that is
// not one; empty when `progress` cancels.
MlpConvergenceRun mlpConvergenceFrom(const ParameterValues& values,
                                     const ProgressCallback& progress = {});

} // namespace sdlab
