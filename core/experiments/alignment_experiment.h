#pragma once

#include "equilibrium/gradient_alignment.h"
#include "experiment/parameter_values.h"

namespace sdlab {

// The Alignment lab's and `sdlab-cli alignment`'s values as the run they describe
// (checked: InputError naming the problem).
GradientAlignmentSettings alignmentSettingsFrom(const ParameterValues& values);

} // namespace sdlab
