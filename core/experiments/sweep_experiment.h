#pragma once

#include "experiment/parameter_values.h"

#include <vector>

namespace sdlab {

// The Sweep lab's and `sdlab-cli sweep`'s inputs: columns x and w of "input", or the
// built-in "signal" with a smooth weight signal (seed + 1).
struct SweepInput {
    std::vector<double> x, w;
};
SweepInput sweepInputFrom(const ParameterValues& values);

} // namespace sdlab
