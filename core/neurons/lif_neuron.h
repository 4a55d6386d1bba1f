#pragma once

#include <Eigen/Core>

namespace sdlab {

enum class LifReset { Subtract, Zero };

struct LifParams {
    double beta = 0.9;      // membrane decay per step, in [0, 1]
    double threshold = 1.0; // θ
    LifReset reset = LifReset::Subtract;
};

// A population of leaky integrate-and-fire neurons, snnTorch paper eqs. 4-5 and 22:
//   reset by subtraction: U_t = β·U_{t−1} + I_t − S_{t−1}·θ
//   reset to zero:        U_t = (β·U_{t−1} + I_t)·(1 − S_{t−1})
//   S_t = [U_t > θ]
// where I_t = W·X_t is the input current. U_0 = 0, S_0 = 0. No allocation per step.
class LifPopulation {
  public:
    LifPopulation(Eigen::Index size, LifParams params)
        : m_params(params), m_u(Eigen::ArrayXd::Zero(size)), m_s(Eigen::ArrayXd::Zero(size)) {}

    // One step with input current I_t; returns the spikes S_t (0 or 1 each).
    const Eigen::ArrayXd& step(const Eigen::ArrayXd& current) {
        if (m_params.reset == LifReset::Subtract)
            m_u = m_params.beta * m_u + current - m_s * m_params.threshold;
        else
            m_u = (m_params.beta * m_u + current) * (1.0 - m_s);
        m_s = (m_u > m_params.threshold).cast<double>();
        return m_s;
    }

    const Eigen::ArrayXd& membrane() const { return m_u; }
    const Eigen::ArrayXd& spikes() const { return m_s; }

  private:
    LifParams m_params;
    Eigen::ArrayXd m_u;
    Eigen::ArrayXd m_s;
};

} // namespace sdlab
