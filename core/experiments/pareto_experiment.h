#pragma once

#include "experiment/parameter_values.h"
#include "scales/random_network_scales.h"

namespace sdlab {

// The Scale optimisation lab's and `sdlab-cli pareto`'s values as the run they describe
// (checked: InputError naming the problem).
RandomNetworkScalesSettings paretoSettingsFrom(const ParameterValues& values);

} // namespace sdlab
