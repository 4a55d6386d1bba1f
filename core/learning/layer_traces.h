#pragma once

#include "learning/update_rule_params.h"

#include <Eigen/Core>
#include <vector>

namespace sdlab {

// The reconstructions x̂ ∈ R^{d_in}, ê ∈ R^{d_out} that a layer's weight-update rules
// keep (ICLR'18 App. D), plus this step's active (spiking) indices on each side. One
// call to beginStep() per time step finds the spiking indices and decays both traces
// (x̂ ← kα_x·x̂, ê ← kα_e·ê); addPre()/addPost() then add kβ·spikes at the active
// indices only. Cost O(d_in + d_out) per step; no allocation after construction.
class LayerTraces {
  public:
    LayerTraces(Eigen::Index dIn, Eigen::Index dOut, const UpdateRuleParams& params);

    void beginStep(const Eigen::ArrayXd& preSpikes, const Eigen::ArrayXd& postSpikes);
    void addPre(const Eigen::ArrayXd& preSpikes);
    void addPost(const Eigen::ArrayXd& postSpikes);

    const Eigen::ArrayXd& xHat() const { return m_xHat; }
    const Eigen::ArrayXd& eHat() const { return m_eHat; }
    const std::vector<Eigen::Index>& activePre() const { return m_activePre; }
    const std::vector<Eigen::Index>& activePost() const { return m_activePost; }
    // True for the rows that spiked this step (same content as activePre()).
    bool isPreActive(Eigen::Index i) const { return m_preMask[static_cast<std::size_t>(i)]; }
    const UpdateRuleParams& params() const { return m_params; }
    // New gains from the next step on (the kp/kd auto-tuner changes them while a
    // network trains); the traces keep their values.
    void setParams(const UpdateRuleParams& params);

  private:
    UpdateRuleParams m_params;
    double m_kAlphaPre, m_kBetaPre, m_kAlphaPost, m_kBetaPost;
    Eigen::ArrayXd m_xHat;
    Eigen::ArrayXd m_eHat;
    std::vector<Eigen::Index> m_activePre;
    std::vector<Eigen::Index> m_activePost;
    std::vector<bool> m_preMask;
};

} // namespace sdlab
