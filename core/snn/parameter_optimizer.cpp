#include "snn/parameter_optimizer.h"

#include <cmath>

namespace sdlab {

ParameterOptimizer::ParameterOptimizer(LifOptimizer kind, double learningRate, Eigen::Index rows,
                                       Eigen::Index cols)
    : m_kind(kind), m_rate(learningRate) {
    if (kind == LifOptimizer::Adam) {
        m_first.setZero(rows, cols);
        m_second.setZero(rows, cols);
    }
}

void ParameterOptimizer::step(Eigen::MatrixXd& p, const Eigen::MatrixXd& g) {
    if (m_kind == LifOptimizer::Sgd) {
        p.noalias() -= m_rate * g;
        return;
    }
    constexpr double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
    ++m_steps;
    m_first = beta1 * m_first + (1.0 - beta1) * g;
    m_second = beta2 * m_second + (1.0 - beta2) * g.cwiseProduct(g);
    const double correction1 = 1.0 - std::pow(beta1, static_cast<double>(m_steps));
    const double correction2 = 1.0 - std::pow(beta2, static_cast<double>(m_steps));
    // p −= lr·m̂/(√v̂ + ε), m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ)
    p.array() -= (m_rate / correction1) * m_first.array() /
                 ((m_second.array() / correction2).sqrt() + epsilon);
}

} // namespace sdlab
