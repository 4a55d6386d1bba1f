#pragma once

#include <span>
#include <vector>

namespace sdlab {

// The weight trajectories of thesis Fig. 6.5 for one synapse i → j with decay α: two
// spike trains h_i^Q, h_j^Q (t = 1..T), their traces h^R = h^Q * κ_pred (no kβ factor,
// spec §4), and the cumulative weight change under
//   dynamics:     Δw(t) = h_i^R(t)·(h_j^R(t) − h_j^R(t−1))        (the true derivative)
//   approximate:  Δw(t) = h_i^R(t)·(h_j^R * κ_Δ)(t)                (central difference)
//   STDP:         Δw(t) = h_j^Q(t)·(h_i^Q * κ_DynSTDP)(t)          (offline, two-sided)
// run until the tails have decayed below 1e−13, so `steps` ≥ T. Spec §4: the
// approximate and STDP totals are equal; the dynamics total differs only by the
// discretisation. Cost O(steps).
struct KernelTrajectoriesRun {
    std::vector<double> preTrace, postTrace;         // h_i^R, h_j^R, t = 1..steps
    std::vector<double> dynamics, approximate, stdp; // cumulative, t = 1..steps
};
// Requires 0 < alpha < 1 and equal-length trains.
KernelTrajectoriesRun runKernelTrajectories(std::span<const double> pre,
                                            std::span<const double> post, double alpha);

} // namespace sdlab
