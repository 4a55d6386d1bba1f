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

// "784-200-10"
// curve.csv read back (what trainingCurveCsv wrote; settle_steps when present). Rows at
// whole epochs are marked fullTest, as the training loop writes them. InputError names the
// file and what is wrong (a missing column, a count that is not a whole number).
std::vector<CurveRow> readTrainingCurve(const std::filesystem::path& path);

std::string layerSizesText(const std::vector<int>& hidden, int inputs, int classes);

} // namespace sdlab
