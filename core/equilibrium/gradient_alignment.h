#pragma once

#include "util/progress.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sdlab {

// Thesis §7.3.4 and Fig. 7.2's toy problem: a feed-forward net f_φ learns layerwise
// targets s* = f_φ*(x) made by a teacher of the same shape with random parameters φ*.
// Two students start from the same φ: one follows the local losses only (eq. 7.4's
// local term, no backprop), the other the global loss Σ_l ‖s_l − s*_l‖² (backprop).
struct GradientAlignmentSettings {
    std::vector<int> sizes{20, 20, 20, 20, 20, 20, 20}; // input, then six layers
    int steps = 3000;                                   // training samples, one per step
    double learningRate = 0.01;                         // every layer's η
    int evaluationSamples = 64;                         // fixed inputs the rows are measured on
    double leak = 0.01;                                 // of ρ_leak (thesis §7.4)
    std::uint64_t seed = 1;                             // teacher, students and inputs

    std::string validationError() const; // empty when the run can go
};

// One row after `step` training samples (step 0: before any), measured on the fixed
// evaluation inputs: each student's global loss (mean over the inputs) and, for the
// locally trained student, the cosine similarity S(∇_φl L_local, ∇_φl L_distant) of its
// layer l's local and distant gradients (Fig. 7.2 right), for every layer but the top,
// which has no distant part. The sums are over the evaluation inputs.
struct GradientAlignmentRow {
    int step = 0;
    double localTrainedLoss = 0.0;
    double globalTrainedLoss = 0.0;
    std::vector<double> alignment; // layer 1 .. L−1
};

struct GradientAlignmentResult {
    std::vector<GradientAlignmentRow> rows;
    bool cancelled = false; // the rows so far are kept
};

// The mean alignment over every layer of the first (or the last) tenth of the rows, at
// least one row: single rows are noisy, each step being one sample. 0 without rows.
double meanAlignmentOfTenth(const GradientAlignmentResult& result, bool last);

// Rows every max(1, steps / 200) steps and at the last. Progress is per step; false
// cancels.
GradientAlignmentResult runGradientAlignment(const GradientAlignmentSettings& settings,
                                             const ProgressCallback& progress = {});

} // namespace sdlab
