#pragma once

#include "neurons/reset_mechanism.h"

#include <Eigen/Core>

namespace sdlab {

struct LeakyParams {
    double beta = 0.95; // membrane decay per step, in [0, 1] (1: integrate-and-fire)
    SpikingNeuronParams neuron;
};
std::string validationError(const LeakyParams& params);

// A layer of first-order leaky integrate-and-fire neurons over a minibatch (units ×
// samples), snnTorch's Leaky (paper eqs. 4-5, spec §10). With R_t = H(U_{t−1} − θ):
//   subtract: U_t = β·U_{t−1} + I_t − R_t·θ
//   zero:     U_t = β·(1 − R_t)·U_{t−1} + I_t   (the input of the step is kept)
//   none:     U_t = β·U_{t−1} + I_t
//   S_t = H(U_t − θ), H(x) = 1 for x > 0 (strict). U_0 = 0. No allocation per step
// once the shape is set; InputError from the constructor when the parameters are bad.
class LeakyNeurons {
  public:
    LeakyNeurons(Eigen::Index units, Eigen::Index batch, const LeakyParams& params);

    void reset(); // U = 0 before a new sample
    // One step with the input current I_t (units × batch); returns S_t.
    const Eigen::ArrayXXd& step(const Eigen::ArrayXXd& current);

    const Eigen::ArrayXXd& membrane() const { return m_u; }
    const Eigen::ArrayXXd& spikes() const { return m_s; }
    const Eigen::ArrayXXd& lastReset() const { return m_reset; } // R_t of the last step
    const LeakyParams& params() const { return m_params; }
    // snnTorch's RLeaky zeroes the whole new membrane, input included:
    // U_t = (1 − R_t)·(β·U_{t−1} + I_t) (as Synaptic does; Leaky keeps the input).
    void setZeroResetClearsInput(bool clears) { m_zeroClearsInput = clears; }

  private:
    LeakyParams m_params;
    bool m_zeroClearsInput = false;
    Eigen::ArrayXXd m_u, m_s, m_reset;
};

} // namespace sdlab
