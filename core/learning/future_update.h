#pragma once

#include "learning/layer_traces.h"
#include "util/eigen_types.h"

namespace sdlab {

// "Future" weight update, ICLR'18 eq. 20 / App. D in the corrected form of spec §3:
// each spike adds at once everything its pairing with the other side's present and
// future trace will contribute:
//   x̂ ← kα_x·x̂;  ê ← kα_e·ê + kβ_e·ē_t;
//   Δw = (kβ_x·x̄_t ⊗ ê + x̂ ⊗ kβ_e·ē_t) / (1 − kα_x·kα_e);  then x̂ += kβ_x·x̄_t.
// (The printed eq. 20 lacks kβ and has the denominator kα² − 1; with it the totals do not
// match the other forms.) No flush is needed. Cost per step:
// (#pre spikes)·d_out + (#post spikes)·d_in, plus O(d_in + d_out).
class FutureUpdate {
  public:
    FutureUpdate(Eigen::Index dIn, Eigen::Index dOut, const UpdateRuleParams& params)
        : m_traces(dIn, dOut, params) {}

    // Adds gain × this step's update to dW (gain = −η applies it to a weight matrix).
    void step(const Eigen::ArrayXd& preSpikes, const Eigen::ArrayXd& postSpikes, RowMatrix& dW,
              double gain = 1.0);

    const LayerTraces& traces() const { return m_traces; }
    void setParams(const UpdateRuleParams& params) { m_traces.setParams(params); }

  private:
    LayerTraces m_traces;
};

} // namespace sdlab
