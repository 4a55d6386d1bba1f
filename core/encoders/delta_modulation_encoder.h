#pragma once

namespace sdlab {

// Delta modulation (snnTorch paper §II-B.3, "threshold crossing"): emit +1 (ON) when
// x_t − x_ref > θ, −1 (OFF) when x_t − x_ref < −θ, else 0; the reference x_ref is set to
// x_t at every spike (event-camera style). x_ref starts at 0 (spec §0). With
// `offSpikes` false only ON events are emitted (the reference still follows decreases,
// so a later rise is measured from the low point).
class DeltaModulationEncoder {
  public:
    explicit DeltaModulationEncoder(double threshold = 0.1, bool offSpikes = true)
        : m_threshold(threshold), m_offSpikes(offSpikes) {}

    double step(double x) {
        const double change = x - m_reference;
        if (change > m_threshold) {
            m_reference = x;
            return 1.0;
        }
        if (change < -m_threshold) {
            m_reference = x;
            return m_offSpikes ? -1.0 : 0.0;
        }
        return 0.0;
    }

    double reference() const { return m_reference; }

  private:
    double m_threshold;
    bool m_offSpikes;
    double m_reference = 0.0;
};

} // namespace sdlab
