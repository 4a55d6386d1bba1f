#pragma once

#include "neurons/reset_mechanism.h"

#include <Eigen/Core>

namespace sdlab {

// Lapicque's RC neuron by forward Euler (snnTorch paper eqs. 1-3 and App. A1, spec §10):
//   base_t = I_t·R·(1/(R·C))·Δt + (1 − Δt/(R·C))·U_{t−1}
//   subtract: U_t = base_t − R_t·θ;  zero: U_t = (1 − R_t)·base_t;  none: U_t = base_t
// with R_t = H(U_{t−1} − θ) and S_t = H(U_t − θ). Evaluated in snnTorch's order so runs
// agree with it step for step.
struct LapicqueParams {
    double resistance = 1.0;  // R > 0
    double capacitance = 1.0; // C > 0
    double dt = 1.0;          // Δt > 0
    SpikingNeuronParams neuron;

    // snnTorch's Lapicque given β alone: R = 1, C = Δt/ln(1/β), so the decay per step
    // is 1 − ln(1/β), not β (what snnTorch computes, kept so runs compare). β in (0, 1].
    static LapicqueParams fromBeta(double beta, double dt = 1.0, SpikingNeuronParams neuron = {});
    double decay() const { return 1.0 - dt / (resistance * capacitance); }
};
std::string validationError(const LapicqueParams& params);

// A layer of Lapicque neurons over a minibatch (units × samples). InputError from the
// constructor when the parameters are bad.
class LapicqueNeurons {
  public:
    LapicqueNeurons(Eigen::Index units, Eigen::Index batch, const LapicqueParams& params);

    void reset();
    const Eigen::ArrayXXd& step(const Eigen::ArrayXXd& current);

    const Eigen::ArrayXXd& membrane() const { return m_u; }
    const Eigen::ArrayXXd& spikes() const { return m_s; }
    const Eigen::ArrayXXd& lastReset() const { return m_reset; }
    const LapicqueParams& params() const { return m_params; }

  private:
    LapicqueParams m_params;
    Eigen::ArrayXXd m_u, m_s, m_reset, m_base;
};

} // namespace sdlab
