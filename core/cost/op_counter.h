#pragma once

#include <cstdint>

namespace sdlab {

// Energy per arithmetic operation on 45 nm silicon, Horowitz 2014 (thesis §4.4.3):
// 32-bit float multiply 3.7 pJ, add 0.9 pJ; 32-bit integer multiply 3.1 pJ, add 0.1 pJ.
struct EnergyModel {
    double multiplyPj = 3.7;
    double addPj = 0.9;

    static constexpr EnergyModel float32() { return {3.7, 0.9}; }
    static constexpr EnergyModel int32() { return {3.1, 0.1}; }
};

// Counts additions and multiplications. A dense d_in × d_out layer costs d_in·d_out
// multiply-adds; a sigma-delta layer receiving N = Σ|s| spikes costs N·d_out additions
// (thesis ch. 4). Plain value type; one per thread.
struct OpCounter {
    std::uint64_t adds = 0;
    std::uint64_t multiplies = 0;

    void countAdds(std::uint64_t n) { adds += n; }
    void countMultiplies(std::uint64_t n) { multiplies += n; }
    void countMultiplyAdds(std::uint64_t n) {
        adds += n;
        multiplies += n;
    }
    double energyPj(const EnergyModel& model = EnergyModel::float32()) const {
        return static_cast<double>(adds) * model.addPj +
               static_cast<double>(multiplies) * model.multiplyPj;
    }
    OpCounter& operator+=(const OpCounter& other) {
        adds += other.adds;
        multiplies += other.multiplies;
        return *this;
    }
};

} // namespace sdlab
