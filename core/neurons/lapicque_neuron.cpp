#include "neurons/lapicque_neuron.h"

#include "io/input_error.h"

#include <cmath>
#include <limits>

namespace sdlab {

LapicqueParams LapicqueParams::fromBeta(double beta, double dt, SpikingNeuronParams neuron) {
    LapicqueParams p;
    p.dt = dt;
    p.neuron = neuron;
    p.resistance = 1.0;
    // β = 1 never decays: C is infinite, and the input never reaches the membrane
    // (Δt/C = 0), as in snnTorch. β outside (0, 1] is refused by validationError.
    p.capacitance =
        beta > 0.0 && beta <= 1.0
            ? (beta == 1.0 ? std::numeric_limits<double>::infinity() : dt / std::log(1.0 / beta))
            : -1.0;
    return p;
}

std::string validationError(const LapicqueParams& p) {
    if (!(p.resistance > 0.0) || !std::isfinite(p.resistance))
        return "the resistance R must be a positive number";
    if (!(p.capacitance > 0.0))
        return "the capacitance C must be positive (beta must be in (0, 1])";
    if (!(p.dt > 0.0) || !std::isfinite(p.dt))
        return "the time step dt must be a positive number";
    return validationError(p.neuron);
}

LapicqueNeurons::LapicqueNeurons(Eigen::Index units, Eigen::Index batch,
                                 const LapicqueParams& params)
    : m_params(params), m_u(Eigen::ArrayXXd::Zero(units, batch)),
      m_s(Eigen::ArrayXXd::Zero(units, batch)), m_reset(Eigen::ArrayXXd::Zero(units, batch)),
      m_base(units, batch) {
    if (const std::string error = validationError(params); !error.empty())
        throw InputError(error);
}

void LapicqueNeurons::reset() {
    m_u.setZero();
    m_s.setZero();
    m_reset.setZero();
}

const Eigen::ArrayXXd& LapicqueNeurons::step(const Eigen::ArrayXXd& current) {
    const double r = m_params.resistance, c = m_params.capacitance, dt = m_params.dt;
    const double theta = m_params.neuron.threshold;
    m_reset = (m_u > theta).cast<double>();
    m_base = current * r * (1.0 / (r * c)) * dt + (1.0 - dt / (r * c)) * m_u;
    switch (m_params.neuron.reset) {
    case ResetMechanism::Subtract:
        m_u = m_base - m_reset * theta;
        break;
    case ResetMechanism::Zero:
        m_u = m_base - m_reset * m_base; // snnTorch zeroes the whole new membrane
        break;
    case ResetMechanism::None:
        m_u = m_base;
        break;
    }
    m_s = (m_u > theta).cast<double>();
    return m_s;
}

} // namespace sdlab
