#include "util/round_half_away.h"

#include <cmath>
#include <cstdint>

namespace sdlab {

void roundHalfAway(const float* in, float* out, std::size_t n) {
    // trunc(f ± (½ − 2⁻²⁵)): the largest float below ½ keeps f + ½ from rounding up when
    // the sum is inexact (0.49999997 + ½ is a tie that goes to 1), the way Eigen rounds
    // with SSE4.1; the test compares with std::round on 70 million floats. Below 2²³
    // the integer part fits an int32; from 2²³ on (and for inf and NaN) every float is
    // its own rounding. copysign keeps the sign of a zero result, as std::round does.
    // Branch-free so that the loop vectorises (-fno-trapping-math lets the compare
    // become a lane select).
    constexpr float kExact = 8388608.0F;      // 2²³
    constexpr float kBelowHalf = 0.49999997F; // 0x3EFFFFFF
    for (std::size_t i = 0; i < n; ++i) {
        const float f = in[i];
        const bool small = std::fabs(f) < kExact;
        const float shifted = small ? f + std::copysign(kBelowHalf, f) : 0.0F;
        const auto whole = static_cast<float>(static_cast<std::int32_t>(shifted));
        out[i] = small ? std::copysign(whole, f) : f;
    }
}

} // namespace sdlab
