#pragma once

#include "snn/lif_settings.h"

#include <Eigen/Core>

namespace sdlab {

// SGD or Adam on one block of parameters, PyTorch's formulas (Adam: β₁ 0.9, β₂ 0.999,
// ε 1e-8, bias-corrected moments, no weight decay).
class ParameterOptimizer {
  public:
    ParameterOptimizer(LifOptimizer kind, double learningRate, Eigen::Index rows,
                       Eigen::Index cols);

    void step(Eigen::MatrixXd& parameters, const Eigen::MatrixXd& gradient);
    // Operations one step costs per parameter (SGD 1 multiply-add, Adam about 6).
    int opsPerParameter() const { return m_kind == LifOptimizer::Adam ? 6 : 1; }

  private:
    LifOptimizer m_kind;
    double m_rate;
    long m_steps = 0;
    Eigen::MatrixXd m_first, m_second;
};

} // namespace sdlab
