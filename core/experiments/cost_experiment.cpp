// `sdlab-cli cost`: one layer's event-driven update against the dense one (DSN eq. 4).
// Command line only: the Learning lab draws every model's cost against its accuracy.
#include "experiment/common_parameters.h"
#include "experiment/experiment.h"
#include "experiments/layer_cost_run.h"
#include "io/json_writer.h"

#include <cstdio>

namespace sdlab {

namespace {

std::string checkSize(const ParameterValues& v) {
    if (static_cast<double>(v.integer("din")) * static_cast<double>(v.integer("dout")) > 5e7)
        return "--din × --dout must stay under 5e7 weights (400 MB)";
    return {};
}

std::string run(const ParameterValues& v, const RunContext&, OutputBundle& out) {
    const long dIn = static_cast<long>(v.integer("din"));
    const long dOut = static_cast<long>(v.integer("dout"));
    const double density = v.real("density");
    const long repeat = static_cast<long>(v.integer("repeat"));
    const LayerCostRun run = runLayerCost(dIn, dOut, density, repeat, v.seed());
    JsonObjectWriter json;
    json.add("din", static_cast<long long>(dIn))
        .add("dout", static_cast<long long>(dOut))
        .add("density", density)
        .add("repeat", static_cast<long long>(repeat))
        .add("adds", static_cast<long long>(run.sparseOps.adds))
        .add("mults", static_cast<long long>(run.sparseOps.multiplies))
        .add("dense_adds", static_cast<long long>(run.denseOps.adds))
        .add("dense_mults", static_cast<long long>(run.denseOps.multiplies))
        .add("energy_pj_dense", run.energyPjDense)
        .add("energy_pj_sparse", run.energyPjSparse)
        .add("ns_dense", run.nsDense)
        .add("ns_sparse", run.nsSparse)
        .add("speedup", run.nsSparse > 0 ? run.nsDense / run.nsSparse : 0.0)
        .add("max_difference", run.maxDifference);
    out.stage("cost.json", json.text());
    char line[120];
    std::snprintf(line, sizeof line, "dense %.0f ns, event-driven %.0f ns (%.1fx)", run.nsDense,
                  run.nsSparse, run.nsSparse > 0 ? run.nsDense / run.nsSparse : 0.0);
    return line;
}

Parameter sizeParameter(const std::string& key, const std::string& help) {
    return {.key = key,
            .kind = ParameterKind::Integer,
            .label = key,
            .help = help,
            .valueName = "N",
            .minimum = 1,
            .maximum = 100'000,
            .fallback = 1000,
            .required = true};
}

} // namespace

const Experiment& costExperiment() {
    static const Experiment experiment{
        .id = "cost",
        .command = "cost",
        .title = "Cost",
        .usage = "sdlab-cli cost --din N --dout M --density D [--repeat R] [--seed S] --out DIR",
        .description =
            "One layer's update z += s'W from a random +-1 spike vector of the given density,\n"
            "event-driven (DSN eq. 4) vs dense Eigen. Writes cost.json (adds, mults of the\n"
            "event-driven update, dense_adds, dense_mults, energy_pj_dense, energy_pj_sparse "
            "with\nthe Horowitz float32 figures, ns_dense, ns_sparse per update).",
        .parameters = {sizeParameter("din", "Inputs of the layer"),
                       sizeParameter("dout", "Outputs of the layer"),
                       {.key = "density",
                        .label = "Spike density",
                        .help = "Probability that an input spikes",
                        .valueName = "D",
                        .minimum = 0.0,
                        .maximum = 1.0,
                        .fallback = 0.02,
                        .required = true},
                       {.key = "repeat",
                        .kind = ParameterKind::Integer,
                        .label = "Repetitions",
                        .help = "Timed repetitions",
                        .valueName = "R",
                        .minimum = 1,
                        .maximum = 1'000'000,
                        .fallback = 100},
                       common::seedParameter("")},
        .outputs = {"cost.json"},
        .hasLab = false,
        .check = checkSize,
        .run = run};
    return experiment;
}

} // namespace sdlab
