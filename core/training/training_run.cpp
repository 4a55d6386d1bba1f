#include "training/training_run.h"

#include "equilibrium/eqprop_classifier.h"
#include "models/mlp.h"
#include "models/pd_network.h"
#include "models/sigma_delta_net.h"
#include "models/spiking_mlp.h"
#include "snn/lif_network.h"
#include "util/throttled_progress.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace sdlab {

std::vector<int> layerSizes(const TrainingSettings& settings, int inputSize, int classCount) {
    std::vector<int> sizes{inputSize};
    sizes.insert(sizes.end(), settings.hidden.begin(), settings.hidden.end());
    sizes.push_back(classCount);
    return sizes;
}

std::unique_ptr<Classifier> makeClassifier(const TrainingSettings& settings, int inputSize,
                                           int classCount, std::size_t trainingSamples) {
    const std::vector<int> sizes = layerSizes(settings, inputSize, classCount);
    const double rate = settings.learningRate.value_or(defaultLearningRate(settings.model));
    switch (settings.model) {
    case ModelKind::Pdnn: {
        PdNetworkSettings pd;
        pd.sizes = sizes;
        pd.learningRate = rate;
        pd.layer.forward = settings.forwardGains;
        pd.layer.backward = settings.backwardGains;
        pd.layer.rule = settings.update;
        pd.layer.autoTune = settings.autoTune;
        pd.seed = settings.seed;
        pd.activityWindow = static_cast<int>(trainingSamples / 10);
        return std::make_unique<PdNetwork>(pd);
    }
    case ModelKind::SpikingMlp: {
        SpikingMlpSettings spiking;
        spiking.sizes = sizes;
        spiking.learningRate = rate;
        spiking.timeSteps = settings.timeSteps;
        spiking.fractional = settings.optimizer == Optimizer::Fsgd;
        spiking.depthFirst = settings.routing == EventRouting::DepthFirst;
        spiking.backReset = settings.backReset;
        spiking.outputError = settings.outputError;
        spiking.smoothUpdates = settings.smoothUpdates;
        spiking.seed = settings.seed;
        spiking.activityWindow = static_cast<int>(trainingSamples / 10);
        return std::make_unique<SpikingMlp>(spiking);
    }
    case ModelKind::SigmaDelta:
        return std::make_unique<SigmaDeltaNet>(sizes, rate, settings.quantizationScale,
                                               SigmaDeltaNet::Mode::SigmaDelta, settings.seed);
    case ModelKind::EqProp:
    case ModelKind::InitEqProp:
    case ModelKind::SpikingEqProp: {
        EqPropSettings eq;
        eq.sizes = sizes;
        eq.variant = settings.model == ModelKind::EqProp       ? EqPropVariant::Continuous
                     : settings.model == ModelKind::InitEqProp ? EqPropVariant::Initialized
                                                               : EqPropVariant::Spiking;
        // η_l = η / r^l, the input connection's largest: the error reaching the lower
        // layers through the settling is weaker (Scellier & Bengio 2017's per-layer rates).
        double layerRate = rate;
        for (std::size_t l = 0; l + 1 < sizes.size(); ++l, layerRate /= settings.layerRateRatio)
            eq.learningRates.push_back(layerRate);
        eq.beta = settings.beta;
        eq.freeSteps = settings.freeSteps.value_or(defaultFreeSteps(settings.model));
        eq.clampedSteps = settings.clampedSteps.value_or(defaultClampedSteps(settings.model));
        eq.epsilon = settings.settleEpsilon;
        eq.tolerance = settings.settleTolerance;
        eq.anchor = settings.anchor;
        eq.initializerLoss = settings.initializerLoss;
        eq.inference = settings.inference;
        eq.spiking = settings.spiking;
        eq.seed = settings.seed;
        return std::make_unique<EqPropClassifier>(eq);
    }
    case ModelKind::Lif: {
        LifNetworkSettings lif = settings.lif;
        lif.sizes = sizes;
        lif.steps = settings.timeSteps;
        lif.learningRate = rate;
        lif.optimizer =
            settings.optimizer == Optimizer::Adam ? LifOptimizer::Adam : LifOptimizer::Sgd;
        lif.seed = settings.seed;
        lif.activityWindow = static_cast<int>(trainingSamples / 10);
        return std::make_unique<LifNetwork>(lif);
    }
    case ModelKind::Mlp:
        break;
    }
    return std::make_unique<Mlp>(sizes, rate, settings.seed, settings.mlpBiases);
}

double evaluateAccuracy(Classifier& model, const LabelledImages& images, std::size_t count,
                        const std::vector<std::uint32_t>& order) {
    const std::size_t n = count == 0 ? images.size() : std::min(count, images.size());
    if (n == 0)
        return 0.0;
    // In chunks through predictBatch: one predict() per sample in order for the models
    // without minibatches, whole minibatches for those with.
    constexpr std::size_t chunk = 256;
    Eigen::MatrixXd inputs;
    std::vector<int> classes;
    std::size_t correct = 0;
    model.beginEvaluation();
    for (std::size_t begin = 0; begin < n; begin += chunk) {
        const std::size_t size = std::min(chunk, n - begin);
        images.featureColumns(order, begin, size, inputs);
        model.predictBatch(inputs, classes);
        for (std::size_t k = 0; k < size; ++k)
            correct += classes[k] == images.labels[order.empty() ? begin + k : order[begin + k]];
    }
    model.endEvaluation();
    return static_cast<double>(correct) / static_cast<double>(n);
}

