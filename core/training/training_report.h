#pragma once

#include "data/image_dataset.h"
#include "training/training_run.h"

#include <filesystem>
#include <string>
#include <vector>

namespace sdlab {

// curve.csv: epoch,samples,train_acc,test_acc,loss,adds,mults,energy_mj (accuracies as
// fractions in [0, 1]), and settle_steps last for the models that settle — shared by
// sdlab-cli train and the Learning lab's export.
std::string trainingCurveCsv(const std::vector<CurveRow>& curve, bool withSettleSteps = false);

// summary.json: the settings, the data set, and the final figures.
std::string trainingSummaryJson(const TrainingSettings& settings, const ImageDataset& data,
                                const TrainingResult& result);

// layers.csv, for models that report per-layer activity (the LIF network): one row per
// curve row and layer, epoch,samples,layer,firing_rate,dead_fraction,gradient_norm;
// layer 1 is the first hidden layer and the last the output layer (0 would be the
// input), the rate in spikes per unit per time step, the dead fraction that of its
// units that never fired over the model's recent window, and the gradient norm
// ‖∂L/∂W_l‖_F averaged over the same window (empty when not reported). Empty text when
// no row has per-layer data.
std::string trainingLayersCsv(const std::vector<CurveRow>& curve);

// curve.csv read back (what trainingCurveCsv wrote; settle_steps when present). Rows at
// whole epochs are marked fullTest, as the training loop writes them. InputError names the
// file and what is wrong (a missing column, a count that is not a whole number).
std::vector<CurveRow> readTrainingCurve(const std::filesystem::path& path);

// layers.csv read back into the curve: each row's layer data joins the curve row with
// the same sample count (rows for samples the curve lacks are ignored). InputError names
// the file and what is wrong (a missing column, a layer below 1, a rate or fraction
// outside [0, 1]).
void readTrainingLayers(const std::filesystem::path& path, std::vector<CurveRow>& curve);

// initializer_alignment.csv (Initialized EqProp, thesis Fig. 7.4 right): one row per
// curve row and initializer layer below the top, epoch,samples,layer,cosine, the mean
// cosine of the layer's local and distant gradients; empty text when no row has one.
std::string trainingAlignmentCsv(const std::vector<CurveRow>& curve);
// ... read back into the curve rows of the same sample counts. InputError names the file
// and what is wrong (a layer below 1, a cosine outside [−1, 1]).
void readTrainingAlignment(const std::filesystem::path& path, std::vector<CurveRow>& curve);

// "784-200-10"
std::string layerSizesText(const std::vector<int>& hidden, int inputs, int classes);

} // namespace sdlab
