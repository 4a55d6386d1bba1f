#pragma once

#include "models/classifier.h"
#include "training/training_settings.h"

#include <filesystem>
#include <vector>

namespace sdlab {

// A trained network on disk (`sdlab-cli train --save-model DIR`, `--load-model DIR`,
// `scales --pretrained DIR`), format "sdlab-model" version 1:
//   DIR/model.json   {"format": "sdlab-model", "version": 1, "model": "mlp",
//                     "sizes": [784, 200, 10], "quantization_scale": 8, "seed": 1,
//                     "parameters": [{"name": "layer1.weights", "rows": 784,
//                     "cols": 200, "file": "layer1.weights.csv"}, ...]}
//   DIR/NAME.csv     one per parameter: a header c1..cN, then its rows; vectors are one
//                    column, scalars one cell. Numbers in the shortest form that reads
//                    back to the same double, so a saved network loads bit for bit.
// What a parameter holds is the model's (Classifier::visitLearnedParameters): an MLP-
// style layer's weights are d_in × d_out, the LIF network's out × in, as snnTorch's.
// Optimiser state and the PD network's gains are not saved.

// Writes DIR all-or-nothing (temporary names, then renames). InputError when the model
// cannot be saved yet (the Equilibrium Propagation family) or DIR cannot be written.
void saveModel(Classifier& model, const TrainingSettings& settings, const std::vector<int>& sizes,
               const std::filesystem::path& directory);

// InputError, before anything is trained, when `model` cannot be saved yet.
void requireSavable(Classifier& model, const TrainingSettings& settings);

// Reads DIR into `model`, built from `settings` for `sizes`. InputError naming the file
// and what is wrong when DIR is missing, malformed, another format or version, or holds
// another model or other layer sizes than the run builds; `model` is left unchanged then.
void loadModel(Classifier& model, const TrainingSettings& settings, const std::vector<int>& sizes,
               const std::filesystem::path& directory);

} // namespace sdlab
