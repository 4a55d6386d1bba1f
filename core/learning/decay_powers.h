#pragma once

#include <cstdint>
#include <vector>

namespace sdlab {

// a^n for a fixed decay a ∈ [0, 1] and n ≥ 0, by table lookup: an event-driven update
// needs the decay over the silent steps between two events once per touched synapse,
// where std::pow would cost more than the memory access it goes with. The table ends
// where a^n underflows to 0 (or at kMaxTable entries, beyond which std::pow is used).
class DecayPowers {
  public:
    explicit DecayPowers(double a = 0.0);

    double decay() const { return m_decay; }
    // The largest n with a^n ≥ threshold (0 < threshold ≤ 1); huge when a = 1.
    std::int64_t stepsAbove(double threshold) const;
    double operator()(std::int64_t n) const {
        if (n < static_cast<std::int64_t>(m_table.size())) [[likely]]
            return m_table[static_cast<std::size_t>(n)];
        return beyondTable(n);
    }

  private:
    static constexpr std::size_t kMaxTable = 1 << 16;
    double beyondTable(std::int64_t n) const;

    double m_decay;
    bool m_underflowed = false; // the table ends because a^n reached 0
    std::vector<double> m_table;
};

} // namespace sdlab
