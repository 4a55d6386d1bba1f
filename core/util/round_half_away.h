#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>

namespace sdlab {

// out[i] = std::round(in[i]) (half away from zero, the sign of zero kept) for n floats,
// in place allowed. Bit for bit std::round, but vectorised on plain SSE2: without
// SSE4.1, Eigen's .round() calls std::round once per value, which made the per-pixel
// quantizer R (ICLR'18 eq. 3) the slowest step of a video frame (issue 19).
void roundHalfAway(const float* in, float* out, std::size_t n);

// One value, for loops that fuse R with their other steps. trunc(f ± (½ − 2⁻²⁵)): the
// largest float below ½ keeps f + ½ from rounding up when the sum is inexact (0.49999997
// + ½ is a tie that goes to 1), the way Eigen rounds with SSE4.1; the test compares with
// std::round on 70 million floats. Below 2²³ the integer part fits an int32; from 2²³ on
// (and for inf and NaN) every float is its own rounding. copysign keeps the sign of a
// zero result, as std::round does. Branch-free so that a loop over it vectorises (compile
// the loop with -fno-trapping-math so that the compare becomes a lane select).
[[gnu::always_inline]] inline float roundHalfAwayOne(float f) {
    constexpr float kExact = 8388608.0F;      // 2²³
    constexpr float kBelowHalf = 0.49999997F; // 0x3EFFFFFF
    const bool small = std::fabs(f) < kExact;
    const float shifted = small ? f + std::copysign(kBelowHalf, f) : 0.0F;
    const auto whole = static_cast<float>(static_cast<std::int32_t>(shifted));
    return small ? std::copysign(whole, f) : f;
}

// The same value for every float through truncation: from 2²³ on adding ½ − 2⁻²⁵ leaves
// f as it is, and trunc keeps the sign of zero. A single instruction where SSE4.1 is
// there (std::trunc is a library call on plain SSE2).
[[gnu::always_inline]] inline float roundHalfAwayByTrunc(float f) {
    return std::trunc(f + std::copysign(0.49999997F, f));
}

} // namespace sdlab
