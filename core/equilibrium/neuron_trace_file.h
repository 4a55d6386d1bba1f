#pragma once

#include "equilibrium/neuron_trace.h"

#include <filesystem>
#include <string>

namespace sdlab {

// one_neuron.csv, thesis Fig. 8.1 (sdlab-cli settle): per step t, the three inputs'
// states (pre_1..3), whether each spiked then (pre_k_spike, 0 or 1), and the unit's
// weighted_input, step_size, lambda, binary and continuous state.
std::string neuronTraceCsv(const NeuronTrace& trace);

// ... read back. The unit indices are not in the file (summary.json holds them): the
// trace's unit is −1 and its presynaptic indices 1, 2, 3. InputError names the file
// and what is wrong (a missing column, steps that do not count 0, 1, 2, ...).
NeuronTrace readNeuronTraceCsv(const std::filesystem::path& path);

} // namespace sdlab
