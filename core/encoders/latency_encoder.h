#pragma once

#include <optional>

namespace sdlab {

// Latency (time-to-first-spike) coding, snnTorch paper eq. 26: an input x fires once,
// at continuous time
//   t(x) = τ·ln(x / (x − θ))   for x > θ   (logarithmic, the RC-circuit charging time)
//   t(x) = τ·(1 − x)           for x > θ   (linear option)
// and never for x ≤ θ. Brighter inputs fire earlier. Which step a time falls on:
//   floor (ours, the default): step k (1-based) holds [k−1, k): step 1 + floor(t(x));
//   nearest (snnTorch spikegen.latency): step 1 + round(t(x)), ties to even as torch.round.
// snnTorch's handling of x ≤ θ (a saturating time) and of times past the window (clamped
// to the last step, which it then empties) is not copied: those inputs never fire.
enum class LatencyRounding { Floor, Nearest };

struct LatencyEncoder {
    double tau = 5.0;
    double threshold = 0.01;
    bool linear = false;
    LatencyRounding rounding = LatencyRounding::Floor;

    // Continuous firing time, or nothing when x does not cross the threshold.
    std::optional<double> firingTime(double x) const;
    // 1-based step of the spike, or nothing when it never fires or fires after `steps`.
    std::optional<long> firingStep(double x, long steps) const;
};

} // namespace sdlab
