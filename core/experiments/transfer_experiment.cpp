// `sdlab-cli transfer`: DSN Table 2's weight-transfer rows. A ReLU MLP (without biases, as
// the spiking MLP has none) or a spiking MLP is trained as `train` trains it, then its
// weights run in the other network: "Spiking with ReLU weights" and "ReLU with spiking
// FSGD weights". Both are scored on the test and the training set.
#include "data/dataset_loaders.h"
#include "experiment/experiment.h"
#include "experiments/learning_experiment.h"
#include "io/csv_table.h"
#include "io/input_error.h"
#include "io/json_writer.h"
#include "models/parameter_transfer.h"
#include "training/training_report.h"
#include "training/training_run.h"

#include <cstdio>

namespace sdlab {

namespace {

std::string checkTransfer(const ParameterValues& v) {
    const std::string& model = v.text("model");
    if (model != "mlp" && model != "spiking-mlp")
        return "--model " + model + ": weights transfer between mlp and spiking-mlp only";
    if (model == "mlp" && v.text("bias") == "on")
        return "--bias on: the spiking MLP has no biases, so the MLP's weights run in it "
               "only when it has none (give --bias off, the default here)";
    return checkLearningValues(v);
}

struct Scores {
    double testError = 0.0, trainError = 0.0;
};

Scores score(Classifier& model, const ImageDataset& data) {
    return {1.0 - evaluateAccuracy(model, data.test), 1.0 - evaluateAccuracy(model, data.train)};
}

std::string run(const ParameterValues& v, const RunContext& context, OutputBundle& out) {
    TrainingSettings donorSettings = trainingSettingsFrom(v);
    const ImageDataset data = loadDatasetByName(datasetNameFrom(v));
    const std::string layers =
        layerSizesText(donorSettings.hidden, data.inputSize(), data.classCount());
    TrainingSettings recipientSettings = donorSettings;
    recipientSettings.model =
        donorSettings.model == ModelKind::Mlp ? ModelKind::SpikingMlp : ModelKind::Mlp;
    recipientSettings.mlpBiases = false;
    recipientSettings.timeSteps =
        v.isSet("steps") ? static_cast<int>(v.integer("steps"))
                         : defaultTimeSteps(ModelKind::SpikingMlp); // the spiking side's T
    const char* donorName = modelName(donorSettings.model);
    const char* recipientName = modelName(recipientSettings.model);
    if (context.log)
        context.log(std::string(donorName) + " " + layers + " on " + data.name +
                    ": training, then its weights in the " + recipientName + "\n");

    std::unique_ptr<Classifier> donor =
        makeClassifier(donorSettings, data.inputSize(), data.classCount(), data.train.size());
    TrainingCallbacks callbacks;
    callbacks.progress = context.progress;
    if (runTraining(*donor, data, donorSettings, callbacks).cancelled)
        throw RunCancelled();
    std::unique_ptr<Classifier> recipient =
        makeClassifier(recipientSettings, data.inputSize(), data.classCount());
    copyLearnedParameters(*donor, *recipient);
    const Scores own = score(*donor, data);
    const Scores transferred = score(*recipient, data);

    CsvWriter table({"network", "weights_from", "test_error", "train_error"});
    table.addCells(
        {donorName, donorName, formatNumber(own.testError), formatNumber(own.trainError)});
    table.addCells({recipientName, donorName, formatNumber(transferred.testError),
                    formatNumber(transferred.trainError)});
    JsonObjectWriter summary;
    summary.add("model", donorName)
        .add("recipient", recipientName)
        .add("dataset", data.name)
        .add("layers", layers)
        .add("time_steps", static_cast<long long>(donorSettings.model == ModelKind::Mlp
                                                      ? recipientSettings.timeSteps
                                                      : donorSettings.timeSteps))
        .add("test_error", own.testError)
        .add("train_error", own.trainError)
        .add("transferred_test_error", transferred.testError)
        .add("transferred_train_error", transferred.trainError)
        .add("note", "DSN Table 2: the donor trained as `train` trains it (an mlp without "
                     "biases), then the same weights in the recipient; errors on the whole "
                     "test and training sets");
    out.stage("transfer.csv", table.text());
    out.stage("summary.json", summary.text());
    char line[256];
    std::snprintf(line, sizeof line,
                  "%s %s: test error %.2f%% (train %.2f%%); its weights in the %s: %.2f%% "
                  "(train %.2f%%)",
                  donorName, layers.c_str(), 100 * own.testError, 100 * own.trainError,
                  recipientName, 100 * transferred.testError, 100 * transferred.trainError);
    return line;
}

std::vector<Parameter> transferParameters() {
    std::vector<Parameter> list;
    for (Parameter p : learningParameters()) {
        if (p.key == "save-model" || p.key == "load-model")
            continue;
        if (p.key == "model") {
            p.help = "The donor, trained here: mlp (its weights then run in the spiking MLP, "
                     "DSN's \"Spiking with ReLU weights\") or spiking-mlp (then in the ReLU "
                     "MLP, \"ReLU with spiking FSGD weights\" with --optimizer fsgd)";
            std::erase_if(p.choices, [](const ParameterChoice& c) {
                return c.value != "mlp" && c.value != "spiking-mlp";
            });
            p.fallbackText = "mlp";
        }
        if (p.key == "bias")
            p.fallbackText = "off"; // the spiking MLP has none
        if (p.key == "steps")
            p.help = "T of the spiking side, the donor's or the recipient's (default 10)";
        list.push_back(std::move(p));
    }
    return list;
}

} // namespace

const Experiment& transferExperiment() {
    static const Experiment experiment{
        .id = "transfer",
        .command = "transfer",
        .title = "Weight transfer",
        .usage = "sdlab-cli transfer --model mlp|spiking-mlp --dataset D --hidden 300,300 "
                 "--epochs E [train's options] --out DIR",
        .description =
            "DSN Table 2's weight-transfer rows: trains the --model network as `train` does\n"
            "(an mlp without biases, as the spiking MLP has none), then runs its weights in\n"
            "the other: the spiking MLP with the ReLU net's weights, or the ReLU net with the\n"
            "spiking MLP's. Writes transfer.csv (network,weights_from,test_error,train_error:\n"
            "the donor, then the recipient with its weights; whole test and training sets)\n"
            "and summary.json.",
        .parameters = transferParameters(),
        .outputs = {"transfer.csv", "summary.json"},
        .hasLab = false,
        .check = checkTransfer,
        .run = run};
    return experiment;
}

} // namespace sdlab
