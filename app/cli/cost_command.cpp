#include "command.h"
#include "experiments/layer_cost_run.h"
#include "io/input_error.h"
#include "io/json_writer.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace sdlab::cli {

int runCost(const CliOptions& options) {
    const long dIn = options.integer("din", 1, 100'000);
    const long dOut = options.integer("dout", 1, 100'000);
    if (static_cast<double>(dIn) * static_cast<double>(dOut) > 5e7)
        throw InputError("--din × --dout must stay under 5e7 weights (400 MB)");
    const double density = options.number("density");
    if (density < 0.0 || density > 1.0)
        throw InputError("--density: " + options.text("density") + " is outside [0, 1]");
    const long repeat = options.integer("repeat", 100, 1, 1'000'000);
    const long seed = options.integer("seed", 1, 0, std::numeric_limits<long>::max());
    const auto out = outputDirectory(options);

    const LayerCostRun run =
        runLayerCost(dIn, dOut, density, repeat, static_cast<std::uint64_t>(seed));
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
    OutputBundle bundle;
    bundle.stage("cost.json", json.text());
    commitOutputs(bundle, out);
    std::fprintf(stderr, "cost: dense %.0f ns, event-driven %.0f ns (%.1fx) -> %s\n", run.nsDense,
                 run.nsSparse, run.nsSparse > 0 ? run.nsDense / run.nsSparse : 0.0,
                 out.string().c_str());
    return 0;
}

} // namespace sdlab::cli
