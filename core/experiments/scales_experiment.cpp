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
#include "training/model_file.h"
#include "training/training_report.h"
#include "training/training_run.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace sdlab {

namespace {

// Table B.1's energies: every value a 32-bit integer (Horowitz 2014).
constexpr EnergyModel kInt32 = EnergyModel::int32();

std::vector<double> lambdasFrom(const ParameterValues& v) {
    return positiveValueList("--lambda", v.text("lambda"));
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
    settings.epochs = static_cast<int>(v.integer("pretrain-epochs"));
    if (v.isSet("lr"))
        settings.learningRate = v.real("lr");
    settings.seed = v.seed();
    std::unique_ptr<Classifier> model =
        makeClassifier(settings, data.inputSize(), data.classCount(), data.train.size());
    if (const std::string& from = v.text("pretrained"); !from.empty()) {
        // A network `train --model mlp --save-model DIR` wrote: no pretraining.
        loadModel(*model, settings, layerSizes(settings, data.inputSize(), data.classCount()),
                  from);
    } else {
        TrainingCallbacks callbacks;
        callbacks.progress = progress;
        if (runTraining(*model, data, settings, callbacks).cancelled)
            throw RunCancelled();
    }
    return ScaledRoundingNet(dynamic_cast<Mlp&>(*model).layers(), true, v.flag("per-unit"));
}

std::string run(const ParameterValues& v, const RunContext& context, OutputBundle& out) {
    const std::vector<double> lambdas = lambdasFrom(v);
    const ImageDataset data = loadDatasetByName(datasetNameFrom(v));
    const std::string layers = layerSizesText(sizeListEntries("--hidden", v.text("hidden")),
                                              data.inputSize(), data.classCount());
    const std::string& pretrained = v.text("pretrained");
    const std::string optimisations = std::to_string(lambdas.size()) + " scale optimisations\n";
    if (context.log && pretrained.empty())
        context.log("mlp " + layers + " on " + data.name + ": pretraining, then " + optimisations);
    ScaledRoundingNet net = pretrainedNet(v, data, context.progress);
    if (context.log && !pretrained.empty()) // said once the network has loaded
        context.log("mlp " + layers + " from " + pretrained + " on " + data.name + ": " +
                    optimisations);

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

    // Per test sample. The original net's rows first (B.12's flops are a multiply and an
    // add per weight, B.13's only for nonzero inputs), then per λ (the first, λ empty, the
    // unoptimised net with every scale 1) the rounding net and the sigma-delta net in the
    // test set's stored order and in the temporal order. Energies as 32-bit integers.
    CsvWriter tradeoff(
        {"lambda", "test_error", "adds", "mults", "energy_mj", "network", "order", "train_error"});
    const double macMj = (kInt32.multiplyPj + kInt32.addPj) * 1e-9;
    const auto number = [](std::optional<double> x) { return x ? formatNumber(*x) : ""; };
    for (const auto& [name, macs] : {std::pair{"original", original.denseMultiplyAdds},
                                     std::pair{"original-sparse", original.sparseMultiplyAdds}})
        tradeoff.addCells({"", number(original.errorRate), number(macs), number(macs),
                           number(macs * macMj), name, "any", number(originalTrainError)});
    const auto addsRow = [&](std::optional<double> lambda, double error, double adds,
                             const char* network, const char* order, double trainError) {
        tradeoff.addCells({number(lambda), number(error), number(adds), "0",
                           number(adds * kInt32.addPj * 1e-9), network, order, number(trainError)});
    };
    const bool perUnit = net.perUnit();
    CsvWriter scales(perUnit ? std::vector<std::string>{"lambda", "layer", "unit", "scale"}
                             : std::vector<std::string>{"lambda", "layer", "scale"});
    ScaleOptimizerSettings settings;
    settings.steps = static_cast<int>(v.integer("scale-steps"));
    settings.seed = v.seed();
    std::size_t done = 0;
    const std::size_t total = lambdas.size() * static_cast<std::size_t>(settings.steps);
    for (std::size_t i = 0; i <= lambdas.size(); ++i) {
        for (Eigen::VectorXd& kappa : net.logScales())
            kappa.setZero();
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
        const ScaledRoundingNet::StreamCost stored = net.streamCost(test.inputs, test.labels);
        const ScaledRoundingNet::StreamCost inOrder =
            net.streamCost(testTemporal.inputs, testTemporal.labels);
        const double trainError = net.streamCost(train.inputs, train.labels).errorRate;
        addsRow(lambda, stored.errorRate, stored.roundingAdds, "rounding", "any", trainError);
        addsRow(lambda, stored.errorRate, stored.sigmaDeltaAdds, "sigma-delta", "stored",
                trainError);
        addsRow(lambda, inOrder.errorRate, inOrder.sigmaDeltaAdds, "sigma-delta", "temporal",
                trainError);
        for (std::size_t l = 0; l < net.logScales().size(); ++l)
            for (Eigen::Index u = 0; u < net.logScales()[l].size(); ++u) {
                std::vector<std::optional<double>> row{lambda, static_cast<double>(l)};
                if (perUnit)
                    row.emplace_back(static_cast<double>(u));
                row.emplace_back(std::exp(net.logScales()[l](u)));
                scales.addRow(row);
            }
    }

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
        .add("original_energy_mj_dense", original.denseMultiplyAdds * macMj)
        .add("original_energy_mj_sparse", original.sparseMultiplyAdds * macMj)
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
        if (p.key == "model" || p.key == "dataset" || p.key == "hidden" || p.key == "epochs" ||
            p.key == "lr" || p.key == "seed") {
            list.push_back(p);
            list.back().shownWhenKey.clear();
            list.back().shownWhenValues.clear();
        }
    for (Parameter& p : list) {
        if (p.key == "hidden")
            p.fallbackText = "200,200"; // thesis §4.6.2: 784-200-200-10
        if (p.key == "epochs") {
            p.key = "pretrain-epochs";
            p.label = "Pretraining epochs";
            p.help = "Epochs of the ReLU net's training (as train --model mlp) before its "
                     "weights are frozen and its scales optimised";
            p.aliases = {"epochs"};
        }
        if (p.key == "model") {
            p.help = "sigma-delta: the network whose scales are optimised (thesis ch. 4), "
                     "run as the rounding net (eq. 4.5) and the sigma-delta net (eq. 4.6)";
            std::erase_if(p.choices,
                          [](const ParameterChoice& c) { return c.value != "sigma-delta"; });
            p.fallbackText = "sigma-delta";
        }
    }
    const std::string group = "Scales";
    list.push_back({.key = "pretrained",
                    .kind = ParameterKind::Text,
                    .label = "Pretrained network",
                    .help = "Take the ReLU net from DIR (written by train --model mlp "
                            "--save-model DIR with the same --hidden and data set) instead of "
                            "pretraining one",
                    .valueName = "DIR",
                    .group = group,
                    .excludes = {"pretrain-epochs"},
                    .scope = ParameterScope::CommandLine});
    list.push_back({.key = "per-unit",
                    .kind = ParameterKind::Flag,
                    .label = "Scale per unit",
                    .help = "One scale per unit of each layer input instead of one per layer "
                            "(thesis §4.5); scales.csv gains a unit column",
                    .group = group});
    list.push_back({.key = "lambda",
                    .kind = ParameterKind::Text,
                    .label = "λ values",
                    .help = "The weights of the computation in L_error + λ·L_comp (thesis eq. "
                            "4.9): L1,L2,... or MIN:MAX:N, N values spaced geometrically "
                            "(Table B.1: 1e-10:1e-5:10)",
                    .valueName = "L1,L2,...",
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
        .usage =
            "sdlab-cli scales --model sigma-delta --dataset D [--hidden 200,200] "
            "[--pretrain-epochs E | --pretrained DIR] [--per-unit] [--lambda L1,L2,...|MIN:MAX:N] "
            "[--scale-steps N] "
            "[--scale-samples N] [--seed S] --out DIR",
        .description =
            "Thesis ch. 4's error-computation trade-off (Fig. 4.4, Table B.1): trains a ReLU\n"
            "net as `train --model mlp` does (or takes one --save-model wrote, --pretrained\n"
            "DIR), freezes it, and for each λ optimises the scales\n"
            "of its rounding network (one per layer input, eq. 4.10), then runs the rounding\n"
            "and the sigma-delta network over the test set in its stored order and in the\n"
            "temporal order (App. B.4). Writes tradeoff.csv (lambda,test_error,adds,mults,\n"
            "energy_mj,network,order,train_error per test sample: the original net dense and\n"
            "sparse, then per λ the rounding net and the sigma-delta net in both orders; λ\n"
            "empty is the unoptimised net, every scale 1), scales.csv (lambda,layer,scale;\n"
            "with --per-unit lambda,layer,unit,scale)\n"
            "and summary.json.",
        .parameters = scalesParameters(),
        .outputs = {"tradeoff.csv", "scales.csv", "summary.json"},
        .hasLab = false,
        .resultsShownIn = "learning", // its Trade-off view runs and opens it
        .check = checkScales,
        .run = run};
    return experiment;
}

} // namespace sdlab
