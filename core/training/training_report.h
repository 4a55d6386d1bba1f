#pragma once

#include "data/image_dataset.h"
#include "training/training_run.h"

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
std::string layerSizesText(const std::vector<int>& hidden, int inputs, int classes);

} // namespace sdlab
