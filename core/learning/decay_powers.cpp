#include "learning/decay_powers.h"

#include <cmath>
#include <limits>

namespace sdlab {

DecayPowers::DecayPowers(double a) : m_decay(a) {
    // a^n by repeated multiplication, as a trace decayed step by step has it.
    // a = 1 (kp = 0) never decays: one entry, and beyondTable() answers 1.
    double power = 1.0;
    const std::size_t length = a == 1.0 ? 1 : kMaxTable;
    while (m_table.size() < length && power != 0.0) {
        m_table.push_back(power);
        power *= a;
    }
    m_underflowed = power == 0.0;
}

std::int64_t DecayPowers::stepsAbove(double threshold) const {
    if (m_decay >= 1.0)
        return std::numeric_limits<std::int64_t>::max() / 2;
    if (m_decay <= 0.0)
        return 0;
    return static_cast<std::int64_t>(std::floor(std::log(threshold) / std::log(m_decay)));
}

double DecayPowers::beyondTable(std::int64_t n) const {
    if (m_underflowed)
        return 0.0;
    return m_decay == 1.0 ? 1.0 : std::pow(m_decay, static_cast<double>(n));
}

} // namespace sdlab
