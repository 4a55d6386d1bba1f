#pragma once

#include "equilibrium/settle_run.h"
#include "experiment/parameter_values.h"

namespace sdlab {

// The Equilibrium lab's and `sdlab-cli settle`'s values as the settle run they describe
// (checked: InputError naming the problem).
SettleRunSettings settleSettingsFrom(const ParameterValues& values);

} // namespace sdlab
