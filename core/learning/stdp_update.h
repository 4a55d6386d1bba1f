#pragma once

#include "learning/update_rule_params.h"
#include "util/eigen_types.h"

#include <vector>

namespace sdlab {

// The STDP form, ICLR'18 eq. 13 in the corrected form of spec §3, evaluated offline over
// whole spike trains: at each error spike ē_t add ē_t·Σ_s x̄_s·g(t − s) with
//   g(τ) = kβ_x·kβ_e·(kα_x^τ for τ ≥ 0, kα_e^{−τ} for τ < 0) / (1 − kα_x·kα_e),
// which is kβ²·kα^|τ|/(1 − kα²) when both sides share kp, kd (the printed eq. 13 has
// kβ instead of kβ²). Includes later presynaptic spikes (s > t), hence offline.
// `pre` is T × d_in and `post` is T × d_out, one row per step (spikes as integral
// doubles). Returns ΔW (d_in × d_out). If `stepTotals` is given it receives, per step,
// the sum over all synapses of what that step's error spikes added.
// Cost: O(T·d_in) for the two traces plus (#post spikes)·d_in.
RowMatrix stdpUpdate(const Eigen::MatrixXd& pre, const Eigen::MatrixXd& post,
                     const UpdateRuleParams& params, std::vector<double>* stepTotals = nullptr);

// The STDP window g(τ) above, τ = t_post − t_pre.
double stdpWindow(long tau, const UpdateRuleParams& params);

} // namespace sdlab
