#pragma once

#include "experiment/parameter.h"
#include "experiment/parameter_values.h"
#include "training/training_settings.h"

#include <string>

namespace sdlab {

// The Learning lab's and `sdlab-cli train`'s values as the settings one training run
// uses (checked: InputError naming the problem), and the data set they name
// ("synthetic", "digits", "fashion-mnist" or "idx:DIR").
TrainingSettings trainingSettingsFrom(const ParameterValues& values);
const std::string& datasetNameFrom(const ParameterValues& values);

// `train`'s parameters and its check, for the commands that train the same way first
// (`early`).
std::vector<Parameter> learningParameters();
std::string checkLearningValues(const ParameterValues& values);

} // namespace sdlab
