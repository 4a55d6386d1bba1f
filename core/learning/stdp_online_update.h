#pragma once

#include "learning/update_rule_params.h"
#include "util/eigen_types.h"

#include <Eigen/Core>
#include <vector>

namespace sdlab {

// The STDP form (ICLR'18 eq. 13, spec §3) evaluated online, as a synapse could: two
// spike traces without kβ, P_i = Σ_{s≤t} kα_x^{t−s}·x̄_{i,s} and
// E_j = Σ_{s<t} kα_e^{t−s}·ē_{j,s}, and at every step
//   Δw = g₀·(P ⊗ ē_t + x̄_t ⊗ E),  g₀ = kβ_x·kβ_e/(1 − kα_x·kα_e),
// which pairs each post spike with every earlier-or-simultaneous pre spike through
// g(τ ≥ 0) = g₀·kα_x^τ and each pre spike with every earlier post spike through
// g(τ < 0) = g₀·kα_e^|τ| — the window of stdpUpdate(), counted once per pair as soon
// as its second spike arrives. Totals equal stdpUpdate() over the same trains, and so
// the recon/past/future totals. Cost per step (#pre spikes)·d_out + (#post spikes)·d_in.
class StdpOnlineUpdate {
  public:
    StdpOnlineUpdate(Eigen::Index dIn, Eigen::Index dOut, const UpdateRuleParams& params);

    void step(const Eigen::ArrayXd& preSpikes, const Eigen::ArrayXd& postSpikes, RowMatrix& dW,
              double gain = 1.0);
    void setParams(const UpdateRuleParams& params) { m_params = params; }

  private:
    UpdateRuleParams m_params;
    Eigen::ArrayXd m_preTrace;  // P
    Eigen::ArrayXd m_postTrace; // E
    std::vector<Eigen::Index> m_activePre;
    std::vector<Eigen::Index> m_activePost;
};

} // namespace sdlab
