#include "command.h"
#include "data/dataset_loaders.h"
#include "io/input_error.h"
#include "training/training_report.h"
#include "training/training_run.h"

#include <cstdio>
#include <limits>
#include <unistd.h>

namespace sdlab::cli {

namespace {

TrainingSettings settingsFrom(const CliOptions& options) {
    TrainingSettings s;
    s.model = choice(options, "model", "mlp", parseModelKind,
                     "mlp, pdnn, spiking-mlp, sigma-delta, eqprop, init-eqprop, spiking-eqprop");
    s.hidden = parseSizeList(options.text("hidden", "200"), "hidden");
    s.epochs = static_cast<int>(options.integer("epochs", 1, 1, 1000));
    s.order = choice(options, "order", "shuffled", parseSampleOrderKind, "shuffled, temporal");
    s.update = choice(options, "update", "recon", parseUpdateRule, "recon, past, future, stdp");
    s.optimizer = choice(options, "optimizer", "sgd", parseOptimizer, "sgd, fsgd");
    s.routing = choice(options, "routing", "breadth-first", parseEventRouting,
                       "breadth-first, depth-first");
    s.backReset = choice(options, "back-reset", "none", parseBackReset, "none, random, zero");
    s.outputError = choice(options, "output-error", "mean", parseOutputError,
                           "mean, stream, cumulative, spikes");
    if (options.has("lr"))
        s.learningRate = options.number("lr");
    s.seed =
        static_cast<std::uint64_t>(options.integer("seed", 1, 0, std::numeric_limits<long>::max()));
    s.timeSteps = static_cast<int>(options.integer("steps", 10, 1, 1000));
    s.quantizationScale = options.number("scale", 8.0);
    s.rowsPerEpoch = static_cast<int>(options.integer("rows-per-epoch", 10, 1, 1000));
    if (options.has("free-steps"))
        s.freeSteps = static_cast<int>(options.integer("free-steps", 1, 100000));
    if (options.has("clamped-steps"))
        s.clampedSteps = static_cast<int>(options.integer("clamped-steps", 1, 100000));
    s.beta = options.number("beta", s.beta);
    s.settleEpsilon = options.number("epsilon", s.settleEpsilon);
    s.settleTolerance = options.number("settle-tol", s.settleTolerance);
    s.anchor = options.number("anchor", s.anchor);
    s.spiking = spikingSettingsFrom(options);
    if (options.has("kp") || options.has("kd")) {
        s.autoTune = false;
        s.forwardGains = pdParamsFrom(options, "kp", "kd", {0.1, 1.0});
        s.backwardGains = pdParamsFrom(options, "kp-back", "kd-back", s.forwardGains);
    } else if (options.has("kp-back") || options.has("kd-back")) {
        throw InputError("--kp-back/--kd-back need --kp/--kd (otherwise the gains are auto-tuned)");
    }
    if (const std::string error = validationError(s); !error.empty())
        throw InputError(error);
    return s;
}

} // namespace

int runTrain(const CliOptions& options) {
    const TrainingSettings settings = settingsFrom(options);
    const auto out = outputDirectory(options);
    const ImageDataset data = loadDatasetByName(options.text("dataset", "synthetic"));
    std::unique_ptr<Classifier> model =
        makeClassifier(settings, data.inputSize(), data.classCount());
    const bool terminal = isatty(STDERR_FILENO) != 0;
    std::fprintf(stderr, "train: %s %s on %s (%zu train, %zu test), %d epoch(s)\n",
                 modelName(settings.model),
                 layerSizesText(settings.hidden, data.inputSize(), data.classCount()).c_str(),
                 data.name.c_str(), data.train.size(), data.test.size(), settings.epochs);
    TrainingCallbacks callbacks;
    const bool settles = isEquilibriumModel(settings.model);
    callbacks.onRow = [terminal, settles](const CurveRow& row, const Classifier&) {
        std::fprintf(
            stderr, "%sepoch %6.2f  samples %9llu  train %5.1f%%  test %5.1f%%%s  loss %.4f",
            terminal ? "\r" : "", row.epoch, static_cast<unsigned long long>(row.samples),
            100 * row.trainAccuracy, 100 * row.testAccuracy, row.fullTest ? "" : "*", row.loss);
        if (settles)
            std::fprintf(stderr, "  steps/sample %.1f", row.settleSteps);
        std::fprintf(stderr, "%s", terminal && !row.fullTest ? "" : "\n");
        std::fflush(stderr);
    };
    const TrainingResult result = runTraining(*model, data, settings, callbacks);
    OutputBundle bundle;
    bundle.stage("curve.csv", trainingCurveCsv(result.curve, isEquilibriumModel(settings.model)));
    bundle.stage("summary.json", trainingSummaryJson(settings, data, result));
    commitOutputs(bundle, out);
    std::fprintf(stderr, "train: test accuracy %.2f%% (%.1f kOps/sample, %.1f s) -> %s\n",
                 100 * result.finalTestAccuracy, result.opsPerSample / 1000, result.seconds,
                 out.string().c_str());
    return 0;
}

} // namespace sdlab::cli
