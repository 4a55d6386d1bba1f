#include "equilibrium/step_sizes.h"

namespace sdlab {

OsaStepSize::OsaStepSize(Eigen::Index units, double targetNu, double initialNu, double firstAlpha)
    : m_targetNu(targetNu), m_initialNu(initialNu), m_firstAlpha(firstAlpha),
      m_bias(Eigen::ArrayXd::Zero(units)), m_squaredError(Eigen::ArrayXd::Zero(units)),
      m_lambda(Eigen::ArrayXd::Zero(units)), m_alpha(Eigen::ArrayXd::Zero(units)) {
    reset();
}

void OsaStepSize::reset() {
    m_n = 0;
    m_nu = m_initialNu;
    m_bias.setZero();
    m_squaredError.setZero();
    m_lambda.setZero();
}

const Eigen::ArrayXd& OsaStepSize::update(const Eigen::ArrayXd& observation,
                                          const Eigen::ArrayXd& estimate) {
    ++m_n;
    m_nu = m_nu / (1.0 + m_nu - m_targetNu);
    for (Eigen::Index i = 0; i < m_alpha.size(); ++i) {
        const double error = observation[i] - estimate[i];
        m_bias[i] = (1.0 - m_nu) * m_bias[i] + m_nu * error;
        m_squaredError[i] = (1.0 - m_nu) * m_squaredError[i] + m_nu * error * error;
        double alpha = m_firstAlpha;
        if (m_n > 1) {
            const double variance =
                (m_squaredError[i] - m_bias[i] * m_bias[i]) / (1.0 + m_lambda[i]);
            alpha = m_squaredError[i] > 0.0 ? 1.0 - variance / m_squaredError[i] : 1.0;
        }
        m_lambda[i] =
            m_n == 1 ? alpha * alpha : (1.0 - alpha) * (1.0 - alpha) * m_lambda[i] + alpha * alpha;
        m_alpha[i] = alpha;
    }
    return m_alpha;
}

} // namespace sdlab
