#pragma once

#include "coding/pd_params.h"

#include <Eigen/Core>

namespace sdlab {

// PD encoder, ICLR'18 eq. 4:  a_t = kp·x_t + kd·(x_t − x_{t−1}),  x_0 = 0.
// Value is double or Eigen::ArrayXd (pass a zero array of the channel count).
// The gains may change between steps (the auto-tuner does so). No allocation per step.
template <class Value> class BasicPdEncoder {
  public:
    explicit BasicPdEncoder(PdParams params, const Value& zero = Value{})
        : m_params(params), m_last(zero), m_out(zero) {}

    const Value& step(const Value& x) {
        m_out = m_params.kp * x + m_params.kd * (x - m_last);
        m_last = x;
        return m_out;
    }

    void setParams(PdParams params) { m_params = params; }
    const PdParams& params() const { return m_params; }

  private:
    PdParams m_params;
    Value m_last;
    Value m_out;
};

using PdEncoder = BasicPdEncoder<double>;
using PdEncoderArray = BasicPdEncoder<Eigen::ArrayXd>;

} // namespace sdlab
