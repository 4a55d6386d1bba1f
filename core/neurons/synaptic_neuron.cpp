#include "neurons/synaptic_neuron.h"

#include "io/input_error.h"

namespace sdlab {

std::string validationError(const SynapticParams& p) {
    if (!(p.alpha >= 0.0 && p.alpha <= 1.0))
        return "alpha must be in [0, 1], got " + std::to_string(p.alpha);
    if (!(p.beta >= 0.0 && p.beta <= 1.0))
        return "beta must be in [0, 1], got " + std::to_string(p.beta);
    return validationError(p.neuron);
}

SynapticNeurons::SynapticNeurons(Eigen::Index units, Eigen::Index batch,
                                 const SynapticParams& params)
    : m_params(params), m_syn(Eigen::ArrayXXd::Zero(units, batch)),
      m_u(Eigen::ArrayXXd::Zero(units, batch)), m_s(Eigen::ArrayXXd::Zero(units, batch)),
      m_reset(Eigen::ArrayXXd::Zero(units, batch)) {
    if (const std::string error = validationError(params); !error.empty())
        throw InputError(error);
}

void SynapticNeurons::reset() {
    m_syn.setZero();
    m_u.setZero();
    m_s.setZero();
    m_reset.setZero();
}

const Eigen::ArrayXXd& SynapticNeurons::step(const Eigen::ArrayXXd& current) {
    const double theta = m_params.neuron.threshold;
    m_reset = (m_u > theta).cast<double>();
    m_syn = m_params.alpha * m_syn + current;
    switch (m_params.neuron.reset) {
    case ResetMechanism::Subtract:
        m_u = m_params.beta * m_u + m_syn - m_reset * theta;
        break;
    case ResetMechanism::Zero:
        m_u = (1.0 - m_reset) * (m_params.beta * m_u + m_syn);
        break;
    case ResetMechanism::None:
        m_u = m_params.beta * m_u + m_syn;
        break;
    }
    m_s = (m_u > theta).cast<double>();
    return m_s;
}

} // namespace sdlab
