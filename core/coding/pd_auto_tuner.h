#pragma once

#include "coding/pd_params.h"

#include <Eigen/Core>

namespace sdlab {

// Settings of the kp/kd auto-tuner; defaults are the paper's (ICLR'18 App. E.2).
struct PdAutoTunerSettings {
    double eta = 0.001;     // ηk, the scale-adaptation rate
    double kBetaRel = 0.91; // how coarse quantization is relative to the signal size
    double kAlpha = 0.91;   // kept fixed; the paper trains with 0.5 for one epoch, then 0.9
    double mu0 = 1.0;       // initial running mean of |x_t|₁
};

// The kp/kd auto-tuner of ICLR'18 App. E.2 (eq. 21), one per layer and direction:
//   μ_t = (1 − ηk)·μ_{t−1} + ηk·|x_t|₁   (|x_t|₁/d for a layer of d units, see below)
//   kβ ← kβ + ηk·(kβ_rel·μ_t − kβ)
//   kp = (1 − kα)/kβ,  kd = kα/kβ.
// kβ starts at kβ_rel·μ_0, the fixed point for a signal of constant size μ_0.
class PdAutoTuner {
  public:
    explicit PdAutoTuner(PdAutoTunerSettings settings = {})
        : m_settings(settings), m_mu(settings.mu0), m_kBeta(settings.kBetaRel * settings.mu0) {}

    // One step with the size of the signal at this step; returns the new gains.
    PdParams update(double l1Norm) {
        m_mu = (1.0 - m_settings.eta) * m_mu + m_settings.eta * l1Norm;
        m_kBeta += m_settings.eta * (m_settings.kBetaRel * m_mu - m_kBeta);
        return params();
    }
    // For a layer, the size is the mean |x_i| over its units (|x_t|₁/d): App. E.2 writes
    // |x_t|_L1, but read as the whole vector's L1 norm it makes kβ grow with the layer's
    // width (kβ ≈ 90 for a 400-pixel input), so coarse that no spike passes and a PD
    // network stays at chance. Per unit, one spike carries about kβ_rel times a typical
    // activation, which is what "how coarse relative to the signal magnitude" asks for.
    PdParams update(const Eigen::ArrayXd& x) { return update(x.abs().mean()); }

    PdParams params() const { return PdParams::fromAlphaBeta(m_settings.kAlpha, m_kBeta); }
    void setKAlpha(double kAlpha) { m_settings.kAlpha = kAlpha; }
    double runningMean() const { return m_mu; }
    double kBeta() const { return m_kBeta; }

  private:
    PdAutoTunerSettings m_settings;
    double m_mu;
    double m_kBeta;
};

} // namespace sdlab
