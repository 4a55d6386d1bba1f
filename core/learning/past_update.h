#pragma once

#include "learning/decay_powers.h"
#include "learning/layer_traces.h"
#include "util/eigen_types.h"

#include <cstdint>
#include <vector>

namespace sdlab {

// "Past" weight update, ICLR'18 eq. 19 / App. D in the form of spec §3: a synapse is
// touched only at steps where its pre or post neuron spikes. Then, with x̂, ê decayed
// to this step, v = x̂_i·ê_j and Δw_ij = (u_ij − v)/(1 − kα_x·kα_e), the closed-form sum
// of x̂ê over the silent steps since the synapse's last event, where u_ij is x̂_i·ê_j
// just after that event. flush() adds the tail u/(1 − kα_x·kα_e) at the end.
// Summed to infinity it equals the recon form.
//
// u is not stored per synapse: its last event is the later of its two neurons' last
// spikes τ, and each trace only decays between its own spikes, so
//   u_ij = x̂_i(τ)·ê_j(τ) = xAfter_i·eAfter_j·kα^|tPre_i − tPost_j|
// (kα of the side that spiked earlier), from O(d_in + d_out) state. That leaves one
// memory access per touched synapse, on dW. Cost per step:
// (#pre spikes)·d_out + (#post spikes)·d_in, plus O(d_in + d_out).
// A change of kα (not of kβ, which the auto-tuner moves every step) settles every
// synapse at the next step: the sum of its silent steps so far, at the old decay, is
// added and the synapse restarts from there, O(d_in·d_out) once. So the past total
// keeps equal to recon's across the change.
class PastUpdate {
  public:
    PastUpdate(Eigen::Index dIn, Eigen::Index dOut, const UpdateRuleParams& params);

    // Adds gain × this step's update to dW (gain = −η applies it to a weight matrix).
    void step(const Eigen::ArrayXd& preSpikes, const Eigen::ArrayXd& postSpikes, RowMatrix& dW,
              double gain = 1.0);
    void flush(RowMatrix& dW, double gain = 1.0) const;

    const LayerTraces& traces() const { return m_traces; }
    void setParams(const UpdateRuleParams& params);

  private:
    // x̂_i(τ)·ê_j(τ) at the synapse's last event.
    double lastProduct(Eigen::Index i, Eigen::Index j) const {
        return m_xAfter[i] * m_eAfter[j] *
               decayBetween(m_preTime[static_cast<std::size_t>(i)],
                            m_postTime[static_cast<std::size_t>(j)]);
    }
    // The decay from the earlier of two last spikes to the later, on the earlier's side
    // (which side that is depends on the data, so the table is picked without a branch).
    double decayBetween(std::int64_t preTime, std::int64_t postTime) const {
        const std::int64_t gap = preTime - postTime;
        const DecayPowers* decay = gap >= 0 ? &m_postDecay : &m_preDecay;
        return (*decay)(gap >= 0 ? gap : -gap);
    }
    void setDecays(const UpdateRuleParams& params);
    void prepareColumns(); // m_postAge, m_postGap for this step
    double rowGap(Eigen::Index i, std::int64_t age) const;
    void updateSpikingRows(RowMatrix& dW, double scale);
    void updateSpikingColumns(RowMatrix& dW, double scale);
    void addExactRow(double* dwRow, Eigen::Index i, double scale) const;
    // Adds gain·Σ of each synapse's silent steps since its last event, at the decay its
    // traces had, and makes the last step every synapse's last event.
    void settleAll(RowMatrix& dW, double gain);

    LayerTraces m_traces;
    DecayPowers m_preDecay, m_postDecay;
    std::int64_t m_maxAge = 0; // ages the per-neuron form handles (see updateSpikingRows)
    std::int64_t m_now = -1;   // index of the last step taken
    bool m_settlePending = false;
    double m_settleGeometricSum = 1.0; // Σ_k (kα_x·kα_e)^k before the kα change
    // Per neuron: the step of its last spike and its trace just after it.
    std::vector<std::int64_t> m_preTime, m_postTime;
    Eigen::ArrayXd m_xAfter, m_eAfter;
    Eigen::ArrayXd m_xBefore, m_eBefore; // this step's traces before its spikes
    Eigen::ArrayXd m_postAge, m_postGap; // per output: b_j and H_j of this step
    struct Column {                      // a spiking output's b_j, H_j and ê_j
        Eigen::Index index;
        double age, gap, eBefore;
    };
    std::vector<Column> m_columns;
};

} // namespace sdlab
