// `sdlab-cli scales`: thesis ch. 4's error-computation trade-off (§4.6.2, Fig. 4.4, Table
// B.1). An MLP is trained as `train --model mlp` trains it; its weights are then frozen and
// the scales of its rounding network (eq. 4.5, one per layer input) optimised for each λ of
// a sweep (eq. 4.10). Each λ's scales run the rounding and the sigma-delta network over the
// test set, in the set's own order and in the temporal order (thesis App. B.4), so the
// sigma-delta net's saving on alike consecutive inputs shows beside the original network.
#include "cost/op_counter.h"
#include "data/dataset_loaders.h"
#include "data/sample_order.h"
#include "experiment/experiment.h"
#include "experiments/learning_experiment.h"
#include "io/csv_table.h"
#include "io/input_error.h"
#include "io/json_writer.h"
#include "models/mlp.h"
#include "scales/scale_optimizer.h"
#include "training/training_report.h"
#include "training/training_run.h"

#include <cmath>
#include <cstdio>

namespace sdlab {

namespace {

// Table B.1's energies: every value a 32-bit integer (Horowitz 2014).
constexpr EnergyModel kInt32 = EnergyModel::int32();

std::vector<double> lambdasFrom(const ParameterValues& v) {
    return rangeValues("--lambda", v.text("lambda"), true);
}

std::string checkScales(const ParameterValues& v) {
    try {
        lambdasFrom(v);
    } catch (const InputError& e) {
        return e.what();
    }
    return {};
}

// The images `indices` of `images` (all, in stored order, when empty; at most `limit`) as
// [0, 1] vectors with their labels.
struct Stream {
    std::vector<Eigen::VectorXd> inputs;
    std::vector<int> labels;
};
Stream streamOf(const LabelledImages& images, const std::vector<std::uint32_t>& indices,
                std::size_t limit) {
    Stream s;
    const std::size_t n = std::min(limit, indices.empty() ? images.size() : indices.size());
    s.inputs.resize(n);
    s.labels.resize(n);
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = indices.empty() ? k : indices[k];
        images.features(i, s.inputs[k]);
        s.labels[k] = images.labels[i];
    }
    return s;
}

ScaledRoundingNet pretrainedNet(const ParameterValues& v, const ImageDataset& data,
                                const ProgressCallback& progress) {
    TrainingSettings settings;
    settings.model = ModelKind::Mlp;
    settings.hidden = sizeListEntries("--hidden", v.text("hidden"));
    settings.epochs = static_cast<int>(v.integer("epochs"));
    if (v.isSet("lr"))
        settings.learningRate = v.real("lr");
    settings.seed = v.seed();
    std::unique_ptr<Classifier> model =
        makeClassifier(settings, data.inputSize(), data.classCount(), data.train.size());
    TrainingCallbacks callbacks;
    callbacks.progress = progress;
    if (runTraining(*model, data, settings, callbacks).cancelled)
        throw RunCancelled();
    return ScaledRoundingNet(dynamic_cast<Mlp&>(*model).layers(), true);
}

std::string run(const ParameterValues& v, const RunContext& context, OutputBundle& out) {
    const std::vector<double> lambdas = lambdasFrom(v);
    const ImageDataset data = loadDatasetByName(datasetNameFrom(v));
    const std::string layers = layerSizesText(sizeListEntries("--hidden", v.text("hidden")),
                                              data.inputSize(), data.classCount());
    if (context.log)
        context.log("mlp " + layers + " on " + data.name + ": pretraining, then " +
                    std::to_string(lambdas.size()) + " scale optimisations\n");
    ScaledRoundingNet net = pretrainedNet(v, data, context.progress);

    const auto samples = static_cast<std::size_t>(v.integer("scale-samples"));
    const Stream fit = streamOf(
        data.train, sampleOrder(data.train, SampleOrderKind::Shuffled, v.seed(), 0), samples);
    const Stream train = streamOf(data.train, {}, samples);
    const Stream test = streamOf(data.test, {}, data.test.size());
    const std::vector<std::uint32_t> temporal =
        sampleOrder(data.test, SampleOrderKind::Temporal, v.seed(), 0);
    if (temporal.empty())
        throw RunCancelled();
    const Stream testTemporal = streamOf(data.test, temporal, data.test.size());

    const ScaledRoundingNet::OriginalCost original = net.originalCost(test.inputs, test.labels);
    const double originalTrainError = net.originalCost(train.inputs, train.labels).errorRate;

    CsvWriter tradeoff({"lambda", "train_error", "test_error", "rounding_adds", "sigma_delta_adds",
                        "sigma_delta_adds_temporal", "rounding_energy_nj", "sigma_delta_energy_nj",
                        "sigma_delta_energy_nj_temporal"});
    CsvWriter scales({"lambda", "layer", "scale"});
    const auto nj = [](double adds) { return adds * kInt32.addPj * 1e-3; };
    // The unoptimised network (every k = 1) first, its λ cell empty; then the sweep.
    ScaleOptimizerSettings settings;
    settings.steps = static_cast<int>(v.integer("scale-steps"));
    settings.seed = v.seed();
    std::size_t done = 0;
    const std::size_t total = lambdas.size() * static_cast<std::size_t>(settings.steps);
    for (std::size_t i = 0; i <= lambdas.size(); ++i) {
        std::fill(net.logScales().begin(), net.logScales().end(), 0.0);
        std::optional<double> lambda;
        if (i > 0) {
            lambda = settings.lambda = lambdas[i - 1];
            const ProgressCallback step = [&](std::size_t d, std::size_t) {
                return !context.progress || context.progress(done + d, total);
            };
            if (optimizeScales(net, fit.inputs, {}, settings, settings.steps, step).empty())
                throw RunCancelled();
            done += static_cast<std::size_t>(settings.steps);
        }
        const ScaledRoundingNet::StreamCost cost = net.streamCost(test.inputs, test.labels);
        const ScaledRoundingNet::StreamCost inOrder =
            net.streamCost(testTemporal.inputs, testTemporal.labels);
        const double trainError = net.streamCost(train.inputs, train.labels).errorRate;
        tradeoff.addRow(std::vector<std::optional<double>>{
            lambda, trainError, cost.errorRate, cost.roundingAdds, cost.sigmaDeltaAdds,
            inOrder.sigmaDeltaAdds, nj(cost.roundingAdds), nj(cost.sigmaDeltaAdds),
            nj(inOrder.sigmaDeltaAdds)});
        for (std::size_t l = 0; l < net.logScales().size(); ++l)
            scales.addRow(std::vector<std::optional<double>>{lambda, static_cast<double>(l),
                                                             std::exp(net.logScales()[l])});
    }

    // The original network: B.12's flops are a multiply and an add per weight.
    const double macPj = kInt32.multiplyPj + kInt32.addPj;
    JsonObjectWriter summary;
    summary.add("dataset", data.name)
        .add("layers", layers)
        .add("lambdas", static_cast<long long>(lambdas.size()))
        .add("scale_steps", static_cast<long long>(settings.steps))
        .add("scale_samples", static_cast<long long>(fit.inputs.size()))
        .add("original_train_error", originalTrainError)
        .add("original_test_error", original.errorRate)
        .add("original_flops_dense", 2.0 * original.denseMultiplyAdds)
        .add("original_flops_sparse", 2.0 * original.sparseMultiplyAdds)
        .add("original_energy_nj_dense", original.denseMultiplyAdds * macPj * 1e-3)
        .add("original_energy_nj_sparse", original.sparseMultiplyAdds * macPj * 1e-3)
        .add("cost_note", "per test sample, matrix products only (thesis App. B.2): the "
                          "original net's flops count a multiply and an add per weight "
                          "(eqs B.12-B.13), the rounding and sigma-delta nets' additions "
                          "(eqs B.14-B.15); energies as 32-bit integers (0.1 pJ an add, "
                          "3.1 pJ a multiply). train_error is on the first scale-samples "
                          "training images");
    out.stage("tradeoff.csv", tradeoff.text());
    out.stage("scales.csv", scales.text());
    out.stage("summary.json", summary.text());
    char line[256];
    std::snprintf(line, sizeof line,
                  "original %.2f%% at %.0f flops (%.0f sparse); %zu values of lambda: see "
                  "tradeoff.csv",
                  100 * original.errorRate, 2.0 * original.denseMultiplyAdds,
                  2.0 * original.sparseMultiplyAdds, lambdas.size());
    return line;
}

std::vector<Parameter> scalesParameters() {
    std::vector<Parameter> list;
    for (const Parameter& p : learningParameters())
        if (p.key == "dataset" || p.key == "hidden" || p.key == "epochs" || p.key == "lr" ||
            p.key == "seed") {
            list.push_back(p);
            list.back().shownWhenKey.clear();
            list.back().shownWhenValues.clear();
        }
    for (Parameter& p : list) {
        if (p.key == "hidden")
            p.fallbackText = "200,200"; // thesis §4.6.2: 784-200-200-10
        if (p.key == "epochs")
            p.help = "Epochs of the MLP's training before its scales are optimised";
    }
    const std::string group = "Scales";
    list.push_back({.key = "lambda",
                    .kind = ParameterKind::Range,
                    .label = "λ sweep",
                    .help = "N values of λ, the weight of the computation in L_error + "
                            "λ·L_comp (thesis eq. 4.9), spaced geometrically from MIN to MAX "
                            "(Table B.1: 1e-10:1e-5:10)",
                    .valueName = "MIN:MAX:N",
                    .minimum = 0,
                    .maximum = 1.0,
                    .fallbackText = "1e-10:1e-5:10",
                    .group = group});
    list.push_back({.key = "scale-steps",
                    .kind = ParameterKind::Integer,
                    .label = "Optimisation steps",
                    .help = "Adam steps on the log-scales per λ (eq. 4.10), 20 inputs each",
                    .valueName = "N",
                    .minimum = 1,
                    .maximum = 100'000,
                    .fallback = 300,
                    .group = group});
    list.push_back({.key = "scale-samples",
                    .kind = ParameterKind::Integer,
                    .label = "Training samples",
                    .help = "Training images the scales are fitted on (a seeded draw) and "
                            "train_error is measured on (the first ones)",
                    .valueName = "N",
                    .minimum = 1,
                    .maximum = 1'000'000,
                    .fallback = 10'000,
                    .unit = "samples",
                    .group = group});
    return list;
}

} // namespace

