#include "command.h"
#include "data/dataset_loaders.h"
#include "io/input_error.h"
#include "training/training_report.h"
#include "training/training_run.h"

#include <charconv>
#include <cstdio>
#include <limits>
#include <unistd.h>

namespace sdlab::cli {

namespace {

std::vector<int> parseHidden(const std::string& text) {
    std::vector<int> sizes;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        int size = 0;
        const char* first = text.data() + start;
        const char* last = text.data() + comma;
        const auto [end, error] = std::from_chars(first, last, size);
        if (error != std::errc() || end != last || first == last)
            throw InputError("--hidden '" + text + "': expected sizes separated by commas, e.g. 200,200");
        sizes.push_back(size);
        start = comma + 1;
    }
    return sizes;
}

template <class Parse>
auto choice(const CliOptions& options, const std::string& name, const std::string& fallback,
            Parse parse, const std::string& allowed) {
    const std::string text = options.text(name, fallback);
    const auto value = parse(text);
    if (!value)
        throw InputError("--" + name + ": '" + text + "' is not one of " + allowed);
    return *value;
}

TrainingSettings settingsFrom(const CliOptions& options) {
    TrainingSettings s;
    s.model = choice(options, "model", "mlp", parseModelKind, "mlp, pdnn, spiking-mlp, sigma-delta");
    s.hidden = parseHidden(options.text("hidden", "200"));
    s.epochs = static_cast<int>(options.integer("epochs", 1, 1, 1000));
    s.order = choice(options, "order", "shuffled", parseSampleOrderKind, "shuffled, temporal");
    s.update = choice(options, "update", "recon", parseUpdateRule, "recon, past, future, stdp");
    s.optimizer = choice(options, "optimizer", "sgd", parseOptimizer, "sgd, fsgd");
    s.routing = choice(options, "routing", "breadth-first", parseEventRouting,
                       "breadth-first, depth-first");
    s.backReset = choice(options, "back-reset", "none", parseBackReset, "none, random, zero");
    if (options.has("lr"))
        s.learningRate = options.number("lr");
    s.seed = static_cast<std::uint64_t>(options.integer("seed", 1, 0, std::numeric_limits<long>::max()));
    s.timeSteps = static_cast<int>(options.integer("steps", 10, 1, 1000));
    s.quantizationScale = options.number("scale", 8.0);
    s.rowsPerEpoch = static_cast<int>(options.integer("rows-per-epoch", 10, 1, 1000));
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
    std::unique_ptr<Classifier> model = makeClassifier(settings, data.inputSize(), data.classCount());
    const bool terminal = isatty(STDERR_FILENO) != 0;
    std::fprintf(stderr, "train: %s %s on %s (%zu train, %zu test), %d epoch(s)\n",
                 modelName(settings.model),
                 layerSizesText(settings.hidden, data.inputSize(), data.classCount()).c_str(),
                 data.name.c_str(), data.train.size(), data.test.size(), settings.epochs);
    TrainingCallbacks callbacks;
    callbacks.onRow = [terminal](const CurveRow& row, const Classifier&) {
        std::fprintf(stderr, "%sepoch %6.2f  samples %9llu  train %5.1f%%  test %5.1f%%%s  loss %.4f%s",
                     terminal ? "\r" : "", row.epoch, static_cast<unsigned long long>(row.samples),
                     100 * row.trainAccuracy, 100 * row.testAccuracy, row.fullTest ? "" : "*", row.loss,
                     terminal && !row.fullTest ? "" : "\n");
        std::fflush(stderr);
    };
    const TrainingResult result = runTraining(*model, data, settings, callbacks);
    OutputBundle bundle;
    bundle.stage("curve.csv", trainingCurveCsv(result.curve));
    bundle.stage("summary.json", trainingSummaryJson(settings, data, result));
    commitOutputs(bundle, out);
    std::fprintf(stderr, "train: test accuracy %.2f%% (%.1f kOps/sample, %.1f s) -> %s\n",
                 100 * result.finalTestAccuracy, result.opsPerSample / 1000, result.seconds,
                 out.string().c_str());
    return 0;
}

} // namespace sdlab::cli
