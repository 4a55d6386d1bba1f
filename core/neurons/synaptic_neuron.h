#pragma once

#include "neurons/reset_mechanism.h"

#include <Eigen/Core>

namespace sdlab {

struct SynapticParams {
    double alpha = 0.9; // synaptic current decay per step, in [0, 1]
    double beta = 0.8;  // membrane decay per step, in [0, 1]
    SpikingNeuronParams neuron;
};
std::string validationError(const SynapticParams& params);

// A layer of second-order (current-based) LIF neurons over a minibatch, snnTorch's
// Synaptic (paper Fig. 5, spec §10). With R_t = H(U_{t−1} − θ):
//   I^syn_t = α·I^syn_{t−1} + I_t
//   subtract: U_t = β·U_{t−1} + I^syn_t − R_t·θ
//   zero:     U_t = (1 − R_t)·(β·U_{t−1} + I^syn_t)  (the whole new membrane, unlike Leaky)
//   none:     U_t = β·U_{t−1} + I^syn_t
// The synaptic current is never reset. S_t = H(U_t − θ).
class SynapticNeurons {
  public:
    SynapticNeurons(Eigen::Index units, Eigen::Index batch, const SynapticParams& params);

    void reset();
    const Eigen::ArrayXXd& step(const Eigen::ArrayXXd& current);

    const Eigen::ArrayXXd& synapticCurrent() const { return m_syn; }
    const Eigen::ArrayXXd& membrane() const { return m_u; }
    const Eigen::ArrayXXd& spikes() const { return m_s; }
    const Eigen::ArrayXXd& lastReset() const { return m_reset; }
    const SynapticParams& params() const { return m_params; }

  private:
    SynapticParams m_params;
    Eigen::ArrayXXd m_syn, m_u, m_s, m_reset;
};

} // namespace sdlab
