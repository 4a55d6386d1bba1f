#pragma once

namespace sdlab {

// What delta modulation compares x_t with:
//   last-spike (ours, the default, an event camera's rule): the value at the last spike,
//     firing when the change is strictly beyond ±θ;
//   previous-sample (snnTorch spikegen.delta): x_{t−1}, firing when the change is ≥ θ
//     (or ≤ −θ), so a slow drift below θ per step never fires.
enum class DeltaReference { LastSpike, PreviousSample };

// Delta modulation (snnTorch paper §II-B.3, "threshold crossing"): emit +1 (ON) when
// x_t − x_ref > θ, −1 (OFF) when x_t − x_ref < −θ, else 0 (≥ and ≤ with previous-sample);
// the reference starts at 0 (spec §0; snnTorch without padding) and is x_t at every
// spike (last-spike) or every step (previous-sample). With `offSpikes` false only ON
// events are emitted (the reference still follows decreases).
class DeltaModulationEncoder {
  public:
    explicit DeltaModulationEncoder(double threshold = 0.1, bool offSpikes = true,
                                    DeltaReference reference = DeltaReference::LastSpike)
        : m_threshold(threshold), m_offSpikes(offSpikes), m_rule(reference) {}

    double step(double x) {
        const double change = x - m_reference;
        if (m_rule == DeltaReference::PreviousSample) {
            m_reference = x;
            if (change >= m_threshold)
                return 1.0;
            return change <= -m_threshold && m_offSpikes ? -1.0 : 0.0;
        }
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
    DeltaReference m_rule;
    double m_reference = 0.0;
};

} // namespace sdlab
