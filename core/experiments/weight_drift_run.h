#pragma once

#include "coding/pd_params.h"
#include "experiments/pd_coding_run.h"

#include <cstdint>
#include <span>
#include <vector>

namespace sdlab {

// ICLR'18 Fig. 2, why kp: a signal x multiplied by a weight that drifts while it is
// sent as spikes. The receiver computes ẑ = dec(Q(enc(x))·w): each spike is weighted
// by the weight of its own step, so with kp = 0 (changes only) every past change keeps
// the weight it was sent with and ẑ drifts away from z = x·w; kp > 0 makes the decoder
// forget, and ẑ comes back to z. Shared by `sdlab-cli pd` (drift.csv) and the Signal lab.
struct WeightDriftRun {
    std::vector<double> w;         // w_t: a random walk from 1, N(0, drift²) steps
    std::vector<double> product;   // z_t = x_t·w_t
    std::vector<double> withoutKp; // ẑ_t with kp = 0 and the same kd (ICLR'18 Fig. 2 row 2)
    std::vector<double> withKp;    // ẑ_t with the run's kp and kd (rows 3-4)
    double rmseWithoutKp = 0.0, rmseWithKp = 0.0;
};

// `params.kd` must be positive (kp = 0 needs it). The walk is drawn from `seed`.
WeightDriftRun runWeightDrift(std::span<const double> x, PdParams params, double drift,
                              PdQuantizerKind quantizer, std::uint64_t seed);

} // namespace sdlab
