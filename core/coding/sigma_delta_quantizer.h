#pragma once

#include "coding/value_ops.h"

#include <Eigen/Core>

namespace sdlab {

// The sigma-delta quantizer Q of ICLR'18 eq. 3:
//   v = φ + x_t;  s_t = round(v);  φ = v − s_t.
// Invariant: |φ| ≤ ½ after every step. Q = Δ∘R∘Σ exactly (ICLR'18 App. C).
// Spikes are integral-valued doubles (exact up to 2^53) and may exceed 1 in size.
// Value is double or Eigen::ArrayXd (pass a zero array of the channel count).
// Cost: one add, one round, one subtract per channel per step; no allocation.
template <class Value> class BasicSigmaDeltaQuantizer {
  public:
    BasicSigmaDeltaQuantizer() : BasicSigmaDeltaQuantizer(Value{}) {}
    explicit BasicSigmaDeltaQuantizer(const Value& zero) : m_phi(zero), m_spikes(zero) {}

    const Value& step(const Value& x) {
        m_phi += x;
        roundHalfAwayFromZeroInto(m_phi, m_spikes);
        m_phi -= m_spikes;
        return m_spikes;
    }

    // The residual φ carried to the next step.
    const Value& residual() const { return m_phi; }

  private:
    Value m_phi;
    Value m_spikes;
};

using SigmaDeltaQuantizer = BasicSigmaDeltaQuantizer<double>;
using SigmaDeltaQuantizerArray = BasicSigmaDeltaQuantizer<Eigen::ArrayXd>;

} // namespace sdlab
