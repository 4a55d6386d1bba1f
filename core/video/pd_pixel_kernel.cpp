#include "video/pd_pixel_kernel.h"

#include "util/round_half_away.h"

#include <algorithm>

namespace sdlab {

namespace {

// Separate restrict-qualified arrays and int32 counts (a float sum's order matters, so it
// would not vectorise) let the loop vectorise; always_inline puts it into each target's
// function, compiled for that target.
template <class Round>
[[gnu::always_inline]] inline PdPixelCounts
pdPixelBlock(const PdPixelGains& g, const float* __restrict x, float* __restrict last,
             float* __restrict phi, float* __restrict y, float* __restrict events,
             float* __restrict reconstruction, int size, Round round) {
    // Unsigned sums wrap (defined) where absurd inputs (1e9 per pixel) would overflow.
    std::uint32_t on = 0, off = 0;
    for (int i = 0; i < size; ++i) {
        const float p = phi[i] + (g.kp * x[i] + g.kd * (x[i] - last[i])); // eqs 3-4
        last[i] = x[i];
        const float s = round(p);
        events[i] = s;
        phi[i] = p - s;                                // Δ: |φ| ≤ ½ remains
        const float r = g.kBeta * s + g.kAlpha * y[i]; // eq. 5
        y[i] = r;
        reconstruction[i] = r;
        on += static_cast<std::uint32_t>(static_cast<std::int32_t>(std::max(s, 0.0F)));
        off += static_cast<std::uint32_t>(static_cast<std::int32_t>(std::max(-s, 0.0F)));
    }
    return {on, off};
}

} // namespace

// SSE2 (every x86-64): R through int32 with selects (-fno-trapping-math lets them vectorise).
PdPixelCounts pdPixelBlockSse2(const PdPixelGains& g, const float* x, float* last, float* phi,
                               float* y, float* events, float* reconstruction, int size) {
    return pdPixelBlock(g, x, last, phi, y, events, reconstruction, size,
                        [](float f) { return roundHalfAwayOne(f); });
}

// AVX2 brings SSE4.1's truncation, so R needs no int32 round trip and no selects.
[[gnu::target("avx2")]] PdPixelCounts pdPixelBlockAvx2(const PdPixelGains& g, const float* x,
                                                       float* last, float* phi, float* y,
                                                       float* events, float* reconstruction,
                                                       int size) {
    return pdPixelBlock(g, x, last, phi, y, events, reconstruction, size,
                        [](float f) { return roundHalfAwayByTrunc(f); });
}

bool cpuHasAvx2() {
    return __builtin_cpu_supports("avx2");
}

} // namespace sdlab
