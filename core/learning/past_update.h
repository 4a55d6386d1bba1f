#pragma once

#include "learning/layer_traces.h"
#include "util/eigen_types.h"

namespace sdlab {

// "Past" weight update, ICLR'18 eq. 19 / App. D in the form of spec §3: a synapse is
// touched only at steps where its pre or post neuron spikes. Then, with x̂, ê decayed
// to this step, v = x̂_i·ê_j and Δw_ij = (u_ij − v)/(1 − kα_x·kα_e), the closed-form sum
// of x̂ê over the silent steps since the synapse's last event; after the spikes are
// added, u_ij = x̂_i·ê_j. flush() adds the tail u/(1 − kα_x·kα_e) at the end.
// Summed to infinity it equals the recon form. Cost per step:
// (#pre spikes)·d_out + (#post spikes)·d_in, plus O(d_in + d_out).
class PastUpdate {
  public:
    PastUpdate(Eigen::Index dIn, Eigen::Index dOut, const UpdateRuleParams& params)
        : m_traces(dIn, dOut, params), m_u(RowMatrix::Zero(dIn, dOut)) {}

    // Adds gain × this step's update to dW (gain = −η applies it to a weight matrix).
    void step(const Eigen::ArrayXd& preSpikes, const Eigen::ArrayXd& postSpikes, RowMatrix& dW,
              double gain = 1.0);
    void flush(RowMatrix& dW, double gain = 1.0) const;

    const LayerTraces& traces() const { return m_traces; }
    void setParams(const UpdateRuleParams& params) { m_traces.setParams(params); }

  private:
    LayerTraces m_traces;
    RowMatrix m_u;                       // x̂ê just after each synapse's last event
    Eigen::ArrayXd m_xBefore, m_eBefore; // this step's traces before its spikes
};

} // namespace sdlab
