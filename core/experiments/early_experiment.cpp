// `sdlab-cli early`: DSN Fig. 3, early guessing. A spiking network (the spiking MLP or the
// LIF network) trained as `train` trains it, then read out after each of its T steps on the
// test set: the error it would make if it answered then, against the compute spent so far,
// beside a dense ReLU net of the same layers trained the same way (its single point).
#include "data/dataset_loaders.h"
#include "experiment/experiment.h"
#include "experiments/learning_experiment.h"
#include "io/csv_table.h"
#include "io/input_error.h"
#include "io/json_writer.h"
#include "training/early_guess_run.h"
#include "training/training_report.h"
#include "training/training_run.h"

#include <cstdio>

namespace sdlab {

namespace {

std::string checkEarly(const ParameterValues& v) {
    const std::string model = v.text("model");
    if (model != "spiking-mlp" && model != "lif")
        return "--model " + model +
               ": early guessing needs a model that runs over time steps "
               "(spiking-mlp or lif)";
    return checkLearningValues(v);
}

// The settings' network trained on `data`: its final test accuracy.
double train(Classifier& model, const ImageDataset& data, const TrainingSettings& settings,
             const ProgressCallback& progress) {
    TrainingCallbacks callbacks;
    callbacks.progress = progress;
    const TrainingResult result = runTraining(model, data, settings, callbacks);
    if (result.cancelled)
        throw RunCancelled();
    return result.finalTestAccuracy;
}

std::string run(const ParameterValues& v, const RunContext& context, OutputBundle& out) {
    const TrainingSettings settings = trainingSettingsFrom(v);
    const ImageDataset data = loadDatasetByName(datasetNameFrom(v));
    const std::string layers = layerSizesText(settings.hidden, data.inputSize(), data.classCount());
    if (context.log)
        context.log(std::string(modelName(settings.model)) + " " + layers + " on " + data.name +
                    ": training, then guessing after each step\n");
    std::unique_ptr<Classifier> model =
        makeClassifier(settings, data.inputSize(), data.classCount(), data.train.size());
    train(*model, data, settings, context.progress);
    const std::vector<std::uint32_t> testOrder =
        settings.order == SampleOrderKind::Temporal
            ? sampleOrder(data.test, settings.order, settings.seed, 0)
            : std::vector<std::uint32_t>{};
    const std::vector<EarlyGuessRow> rows =
        measureEarlyGuesses(*model, data.test, testOrder, context.progress);
    if (rows.empty())
        throw RunCancelled();

    // The dense reference: the MLP of the same layers, the same epochs, order and seed.
    TrainingSettings denseSettings = settings;
    denseSettings.model = ModelKind::Mlp;
    denseSettings.learningRate.reset();
    std::unique_ptr<Classifier> dense =
        makeClassifier(denseSettings, data.inputSize(), data.classCount(), data.train.size());
    const double denseAccuracy = train(*dense, data, denseSettings, context.progress);
    const MeanInferenceCost denseCost = meanInferenceCost({}, dense->inferenceCost());

    CsvWriter table({"step", "test_error", "cum_adds", "cum_mults"});
    for (const EarlyGuessRow& row : rows)
        table.addRow({static_cast<double>(row.step), row.testError, row.adds, row.mults});
    // The first step whose error is within a point of the last step's (DSN: "the network
    // can guess early").
    int within = rows.back().step;
    for (const EarlyGuessRow& row : rows)
        if (row.testError <= rows.back().testError + 0.01) {
            within = row.step;
            break;
        }
    const EarlyGuessRow& last = rows.back();
    JsonObjectWriter summary;
    summary.add("model", modelName(settings.model))
        .add("dataset", data.name)
        .add("layers", layers)
        .add("time_steps", static_cast<long long>(rows.size()))
        .add("final_test_error", last.testError)
        .add("final_adds", last.adds)
        .add("final_mults", last.mults)
        .add("step_within_1_point", static_cast<long long>(within))
        .add("adds_at_that_step", rows[static_cast<std::size_t>(within - 1)].adds)
        .add("dense_test_error", 1.0 - denseAccuracy)
        .add("dense_adds", denseCost.adds)
        .add("dense_mults", denseCost.mults)
        .add("cost_note", "per test sample, matrix products only (thesis App. B.2); the dense "
                          "net is an MLP of the same layers trained the same way");
    out.stage("early.csv", table.text());
    out.stage("summary.json", summary.text());
    char line[256];
    std::snprintf(line, sizeof line,
                  "error %.2f%% after %zu steps (%.0f adds + %.0f mults a sample), within a "
                  "point from step %d; dense net %.2f%% for %.0f multiply-adds",
                  100 * last.testError, rows.size(), last.adds, last.mults, within,
                  100 * (1.0 - denseAccuracy), denseCost.mults);
    return line;
}

std::vector<Parameter> earlyParameters() {
    std::vector<Parameter> list = learningParameters();
    for (Parameter& p : list)
        if (p.key == "model") {
            p.help = "spiking-mlp: herding spikes over T steps (DSN Algs 3, 8), guessed after "
                     "each; lif: leaky integrate-and-fire layers trained by BPTT (snnTorch "
                     "paper §IV), decoded from the first t steps";
            std::erase_if(p.choices, [](const ParameterChoice& c) {
                return c.value != "spiking-mlp" && c.value != "lif";
            });
            p.fallbackText = "spiking-mlp";
        }
    return list;
}

} // namespace

const Experiment& earlyExperiment() {
    static const Experiment experiment{
        .id = "early",
        .command = "early",
        .title = "Early guessing",
        .usage = "sdlab-cli early --model spiking-mlp|lif --dataset D --hidden 200[,200...] "
                 "--epochs E [train's options] --out DIR",
        .description =
            "DSN Fig. 3, early guessing: trains a spiking network as `train` does, then reads\n"
            "its answer out after each of its T steps on the whole test set. Writes early.csv\n"
            "(step,test_error,cum_adds,cum_mults: the error if it answered after the step, and\n"
            "the additions and multiply-adds spent so far per test sample, matrix products\n"
            "only as thesis App. B.2 counts them) and summary.json, with the dense reference:\n"
            "an MLP of the same layers trained the same way (dense_test_error, dense_mults).",
        .parameters = earlyParameters(),
        .outputs = {"early.csv", "summary.json"},
        .hasLab = false,
        .resultsShownIn = "learning", // its Trade-off view runs and opens it
        .check = checkEarly,
        .run = run};
    return experiment;
}

} // namespace sdlab