TrainingResult runTraining(Classifier& model, const ImageDataset& data,
                           const TrainingSettings& settings, const TrainingCallbacks& callbacks) {
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    TrainingResult result;
    const std::size_t n = data.train.size();
    const std::size_t total = n * static_cast<std::size_t>(settings.epochs);
    const std::size_t rowEvery =
        std::max<std::size_t>(1, (n + static_cast<std::size_t>(settings.rowsPerEpoch) - 1) /
                                     static_cast<std::size_t>(settings.rowsPerEpoch));
    constexpr double picoToMilli = 1e-9;
    Eigen::MatrixXd inputs;
    std::vector<int> labels;
    std::vector<TrainStep> steps;
    std::uint64_t samples = 0;
    ThrottledProgress progress(callbacks.progress, total, 64); // and at each epoch's end
    // The test set streams in the training's kind of order (a temporal order keeps the
    // sigma-delta and PD networks' costs low between alike samples, thesis Fig. 4.4).
    const std::vector<std::uint32_t> testOrder =
        settings.order == SampleOrderKind::Temporal
            ? sampleOrder(data.test, settings.order, settings.seed, 0)
            : std::vector<std::uint32_t>{};
    std::size_t windowCorrect = 0, windowCount = 0, epochCorrect = 0;
    std::uint64_t windowStartSteps = model.settlingSteps();
    double windowLoss = 0.0;
    bool finished = false;
    auto finish = [&] {
        if (!finished)
            model.finishTraining();
        finished = true;
    };

    auto emitRow = [&](bool epochEnd) {
        CurveRow row;
        row.samples = samples;
        row.epoch = static_cast<double>(samples) / static_cast<double>(n);
        row.trainAccuracy =
            windowCount ? static_cast<double>(windowCorrect) / static_cast<double>(windowCount)
                        : 0.0;
        row.loss = windowCount ? windowLoss / static_cast<double>(windowCount) : 0.0;
        row.fullTest = epochEnd;
        row.settleSteps = windowCount
                              ? static_cast<double>(model.settlingSteps() - windowStartSteps) /
                                    static_cast<double>(windowCount)
                              : 0.0;
        windowStartSteps = model.settlingSteps();
        const InferenceCost before = model.inferenceCost();
        row.testAccuracy = evaluateAccuracy(model, data.test,
                                            epochEnd ? 0 : settings.interimTestSamples, testOrder);
        row.inference = meanInferenceCost(before, model.inferenceCost());
        row.adds = model.trainingOps().adds;
        row.mults = model.trainingOps().multiplies;
        row.activity = model.activity();
        row.gradientNorms = model.gradientNorms();
        row.gradientAlignment = model.gradientAlignment();
        row.energyMj = model.trainingOps().energyPj(EnergyModel::int32()) * picoToMilli;
        result.curve.push_back(row);
        if (callbacks.onRow)
            callbacks.onRow(row, model);
        windowCorrect = windowCount = 0;
        windowLoss = 0.0;
    };

    for (int epoch = 0; epoch < settings.epochs && !result.cancelled; ++epoch) {
        model.beginEpoch(epoch);
        const std::vector<std::uint32_t> order =
            sampleOrder(data.train, settings.order, settings.seed, epoch);
        epochCorrect = 0;
        const std::size_t batch = static_cast<std::size_t>(std::max(1, model.batchSize()));
        for (std::size_t first = 0; first < order.size() && !result.cancelled; first += batch) {
            const std::size_t size = std::min(batch, order.size() - first);
            data.train.featureColumns(order, first, size, inputs);
            labels.resize(size);
            for (std::size_t k = 0; k < size; ++k)
                labels[k] = data.train.labels[order[first + k]];
            model.trainBatch(inputs, labels, steps);
            // Rows and progress per sample, as with minibatch 1 (a row inside a minibatch
            // tests the weights after its update).
            for (std::size_t k = first; k < first + size; ++k) {
                const std::uint32_t i = order[k];
                const int label = labels[k - first];
                const TrainStep& step = steps[k - first];
                if (callbacks.onSample)
                    callbacks.onSample(i, label, step);
                ++samples;
                ++windowCount;
                const bool correct = step.predicted == label;
                windowCorrect += correct;
                epochCorrect += correct;
                windowLoss += step.loss;
                if (!std::isfinite(step.loss) && !result.divergedAtSample)
                    result.divergedAtSample = samples; // reported, not stopped: the curve shows it
                const bool epochEnd = k + 1 == order.size();
                if (epochEnd || (k + 1) % rowEvery == 0) {
                    if (epochEnd && epoch + 1 == settings.epochs)
                        finish();
                    emitRow(epochEnd);
                }
                if (!(epochEnd ? progress.now(samples) : progress(samples))) {
                    result.cancelled = true;
                    break;
                }
            }
        }
        result.finalTrainAccuracy = static_cast<double>(epochCorrect) / static_cast<double>(n);
    }
    if (result.cancelled) {
        finish();
        if (windowCount > 0)
            emitRow(false);
    }
    if (!result.curve.empty()) {
        result.finalTestAccuracy = result.curve.back().testAccuracy;
        result.inference = result.curve.back().inference;
    }
    const double s = std::max<double>(1.0, static_cast<double>(samples));
    result.addsPerSample = static_cast<double>(model.trainingOps().adds) / s;
    result.multsPerSample = static_cast<double>(model.trainingOps().multiplies) / s;
    result.opsPerSample = result.addsPerSample + result.multsPerSample;
    result.activity = model.activity();
    result.learned = model.learnedNeuronParameters();
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return result;
}

} // namespace sdlab
