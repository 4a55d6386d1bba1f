#pragma once

#include <cstdint>

namespace sdlab {

// One event of a signed spike stream (DSN §3.1): neuron `index` (0-based) fired with
// `sign` ∈ {−1, +1}.
struct SignedSpike {
    std::int32_t index = 0;
    std::int32_t sign = 0;
    friend bool operator==(const SignedSpike&, const SignedSpike&) = default;
};

} // namespace sdlab
