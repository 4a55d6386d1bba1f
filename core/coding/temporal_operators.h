#pragma once

#include <Eigen/Core>

namespace sdlab {

// The stateful temporal operators of ICLR'18 §2.1: Δ (eq. 1) and Σ (eq. 2). Each call
// is one time step; state starts at zero (spec §0). Value is double (one channel) or
// Eigen::ArrayXd (one channel per element; pass a zero array of the channel count).
// No allocation per step once constructed.

// Δ: y_t = x_t − x_{t−1}.  ICLR'18 eq. 1
template <class Value> class BasicTemporalDifference {
  public:
    explicit BasicTemporalDifference(const Value& zero = Value{}) : m_last(zero), m_out(zero) {}
    const Value& step(const Value& x) {
        m_out = x - m_last;
        m_last = x;
        return m_out;
    }

  private:
    Value m_last;
    Value m_out;
};

// Σ: y_t = Σ_{τ≤t} x_τ.  ICLR'18 eq. 2
template <class Value> class BasicTemporalSum {
  public:
    explicit BasicTemporalSum(const Value& zero = Value{}) : m_sum(zero) {}
    const Value& step(const Value& x) {
        m_sum += x;
        return m_sum;
    }

  private:
    Value m_sum;
};

using TemporalDifference = BasicTemporalDifference<double>;
using TemporalSum = BasicTemporalSum<double>;
using TemporalDifferenceArray = BasicTemporalDifference<Eigen::ArrayXd>;
using TemporalSumArray = BasicTemporalSum<Eigen::ArrayXd>;

} // namespace sdlab
