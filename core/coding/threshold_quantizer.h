#pragma once

namespace sdlab {

// Memoryless threshold quantizer of thesis §6.3.4: s = 1 if x > θ, else 0. With the
// default θ = ½ it is the binary rounding of a signal in [0, 1].
class ThresholdQuantizer {
  public:
    explicit ThresholdQuantizer(double threshold = 0.5) : m_threshold(threshold) {}
    double step(double x) const { return x > m_threshold ? 1.0 : 0.0; }

  private:
    double m_threshold;
};

} // namespace sdlab
