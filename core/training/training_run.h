#pragma once

#include "data/image_dataset.h"
#include "models/classifier.h"
#include "training/training_settings.h"
#include "util/progress.h"

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace sdlab {

// One row of a training curve (the CLI's curve.csv).
struct CurveRow {
    double epoch = 0.0; // fractional: samples seen / training-set size
    std::uint64_t samples = 0;
    double trainAccuracy = 0.0; // of the predictions made on the samples since the last row
    double testAccuracy = 0.0;
    bool fullTest = false;  // true at epoch ends: all test samples, else the interim subset
    double loss = 0.0;      // mean training loss since the last row
    std::uint64_t adds = 0; // cumulative training operations
    std::uint64_t mults = 0;
    double energyMj = 0.0;    // cumulative, Horowitz 32-bit integer figures (ICLR'18 Fig. 5)
    double settleSteps = 0.0; // EqProp: mean settling steps per training sample since the last row
    // Models with spiking hidden layers (the LIF network): activity over its recent window
    // (Classifier::activity); not written to curve.csv.
    std::optional<SpikeActivity> activity;
    std::vector<double> gradientNorms;     // per layer (Classifier::gradientNorms), when reported
    std::vector<double> gradientAlignment; // init-eqprop (Classifier::gradientAlignment)
    MeanInferenceCost inference;           // per test sample of this row's test (thesis App. B.2)
};

struct TrainingResult {
    std::vector<CurveRow> curve;
    bool cancelled = false;
    double finalTestAccuracy = 0.0;  // full test set after the last epoch
    double finalTrainAccuracy = 0.0; // online, over the last epoch
    double opsPerSample = 0.0;       // (adds + mults) / samples
    double addsPerSample = 0.0;
    double multsPerSample = 0.0;
    double seconds = 0.0;
    // What one prediction costs, over the whole test set after the last epoch, in the test
    // set's order (streamed: temporal when the settings' order is).
    MeanInferenceCost inference;
    std::optional<SpikeActivity> activity; // models with spiking hidden layers
    LearnedNeuronParameters learned;       // per layer, where learned (LIF β and θ)
    // The first training sample (1-based) whose loss was not finite: the run diverged
    // (a learning rate too high for the net); unset when every loss was finite.
    std::optional<std::uint64_t> divergedAtSample;
};

// The layer sizes of the model the settings name: inputs, hidden..., classes.
std::vector<int> layerSizes(const TrainingSettings& settings, int inputSize, int classCount);

// Builds the model the settings name for inputs of `inputSize` and `classCount` classes.
// `trainingSamples` (the training set's size, when known) sets the window the LIF
// network's dead-unit fraction looks back over: the last tenth of an epoch.
std::unique_ptr<Classifier> makeClassifier(const TrainingSettings& settings, int inputSize,
                                           int classCount, std::size_t trainingSamples = 0);

// Observers of a run. onRow sees each curve row as it is made, with the model (for
// spikes and gains); onSample sees every training step (the sample's index in
// data.train, its label and what the model did), e.g. for a live display between rows;
// progress is called every few samples with (samples done, total) and stops the run
// when it returns false (the model is still finished cleanly).
struct TrainingCallbacks {
    std::function<void(const CurveRow&, const Classifier&)> onRow;
    std::function<void(std::uint32_t index, int label, const TrainStep&)> onSample;
    ProgressCallback progress;
};

// Trains `model` for settings.epochs epochs over data.train in the settings' order,
// evaluating as CurveRow documents. Deterministic for a given seed.
TrainingResult runTraining(Classifier& model, const ImageDataset& data,
                           const TrainingSettings& settings,
                           const TrainingCallbacks& callbacks = {});

// Accuracy of `model` on the first `count` samples of `images` (all when count is 0), taken
// in `order` (indices into images; empty: as stored).
double evaluateAccuracy(Classifier& model, const LabelledImages& images, std::size_t count = 0,
                        const std::vector<std::uint32_t>& order = {});

} // namespace sdlab
