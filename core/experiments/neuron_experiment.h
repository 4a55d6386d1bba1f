#pragma once

#include "experiment/parameter_values.h"
#include "neurons/single_neuron_run.h"

#include <vector>

namespace sdlab {

// The Neuron lab's and `sdlab-cli neuron`'s values as the neuron they describe, the
// current that drives it (the CSV column `current` or a built-in shape), and the
// constant currents of the f-I curve.
SingleNeuronSettings singleNeuronSettingsFrom(const ParameterValues& values);
std::vector<double> neuronCurrentFrom(const ParameterValues& values);
std::vector<double> fiCurrentsFrom(const ParameterValues& values);

} // namespace sdlab
