#pragma once

#include "learning/layer_traces.h"
#include "util/eigen_types.h"

namespace sdlab {

// "Reconstruction" weight update, ICLR'18 §2.6: every step Δw_t = x̂_t ⊗ ê_t, with
// x̂_t = kα_x·x̂_{t−1} + kβ_x·x̄_t and ê_t likewise. Dense: d_in·d_out multiply-adds a step.
class ReconUpdate {
  public:
    ReconUpdate(Eigen::Index dIn, Eigen::Index dOut, const UpdateRuleParams& params)
        : m_traces(dIn, dOut, params) {}

    // Adds gain × this step's update to dW (gain = −η applies it to a weight matrix).
    void step(const Eigen::ArrayXd& preSpikes, const Eigen::ArrayXd& postSpikes, RowMatrix& dW,
              double gain = 1.0);
    // Adds what the rule would add over all later silent steps, Σ_{k≥1} (kα_x·kα_e)^k·x̂ê,
    // so that totals compare with the past/future/STDP forms (spec §3).
    void addTail(RowMatrix& dW, double gain = 1.0) const;

    const LayerTraces& traces() const { return m_traces; }
    void setParams(const UpdateRuleParams& params) { m_traces.setParams(params); }

  private:
    LayerTraces m_traces;
};

} // namespace sdlab
