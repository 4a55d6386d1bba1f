#pragma once

#include "data/image_dataset.h"
#include "models/classifier.h"
#include "util/progress.h"

#include <cstdint>
#include <vector>

namespace sdlab {

// DSN Fig. 3: the test error if the network answered after step t, against what steps
// 1..t cost per sample (InferenceCost's rule), for t = 1..T.
struct EarlyGuessRow {
    int step = 0; // 1-based
    double testError = 0.0;
    double adds = 0.0, mults = 0.0; // cumulative, per test sample
};

// Every test sample (in `order`, empty: as stored) through `model`'s guessEachStep, in
// chunks between beginEvaluation() and endEvaluation(). Empty when the model answers only
// at the end, or when `progress` (samples done, total) cancels.
std::vector<EarlyGuessRow> measureEarlyGuesses(Classifier& model, const LabelledImages& test,
                                               const std::vector<std::uint32_t>& order = {},
                                               const ProgressCallback& progress = {});

} // namespace sdlab
