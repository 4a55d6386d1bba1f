#include "neurons/leaky_neuron.h"

#include "io/input_error.h"

namespace sdlab {

std::string validationError(const LeakyParams& p) {
    if (!(p.beta >= 0.0 && p.beta <= 1.0))
        return "beta must be in [0, 1], got " + std::to_string(p.beta);
    return validationError(p.neuron);
}

LeakyNeurons::LeakyNeurons(Eigen::Index units, Eigen::Index batch, const LeakyParams& params)
    : m_params(params), m_u(Eigen::ArrayXXd::Zero(units, batch)),
      m_s(Eigen::ArrayXXd::Zero(units, batch)), m_reset(Eigen::ArrayXXd::Zero(units, batch)) {
    if (const std::string error = validationError(params); !error.empty())
        throw InputError(error);
}

void LeakyNeurons::reset() {
    m_u.setZero();
    m_s.setZero();
    m_reset.setZero();
}

const Eigen::ArrayXXd& LeakyNeurons::step(const Eigen::ArrayXXd& current) {
    const double beta = m_params.beta, theta = m_params.neuron.threshold;
    m_reset = (m_u > theta).cast<double>(); // R_t = H(U_{t−1} − θ)
    switch (m_params.neuron.reset) {
    case ResetMechanism::Subtract:
        m_u = beta * m_u + current - m_reset * theta;
        break;
    case ResetMechanism::Zero:
        if (m_zeroClearsInput)
            m_u = (1.0 - m_reset) * (beta * m_u + current);
        else
            m_u = beta * ((1.0 - m_reset) * m_u) + current;
        break;
    case ResetMechanism::None:
        m_u = beta * m_u + current;
        break;
    }
    m_s = (m_u > theta).cast<double>(); // S_t = H(U_t − θ)
    return m_s;
}

} // namespace sdlab
