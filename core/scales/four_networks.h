#pragma once

#include "models/dense_layer.h"

#include <Eigen/Core>
#include <vector>

namespace sdlab {

// Thesis ch. 4 §4.4, Fig. 4.1: one network (ReLU hidden layers, a linear last layer) run
// four ways on a stream of inputs x_1, x_2, …, each layer l receiving a_l (a_0 = x):
//   A original:   z_l = W_lᵀa_l + b_l;                 Σ_l d_l·d_{l+1} multiply-adds (B.12)
//   B temporal difference: Δ_T(a_l) = a_l(t) − a_l(t−1) is sent and Σ_T integrates
//                 W_lᵀΔ_T(a_l) (Algs 4-5): z equals A's (eq. 4.1); multiply-adds only for
//                 the differences that are not 0, Σ_l nnz(Δa_l)·d_{l+1}
//   C rounding:   q_l = round(k·a_l), z_l = W_lᵀq_l/k + b_l (eq. 4.5):
//                 Σ_l (|q_l|₁ + 1)·d_{l+1} additions (B.14, the bias one per output)
//   D sigma-delta: Δ_T(q_l) is sent and integrated (eq. 4.6): z equals C's (eq. 4.2);
//                 Σ_l |q_l(t) − q_l(t−1)|₁·d_{l+1} additions (B.15)
// B and D start their integrators at the bias, so b costs them nothing per step; all
// four start from a_l(0) = 0. k is one scale for every layer input (k_0 included).
class FourNetworks {
  public:
    FourNetworks(std::vector<DenseLayer> layers, double scale);

    struct Step {
        Eigen::VectorXd original, temporalDifference, rounding, sigmaDelta; // outputs z_L
        double originalMultiplyAdds = 0, temporalDifferenceMultiplyAdds = 0;
        double roundingAdds = 0, sigmaDeltaAdds = 0;
    };
    const Step& step(const Eigen::VectorXd& x);

  private:
    std::vector<DenseLayer> m_layers;
    double m_scale;
    // Per layer: what B and D sent last (a_l(t−1), q_l(t−1)) and their integrators.
    std::vector<Eigen::VectorXd> m_lastInput, m_lastRounded, m_tdSum, m_sdSum;
    Step m_step;
};

} // namespace sdlab
