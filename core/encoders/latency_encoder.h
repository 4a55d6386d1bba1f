#pragma once

#include <optional>

namespace sdlab {

// Latency (time-to-first-spike) coding, snnTorch paper eq. 26: an input x fires once,
// at continuous time
//   t(x) = τ·ln(x / (x − θ))   for x > θ   (logarithmic, the RC-circuit charging time)
//   t(x) = τ·(1 − x)           for x > θ   (linear option)
// and never for x ≤ θ. Discrete step k (1-based) holds continuous times [k−1, k), i.e.
// the spike falls on step 1 + floor(t(x)). Brighter inputs fire earlier.
struct LatencyEncoder {
    double tau = 5.0;
    double threshold = 0.01;
    bool linear = false;

    // Continuous firing time, or nothing when x does not cross the threshold.
    std::optional<double> firingTime(double x) const;
    // 1-based step of the spike, or nothing when it never fires or fires after `steps`.
    std::optional<long> firingStep(double x, long steps) const;
};

} // namespace sdlab
