#pragma once

#include "coding/pd_params.h"

#include <Eigen/Core>

namespace sdlab {

// PD decoder, ICLR'18 eq. 5:
//   y_t = (s_t + kd·y_{t−1}) / (kp + kd) = kβ·s_t + kα·y_{t−1},  y_0 = 0.
// Without quantization, decoding an encoded signal returns it exactly (dec∘enc = id).
// Value is double or Eigen::ArrayXd (pass a zero array of the channel count).
// No allocation per step.
template <class Value> class BasicPdDecoder {
  public:
    explicit BasicPdDecoder(PdParams params, const Value& zero = Value{})
        : m_params(params), m_kAlpha(params.kAlpha()), m_kBeta(params.kBeta()), m_y(zero) {}

    const Value& step(const Value& s) {
        m_y = m_kBeta * s + m_kAlpha * m_y;
        return m_y;
    }

    void setParams(PdParams params) {
        m_params = params;
        m_kAlpha = params.kAlpha();
        m_kBeta = params.kBeta();
    }
    const PdParams& params() const { return m_params; }
    const Value& value() const { return m_y; }

  private:
    PdParams m_params;
    double m_kAlpha;
    double m_kBeta;
    Value m_y;
};

using PdDecoder = BasicPdDecoder<double>;
using PdDecoderArray = BasicPdDecoder<Eigen::ArrayXd>;

} // namespace sdlab
