#pragma once

#include "experiment/experiment.h"

#include <string_view>
#include <vector>

namespace sdlab {

// Every experiment, in the order the window lists its labs: the one list the CLI, the
// window, the screenshot script and the tests read.
const std::vector<const Experiment*>& experiments();
// The experiment with this id ("signal") or CLI command ("pd"), or nullptr.
const Experiment* findExperiment(std::string_view idOrCommand);

} // namespace sdlab
