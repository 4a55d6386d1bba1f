#pragma once

#include "snn/lif_layer.h"

#include <Eigen/Core>
#include <vector>

namespace sdlab {

// Activity regularisation of a LIF network (snnTorch paper Appendix B11-12), per sample,
// with c_i = Σ_t S_{i,t} the spike count of unit i of a layer of N units:
//   l1 (eq. 40):              λ·Σ_t Σ_i S_{i,t}, summed over every layer
//   upper bound (eq. 41, L = 2): λ_U·([Σ_i c_i − θ_U]_+)², θ_U = r_U·N·T, per layer
//   lower bound (eq. 42):     (λ_L/N)·Σ_i ([θ_L − c_i]_+)², θ_L = r_L·T, per layer
// The bounds are given as rates r (spikes per unit per step) so one value suits every
// layer and T. Each sample's penalty is added to `losses`; `dSpikes[l]` (N × B) is the
// penalty's ∂/∂S^l_t divided by meanOver (the batch mean), the same at every step t.
// Returns false, writing nothing, when no term is on.
bool regulariseActivity(const LifNetworkSettings& settings, const std::vector<LifLayer>& layers,
                        double meanOver, std::vector<double>& losses,
                        std::vector<Eigen::MatrixXd>& dSpikes);

// d (N × T·B) += perSample (N × B) at every step.
void addAtEveryStep(Eigen::MatrixXd& d, const Eigen::MatrixXd& perSample, int steps);

} // namespace sdlab
