#pragma once

#include <Eigen/Core>
#include <cmath>

namespace sdlab {

// Scheduled annealing of the settling step size (thesis eq. 8.7): ε_t = ε_0 / t^η,
// t = 1, 2, ... counted from the start of a phase. η = ½ with ε_0 = 1 is eq. 8.10's
// 1/√t; η = 1 is the running average that is optimal for a stationary signal.
struct AnnealingSchedule {
    double epsilon0 = 1.0;
    double eta = 0.5;

    double at(int t) const { return epsilon0 / std::pow(static_cast<double>(t), eta); }
};

// Optimal Step-size Adaptation (George & Powell 2006, thesis App. E.1), one estimator
// per unit. Each unit's state s is the smoothed estimate θ̄ of its noisy "pressure" X
// (eq. 8.5); OSA picks the step α from running estimates of the bias β̄ = E[X − θ̄] and
// the squared error δ̄ = E[(X − θ̄)²]:
//   ν_n = ν_{n−1} / (1 + ν_{n−1} − ν̄)
//   β̄_n = (1 − ν_n) β̄_{n−1} + ν_n (X_n − θ̄_{n−1})
//   δ̄_n = (1 − ν_n) δ̄_{n−1} + ν_n (X_n − θ̄_{n−1})²
//   σ̄²_n = (δ̄_n − β̄_n²) / (1 + λ̄_{n−1})
//   α_n = 1 − σ̄²_n / δ̄_n  (n > 1; α_1 is given)
//   λ̄_n = α_n² (n = 1), (1 − α_n)² λ̄_{n−1} + α_n² (n > 1)
// Where δ̄_n = 0 (no error seen yet) the ratio is 0/0; we take α = 1, which moves
// nothing since then X = θ̄.
class OsaStepSize {
  public:
    OsaStepSize() = default;
    // `units` estimators; ν̄ the target error step size, ν_0 the initial one, α_1 the
    // first step size.
    OsaStepSize(Eigen::Index units, double targetNu, double initialNu = 1.0,
                double firstAlpha = 1.0);

    void reset();
    // Step sizes α_n for the observations X given the estimates θ̄_{n−1}; updates the
    // running statistics. The result stays valid until the next call.
    const Eigen::ArrayXd& update(const Eigen::ArrayXd& observation, const Eigen::ArrayXd& estimate);

    int count() const { return m_n; }
    // The step sizes of the last update().
    const Eigen::ArrayXd& alpha() const { return m_alpha; }

  private:
    double m_targetNu = 0.1, m_initialNu = 1.0, m_firstAlpha = 1.0;
    int m_n = 0;
    double m_nu = 1.0; // the same for every unit: it depends on n only
    Eigen::ArrayXd m_bias, m_squaredError, m_lambda, m_alpha;
};

} // namespace sdlab
