#pragma once

#include <cstdint>

namespace sdlab {

// ICLR'18 eqs 3-5 over a block of pixels, every step fused in one pass over memory:
//   φ += kp·x + kd·(x − x_prev);  x_prev = x;  s = R(φ);  φ −= s;  y = kβ·s + kα·y
// (R half away from zero), writing s to `events` and y to `reconstruction` as well. The
// operations and their order are PdPixelEncoder's whole-frame Eigen expressions', so both
// kernels give the same bits; the AVX2 one does 8 pixels at a time (no FMA enabled, so
// every product and sum is rounded as on SSE2). The event counts are 32-bit sums that wrap
// rather than overflow: exact while a block's total stays under 2^32 (keep blocks to a few
// thousand pixels of frames in [0, 1]); one pixel's |s| must stay under 2^31 (its int cast).
struct PdPixelGains {
    float kp, kd, kAlpha, kBeta;
};
struct PdPixelCounts {
    std::uint32_t on = 0, off = 0;
};

PdPixelCounts pdPixelBlockSse2(const PdPixelGains& gains, const float* x, float* last, float* phi,
                               float* y, float* events, float* reconstruction, int size);
// Only where cpuHasAvx2().
PdPixelCounts pdPixelBlockAvx2(const PdPixelGains& gains, const float* x, float* last, float* phi,
                               float* y, float* events, float* reconstruction, int size);
bool cpuHasAvx2();

} // namespace sdlab
