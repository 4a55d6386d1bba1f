#pragma once

#include <cstdint>
#include <vector>

namespace sdlab {

// DSN Alg. 7 as a spiking ReLU: `points` inputs u evenly spaced over [uMin, uMax], each
// fed for `steps` steps to one unit of a RectifiedStreamQuantizer, with Gaussian noise
// of standard deviation `noise` added each step (seeded). The spike rate count/steps
// tends to max(0, u) as steps grows. Shared by the Quantization lab.
struct RectifiedRateRun {
    std::vector<double> input; // u
    std::vector<double> rate;  // spikes / steps
    std::vector<double> relu;  // max(0, u)
};
// Requires points ≥ 2, steps ≥ 1, uMin < uMax, noise ≥ 0.
RectifiedRateRun runRectifiedRate(double uMin, double uMax, long points, long steps, double noise,
                                  std::uint64_t seed);

} // namespace sdlab
