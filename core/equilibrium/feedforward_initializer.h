#pragma once

#include "cost/op_counter.h"
#include "equilibrium/energy_network.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace sdlab {

// Which gradient of eq. 7.3's L = Σ_l L_l, L_l = ‖s^f_l − target_l‖², φ_l follows
// (thesis eq. 7.4): Local, ∂L_l/∂φ_l alone (each layer's input a constant, no gradient
// crosses a layer: no backprop), or Global, ∂L/∂φ_l = local + distant
// Σ_{j>l} ∂L_j/∂φ_l by backprop (thesis Fig. 7.4 left's comparison).
enum class InitializerLoss { Local, Global };

std::optional<InitializerLoss> parseInitializerLoss(std::string_view name);

// How Initialized EqProp predicts after training (thesis §7.3.2): Forward, the
// initializer's output alone (Alg. 7); Iterative, the free phase of E_θ settled for T⁻
// steps from that output (Alg. 8, Fig. 7.3's "Fwd Eq Prop: s⁻").
enum class InitializedInference { Forward, Iterative };

std::optional<InitializedInference> parseInitializedInference(std::string_view name);

// A gradient with respect to every layer's φ_l = (ω_l, c_l).
struct InitializerGradient {
    std::vector<Eigen::MatrixXd> weights;
    std::vector<Eigen::VectorXd> biases;
};

// Cosine similarity of layer l's parts of two gradients, (ω_l, c_l) as one vector
// (thesis Figs 7.2 and 7.4 right); 0 when either is zero.
double layerCosine(const InitializerGradient& a, const InitializerGradient& b, int layer);

// Initialized EqProp's feed-forward network f_φ (thesis eq. 7.1): one pass predicts the
// fixed point of every state layer, s^f_l = ρ_leak(ω_lᵀ s^f_{l−1} + c_l), s^f_0 = x,
// with the leaky ρ_leak(z) = ρ(z) + leak·z of §7.4. It learns from the local losses by
// default (eq. 7.4's local term), or from the global one.
class FeedforwardInitializer {
  public:
    FeedforwardInitializer(const std::vector<int>& sizes, double leak, std::uint64_t seed);

    // Runs f_φ on x; the result (unclipped) stays valid until the next call.
    const EqState& forward(const Eigen::VectorXd& x, OpCounter* ops = nullptr);
    // s^f clipped to the state box [0, 1], for starting or anchoring a settling.
    EqState clippedPrediction() const;
    // ∂L/∂φ of the chosen loss toward the targets, after forward(x) (into `out`).
    void gradient(const Eigen::VectorXd& x, const EqState& targets, InitializerLoss loss,
                  InitializerGradient& out, OpCounter* ops = nullptr) const;
    // One step φ_l ← φ_l − η_l ∂L/∂φ_l toward the targets (s⁻), after forward(x).
    void learn(const Eigen::VectorXd& x, const EqState& targets,
               const std::vector<double>& learningRates, OpCounter* ops = nullptr,
               InitializerLoss loss = InitializerLoss::Local);
    // Σ_l ‖s^f_l − target_l‖², after forward().
    double localLoss(const EqState& targets) const;

    const Eigen::MatrixXd& weights(int l) const { return m_weights[static_cast<std::size_t>(l)]; }
    Eigen::MatrixXd& weights(int l) { return m_weights[static_cast<std::size_t>(l)]; }
    Eigen::VectorXd& bias(int l) { return m_biases[static_cast<std::size_t>(l)]; }
    int layerCount() const { return static_cast<int>(m_weights.size()); }

  private:
    double m_leak;
    std::vector<Eigen::MatrixXd> m_weights;
    std::vector<Eigen::VectorXd> m_biases;
    std::vector<Eigen::VectorXd> m_preactivation;
    EqState m_output;
    std::vector<Eigen::VectorXd> m_delta; // scratch of learn()

    // ∂L/∂z_l of every layer, after forward().
    void deltas(const EqState& targets, InitializerLoss loss, std::vector<Eigen::VectorXd>& out,
                OpCounter* ops) const;
};

} // namespace sdlab
