#pragma once

#include "experiment/parameter_values.h"

#include <vector>

namespace sdlab {

// The Signal lab's and `sdlab-cli pd`'s input x: column x of "input", or the built-in
// "signal" of "steps" steps from "seed".
std::vector<double> signalInputFrom(const ParameterValues& values);

} // namespace sdlab
