#pragma once

#include "snn/lif_layer.h"

#include <Eigen/Core>
#include <vector>

namespace sdlab {

// Weight gradients by eligibility traces carried forward in time (snnTorch paper §V,
// RTRL eqs 10-13; e-prop for deeper nets), for layers whose reset is detached and
// subtracts θ or is absent, so ∂U_t/∂W_ij = a·∂U_{t−1}/∂W_ij + b·x_{t,j}: one trace
// per input, ε_t = a·ε_{t−1} + b·x_t (and a bias trace β_t = a·β_{t−1} + b). The
// gradient is Σ_t δ_t ε_tᵀ with δ_t the immediate ∂L/∂U_t: the loss's own term plus
// ∂L/∂S_t·g(U_t − θ). For the top layer ∂L/∂S_t is the loss's; below, e-prop's learning
// signal W_{l+1}ᵀ·(b·δ^{l+1}_t), the upper layer's immediate error at the same step. One
// layer: exactly BPTT's gradient. Deeper: BPTT's when the upper layers have a = 0.
// Recurrent weights (e-prop, Bellec et al. 2020): S^l_{t−1} is one more input with its
// own trace, its dependence on the weights dropped. Computed from the layers' records
// of one forward pass (the same sums an online learner accumulates step by step).
struct EligibilityInputs {
    const std::vector<LifLayer>* layers = nullptr;
    const std::vector<Eigen::MatrixXd>* weights = nullptr;   // out × in per layer
    const std::vector<Eigen::MatrixXd>* recurrent = nullptr; // out × out per layer, or empty
    const Eigen::MatrixXd* input = nullptr;                  // in × (T·B), or in × B when direct
    bool directInput = false;
    const Eigen::MatrixXd* dSpikes = nullptr;   // the loss's ∂L/∂S of the top layer, or empty
    const Eigen::MatrixXd* dMembrane = nullptr; // the loss's ∂L/∂U of the top layer, or empty
    // The activity regularisers' ∂L/∂S per layer (N × B, every step), added to the
    // layers below the top (the top's is in dSpikes already); null when none is on.
    const std::vector<Eigen::MatrixXd>* dActivity = nullptr;
};
void eligibilityGradients(const EligibilityInputs& in,
                          std::vector<Eigen::MatrixXd>& weightGradients,
                          std::vector<Eigen::MatrixXd>& biasGradients,
                          std::vector<Eigen::MatrixXd>& recurrentGradients);

} // namespace sdlab
