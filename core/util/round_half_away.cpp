#include "util/round_half_away.h"

namespace sdlab {

void roundHalfAway(const float* in, float* out, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i)
        out[i] = roundHalfAwayOne(in[i]);
}

} // namespace sdlab
