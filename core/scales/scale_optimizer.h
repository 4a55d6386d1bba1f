#pragma once

#include "scales/scaled_rounding_net.h"
#include "util/progress.h"

#include <cstdint>
#include <vector>

namespace sdlab {

struct ScaleOptimizerSettings {
    double lambda = 0.0; // weight of L_comp (eq. 4.9)
    int steps = 300;
    int batch = 20;            // inputs per step, drawn with replacement
    double learningRate = 0.2; // Adam on κ = log k, η/(1 + t/100) at step t: one η serves
                               // every λ (the thesis: SGD)
    std::uint64_t seed = 1;
};

// One point of the optimisation: the scales and the cost on the evaluation inputs.
struct ScalePoint {
    std::vector<double> scales; // k_l, layer by layer (unit by unit with per-unit scales)
    ScaledRoundingNet::Cost cost;
    int step = 0; // optimisation steps taken
};

// Thesis eq. 4.10 on `net`'s log-scales, weights frozen; returns the trajectory (start,
// then every `every` steps and the end), costs measured on `evaluation`; empty when
// `progress` (called each step) cancelled it.
std::vector<ScalePoint> optimizeScales(ScaledRoundingNet& net,
                                       const std::vector<Eigen::VectorXd>& training,
                                       const std::vector<Eigen::VectorXd>& evaluation,
                                       const ScaleOptimizerSettings& settings, int every = 50,
                                       const ProgressCallback& progress = {});

} // namespace sdlab
