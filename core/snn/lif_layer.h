#pragma once

#include "snn/lif_settings.h"

#include <Eigen/Core>

namespace sdlab {

// The neurons of one layer unrolled over T steps for a minibatch of B samples, with the
// exact backward pass of that unrolled graph, H' replaced by the surrogate (spec §10,
// snnTorch paper eqs 6-7). Records are n × (T·B): step t's samples are columns
// [t·B, (t+1)·B). With R_t = H(U_{t−1} − θ), base_t = a·U_{t−1} + b·J_t, J_t the input
// current (Synaptic: J_t = α·J_{t−1} + I_t):
//   subtract: U_t = base_t − R_t·θ
//   zero:     Leaky U_t = a·(1 − R_t)·U_{t−1} + b·J_t; Lapicque, Synaptic U_t = (1 − R_t)·base_t
//   none:     U_t = base_t
// S_t = H(U_t − θ); Leaky, Synaptic a = β, b = 1; Lapicque a = 1 − ln(1/β), b = ln(1/β).
// Recurrent leaky: I_t + V·S_{t−1} in place of I_t, and the zero reset of Synaptic.
// R_t is detached unless settings.resetAttached. Memory O(T·n·B), as BPTT's is.
class LifLayer {
  public:
    explicit LifLayer(const LifNetworkSettings& settings);

    // current: n × (T·B), or n × B when it is the same every step (direct input).
    void forward(const Eigen::MatrixXd& current, bool sameEveryStep, int steps, int batch);
    // dSpikes, dMembrane: ∂L/∂S and the loss's own ∂L/∂U (n × T·B; nullptr = zero).
    // Writes ∂L/∂I into dCurrent: n × (T·B), or summed over the steps to n × B
    // (sumOverSteps, for a current that was the same every step).
    // With `scalars`, also ∂L/∂β and ∂L/∂θ of the layer's shared decay and threshold
    // (learnable β and θ; Leaky and Synaptic, whose decay is β itself).
    struct ScalarGradients {
        double beta = 0.0, threshold = 0.0;
    };
    // With recurrent weights, also ∂L/∂V into dRecurrent (n × n).
    void backward(const Eigen::MatrixXd* dSpikes, const Eigen::MatrixXd* dMembrane,
                  bool sumOverSteps, Eigen::MatrixXd& dCurrent, ScalarGradients* scalars = nullptr,
                  Eigen::MatrixXd* dRecurrent = nullptr) const;
    // The recurrent weights V (n × n) the next passes use (recurrent leaky only; the
    // matrix must outlive them).
    void setRecurrentWeights(const Eigen::MatrixXd* weights) { m_recurrent = weights; }
    // Learnable parameters: the values the next forward pass uses (β ∈ [0, 1], θ > 0).
    void setBeta(double beta) { m_a = beta; }
    void setThreshold(double threshold) { m_theta = threshold; }

    const Eigen::MatrixXd& spikes() const { return m_s; }
    const Eigen::MatrixXd& membrane() const { return m_u; }
    const Eigen::MatrixXd& resets() const { return m_r; }
    // Gradient checks: the next forward passes reuse the recorded R_t instead of computing
    // them, so a finite difference sees the reset as the detached backward pass does.
    void setReplayResets(bool replay) { m_replayResets = replay; }

    // For eligibility traces (eligibility_gradient.h): U_t = a·U_{t−1} + b·I_t − R_t·θ.
    double decay() const { return m_a; }
    double inputGain() const { return m_b; }
    double threshold() const { return m_theta; }
    double surrogateDerivative(double x) const { return m_surrogate.derivative(x); }
    int steps() const { return m_steps; }
    int batch() const { return m_batch; }

  private:
    double spike(double x) const; // H(x), or the smooth step in gradient checks
    bool zeroesWholeMembrane() const { return m_neuron != LifNeuronKind::Leaky; }

    LifNeuronKind m_neuron;
    ResetMechanism m_reset;
    SurrogateGradient m_surrogate;
    bool m_resetAttached, m_smooth;
    double m_a, m_b, m_alpha, m_theta;
    int m_steps = 0, m_batch = 0;
    bool m_replayResets = false;
    const Eigen::MatrixXd* m_recurrent = nullptr;
    Eigen::MatrixXd m_u, m_s, m_r, m_base, m_syn, m_feedback;
};

} // namespace sdlab