const Experiment& scalesExperiment() {
    static const Experiment experiment{
        .id = "scales",
        .command = "scales",
        .title = "Scale optimisation",
        .usage = "sdlab-cli scales --dataset D [--hidden 200,200] [--epochs E] [--lambda "
                 "MIN:MAX:N] [--scale-steps N] [--scale-samples N] [--seed S] --out DIR",
        .description =
            "Thesis ch. 4's error-computation trade-off (Fig. 4.4, Table B.1): trains an MLP\n"
            "as `train --model mlp` does, freezes it, and for each λ optimises the scales of\n"
            "its rounding network (one per layer input, eq. 4.10), then runs the rounding and\n"
            "the sigma-delta network over the test set in its stored order and in the\n"
            "temporal order (App. B.4). Writes tradeoff.csv (lambda,train_error,test_error,\n"
            "rounding_adds,sigma_delta_adds,sigma_delta_adds_temporal and the three energies\n"
            "in nJ, per test sample; the first row, lambda empty, is the unoptimised net with\n"
            "every scale 1), scales.csv (lambda,layer,scale) and summary.json with the\n"
            "original network's error, dense and sparse flops and energies.",
        .parameters = scalesParameters(),
        .outputs = {"tradeoff.csv", "scales.csv", "summary.json"},
        .hasLab = false, // the Learning lab's Trade-off view is still to come (issue 21)
        .check = checkScales,
        .run = run};
    return experiment;
}

} // namespace sdlab
