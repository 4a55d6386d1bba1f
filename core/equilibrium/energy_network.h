#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace sdlab {

// The state of every non-input layer of a layered energy network: state[l] belongs to
// layer l + 1 (layer 0 is the clamped input x).
using EqState = std::vector<Eigen::VectorXd>;

// Mean |a − b| over all units of two states of the same shape (thesis Fig. 8.2's
// "mean error" between a state and the fixed point).
double meanAbsoluteDistance(const EqState& a, const EqState& b);

// A layered continuous Hopfield network (thesis eq. 2.9, spec §7): layers
// sizes[0] (input) .. sizes[L] (output), symmetric weights only between neighbouring
// layers, W_l of size sizes[l] × sizes[l+1], and a bias b_l for every layer l ≥ 1.
//   E(s) = ½Σ s² − Σ b·ρ(s) − Σ_l ρ(s_l)ᵀ W_l ρ(s_{l+1}),  with ρ(s_0) := x.
// Weights start Glorot-uniform from the seed, biases at zero (reference code).
class EnergyNetwork {
  public:
    EnergyNetwork(const std::vector<int>& sizes, std::uint64_t seed);

    const std::vector<int>& sizes() const { return m_sizes; }
    int stateLayerCount() const { return static_cast<int>(m_sizes.size()) - 1; }
    int stateUnitCount() const;
    EqState zeroState() const;

    Eigen::MatrixXd& weights(int l) { return m_weights[static_cast<std::size_t>(l)]; }
    const Eigen::MatrixXd& weights(int l) const { return m_weights[static_cast<std::size_t>(l)]; }
    // Bias of state layer l (layer l + 1 of the network).
    Eigen::VectorXd& bias(int l) { return m_biases[static_cast<std::size_t>(l)]; }
    const Eigen::VectorXd& bias(int l) const { return m_biases[static_cast<std::size_t>(l)]; }

    // E(s) of eq. 2.9 for input x.
    double energy(const EqState& s, const Eigen::VectorXd& x) const;
    // W_0ᵀ x: the input's drive of the first state layer, constant while x is.
    void inputDrive(const Eigen::VectorXd& x, Eigen::VectorXd& out) const;
    // The drive of every state layer, b + W_belowᵀ ρ(below) + W_above ρ(above), with the
    // input's part given precomputed (eq. 2.10 without ρ'). Writes into `out` (resized).
    void drives(const EqState& s, const Eigen::VectorXd& inputDrive, EqState& out) const;
    // Multiply-adds one drives() call costs (both directions of every hidden connection).
    std::uint64_t drivesMultiplyAdds() const;

  private:
    std::vector<int> m_sizes;
    std::vector<Eigen::MatrixXd> m_weights;
    std::vector<Eigen::VectorXd> m_biases;
};

} // namespace sdlab
