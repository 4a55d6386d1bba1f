#pragma once

#include <cstddef>

namespace sdlab {

// out[i] = std::round(in[i]) (half away from zero, the sign of zero kept) for n floats,
// in place allowed. Bit for bit std::round, but vectorised on plain SSE2: without
// SSE4.1, Eigen's .round() calls std::round once per value, which made the per-pixel
// quantizer R (ICLR'18 eq. 3) the slowest step of a video frame (issue 19).
void roundHalfAway(const float* in, float* out, std::size_t n);

} // namespace sdlab
