// The Scale optimisation lab and `sdlab-cli pareto`: thesis §4.6.1's random network
// (Fig. 4.2), whose optimised scales land on the Pareto front of error against
// computation that random rescalings fill in from above.
#include "experiments/pareto_experiment.h"

#include "experiment/common_parameters.h"
#include "experiment/experiment.h"
#include "io/csv_table.h"
#include "io/input_error.h"
#include "io/json_writer.h"

#include <cstdio>

namespace sdlab {

namespace {

using namespace common;

std::string check(const ParameterValues& v) {
    try {
        return paretoSettingsFrom(v).validationError();
    } catch (const InputError& e) {
        return e.what();
    }
}

// k_l per layer input as k0, k1, ...
std::vector<std::string> withScaleColumns(std::vector<std::string> header, std::size_t layers) {
    for (std::size_t l = 0; l < layers; ++l) {
        char name[24];
        std::snprintf(name, sizeof name, "k%zu", l); // GCC 12 misreads "k" + to_string
        header.emplace_back(name);
    }
    return header;
}

std::string run(const ParameterValues& v, const RunContext& context, OutputBundle& out) {
    const RandomNetworkScalesSettings s = paretoSettingsFrom(v);
    const RandomNetworkScalesResult result = runRandomNetworkScales(s, context.progress);
    if (result.cancelled)
        throw RunCancelled();
    const std::size_t layers = s.sizes.size() - 1;
    CsvWriter paths(withScaleColumns({"lambda", "step", "error", "comp"}, layers));
    for (std::size_t i = 0; i < result.trajectories.size(); ++i)
        for (const ScalePoint& point : result.trajectories[i]) {
            std::vector<double> row{result.lambdas[i], static_cast<double>(point.step),
                                    point.cost.error, point.cost.comp};
            row.insert(row.end(), point.scales.begin(), point.scales.end());
            paths.addRow(row);
        }
    CsvWriter random(withScaleColumns({"trial", "error", "comp"}, layers));
    for (std::size_t t = 0; t < result.random.size(); ++t) {
        const ScalePoint& point = result.random[t];
        std::vector<double> row{static_cast<double>(t), point.cost.error, point.cost.comp};
        row.insert(row.end(), point.scales.begin(), point.scales.end());
        random.addRow(row);
    }
    JsonObjectWriter summary;
    summary.add("sizes", v.text("sizes"))
        .add("lambdas", static_cast<long long>(s.lambdas.size()))
        .add("steps", static_cast<long long>(s.steps))
        .add("random_scalings", static_cast<long long>(s.randomScalings))
        .add("seed", static_cast<long long>(s.seed))
        .add("start_error", result.trajectories.front().front().cost.error)
        .add("start_comp", result.trajectories.front().front().cost.comp)
        .add("random_dominating", static_cast<long long>(result.dominating))
        .add("cost_note", "error: mean 1/2 |f_round - f_true|^2 per input (thesis eq. 4.7, "
                          "no softmax); comp: mean additions of the rounding net per input "
                          "(eq. 4.8), both on the evaluation inputs; random_dominating: random "
                          "rescalings with less error and less comp than an optimised end point");
    out.stage("paths.csv", paths.text());
    out.stage("random.csv", random.text());
    out.stage("summary.json", summary.text());
    std::string line = std::to_string(s.lambdas.size()) + " values of lambda optimised:";
    for (std::size_t i = 0; i < result.trajectories.size(); ++i) {
        char item[96];
        std::snprintf(item, sizeof item, " %g -> error %.3g, comp %.3g;", result.lambdas[i],
                      result.trajectories[i].back().cost.error,
                      result.trajectories[i].back().cost.comp);
        line += item;
    }
    return line + " " + std::to_string(result.dominating) + " of " +
           std::to_string(result.random.size()) + " random rescalings dominate one";
}

} // namespace

RandomNetworkScalesSettings paretoSettingsFrom(const ParameterValues& v) {
    RandomNetworkScalesSettings s;
    s.sizes = sizeListEntries("--sizes", v.text("sizes"));
    s.lambdas = positiveValueList("--lambda", v.text("lambda"));
    s.steps = static_cast<int>(v.integer("steps"));
    s.randomScalings = static_cast<int>(v.integer("random"));
    s.seed = v.seed();
    return s;
}

const Experiment& paretoExperiment() {
    const std::string network = "Network", optimisation = "Optimisation";
    static const Experiment experiment{
        .id = "pareto",
        .command = "pareto",
        .title = "Scale optimisation",
        .usage = "sdlab-cli pareto [--sizes 100,100,100] [--lambda L1,L2,...|MIN:MAX:N] "
                 "[--steps N] [--random N] [--seed S] --out DIR",
        .description =
            "Thesis §4.6.1 and Fig. 4.2: a Glorot ReLU network rescaled without changing its "
            "function\n(first layer's weights by 1/2, second's by 8 then 1/4) is run as the "
            "rounding network\nq_l = round(k_l a_l) (eq. 4.5), one scale per layer input. For "
            "each lambda its scales are\noptimised from k = 1 by eq. 4.10 (error + lambda * "
            "computation, straight-through, weights\nfrozen) and compared with random "
            "rescalings k_l ~ logU[0.1, 100]. Writes paths.csv\n(lambda,step,error,comp,k0,...: "
            "each optimisation's path), random.csv (trial,error,comp,\nk0,...) and "
            "summary.json (random_dominating: random rescalings better in both, 0 on\nthe "
            "front). Error and comp are per input on Gaussian inputs (eqs 4.7-4.8).",
        .parameters = {{.key = "sizes",
                        .kind = ParameterKind::SizeList,
                        .label = "Layer sizes",
                        .help = "Input, then 1 to 5 layers; Fig. 4.2 uses 100-100-100",
                        .valueName = "SIZES",
                        .minimum = 1,
                        .maximum = 2000,
                        .fallbackText = "100,100,100",
                        .unit = "units",
                        .group = network,
                        .maximumCount = 6},
                       seedParameter(network),
                       {.key = "lambda",
                        .kind = ParameterKind::Text,
                        .label = "λ values",
                        .help = "The weights of the computation in eq. 4.10, one optimisation "
                                "each: L1,L2,... or MIN:MAX:N (geometric)",
                        .valueName = "L",
                        .fallbackText = "1e-6,1e-5,1e-4",
                        .group = optimisation},
                       stepsParameter(400, 100'000, "Optimisation steps per λ (100 inputs each)",
                                      optimisation),
                       {.key = "random",
                        .kind = ParameterKind::Integer,
                        .label = "Random rescalings",
                        .help = "Scales drawn log-uniformly from [0.1, 100] per layer input, "
                                "the grey lines and dots of Fig. 4.2",
                        .valueName = "N",
                        .minimum = 0,
                        .maximum = 100'000,
                        .fallback = 200,
                        .group = optimisation}},
        .outputs = {"paths.csv", "random.csv", "summary.json"},
        .check = check,
        .run = run};
    return experiment;
}

} // namespace sdlab
