#include "encoders/latency_encoder.h"

#include <algorithm>
#include <cmath>

namespace sdlab {

std::optional<double> LatencyEncoder::firingTime(double x) const {
    if (!(x > threshold))
        return std::nullopt;
    if (linear)
        return std::max(0.0, tau * (1.0 - x));
    return tau * std::log(x / (x - threshold)); // snnTorch eq. 26
}

std::optional<long> LatencyEncoder::firingStep(double x, long steps) const {
    const std::optional<double> t = firingTime(x);
    if (!t)
        return std::nullopt;
    // nearbyint rounds half to even in the default rounding mode, as torch.round does.
    const double step =
        1.0 + (rounding == LatencyRounding::Floor ? std::floor(*t) : std::nearbyint(*t));
    if (step > static_cast<double>(steps))
        return std::nullopt;
    return static_cast<long>(step);
}

} // namespace sdlab
