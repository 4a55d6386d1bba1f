#pragma once

#include "kernels/stdp_kernels.h"
#include "learning/update_rule_params.h"

namespace sdlab {

// The STDP windows of ICLR'18 Fig. 4: the weight change one pair of spikes makes as a
// function of their timing, Δt = t_post − t_pre (integer steps).

// PD-STDP (ICLR'18 §2.6 with spec §3's corrected eq. 13): a forward spike of sign
// `preSign` and an error spike of sign `postSign` add s_pre·s_post·g(Δt) to ∂L/∂w
// (g = stdpWindow), so gradient descent changes the weight by −η·s_pre·s_post·g(Δt).
// Returned per unit learning rate: Fig. 4's left plot (same signs, −g) and middle plot
// (opposite signs, +g). Symmetric when both sides share kα: only the signs matter.
double pdStdpWeightChange(long dt, const UpdateRuleParams& params, int preSign, int postSign);

// Classic STDP (thesis eq. 6.3, Fig. 6.1; ICLR'18 Fig. 4 right): a₊·e^(−Δt/τ₊) when the
// pre spike comes first (Δt > 0), −a₋·e^(Δt/τ₋) when it comes after, 0 together.
double classicStdpWeightChange(double dt, double aPlus, double tauPlus, double aMinus,
                               double tauMinus);

// Fig. 4's three windows for the Kernels lab's decay α, on Δt = −span..span: PD coding
// with kp = 1 and kd = α/(1 − α) on both sides (so kα = α, the lab's decoder decay, and
// kβ = 1 − α), and the classic window with the same time constant, τ = −1/ln α, and
// the PD window's peak g(0) as both amplitudes.
struct StdpWindows {
    DiscreteSeries sameSign, oppositeSign, classic;
};
StdpWindows stdpWindowsFor(double alpha, long span);

} // namespace sdlab
