#pragma once

#include "cost/op_counter.h"
#include "equilibrium/energy_network.h"

#include <cstdint>
#include <vector>

namespace sdlab {

// Initialized EqProp's feed-forward network f_φ (thesis eq. 7.1): one pass predicts the
// fixed point of every state layer, s^f_l = ρ_leak(ω_lᵀ s^f_{l−1} + c_l), s^f_0 = x,
// with the leaky ρ_leak(z) = ρ(z) + leak·z of §7.4. It learns from the local losses
// L_l = ‖s^f_l − s⁻_l‖² only (eq. 7.4's local term): each layer's input is treated as
// a constant, so no gradient crosses a layer — no backprop.
class FeedforwardInitializer {
  public:
    FeedforwardInitializer(const std::vector<int>& sizes, double leak, std::uint64_t seed);

    // Runs f_φ on x; the result (unclipped) stays valid until the next call.
    const EqState& forward(const Eigen::VectorXd& x, OpCounter* ops = nullptr);
    // s^f clipped to the state box [0, 1], for starting or anchoring a settling.
    EqState clippedPrediction() const;
    // One step φ_l ← φ_l − η_l ∂L_l/∂φ_l toward the targets (s⁻), after forward(x).
    void learn(const Eigen::VectorXd& x, const EqState& targets,
               const std::vector<double>& learningRates, OpCounter* ops = nullptr);
    // Σ_l ‖s^f_l − target_l‖², after forward().
    double localLoss(const EqState& targets) const;

    const Eigen::MatrixXd& weights(int l) const { return m_weights[static_cast<std::size_t>(l)]; }

  private:
    double m_leak;
    std::vector<Eigen::MatrixXd> m_weights;
    std::vector<Eigen::VectorXd> m_biases;
    std::vector<Eigen::VectorXd> m_preactivation;
    EqState m_output;
    Eigen::VectorXd m_delta; // scratch
};

} // namespace sdlab
