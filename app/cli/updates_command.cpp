#include "command.h"
#include "data/spike_trains.h"
#include "experiments/update_rules_run.h"
#include "io/csv_table.h"
#include "io/input_error.h"
#include "io/json_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <random>

namespace sdlab::cli {

int runUpdates(const CliOptions& options) {
    UpdateRuleParams params;
    params.pre = pdParamsFrom(options, "kp", "kd", PdParams{});
    params.post = pdParamsFrom(options, "kp-post", "kd-post", params.pre);
    if (const std::string error = params.validationError(); !error.empty())
        throw InputError("--kp/--kd: " + error);
    const auto out = outputDirectory(options);
    std::vector<double> xBar, eBar;
    std::string source;
    if (options.has("input")) {
        const CsvTable table = CsvTable::read(options.text("input"));
        xBar = table.column("xbar");
        eBar = table.column("ebar");
        requireWholeNumbers(xBar, table.sourceName() + ", column 'xbar'");
        requireWholeNumbers(eBar, table.sourceName() + ", column 'ebar'");
        source = options.text("input");
    } else {
        const long steps = options.integer("steps", 200, 1, 10'000'000);
        const long seed = options.integer("seed", 1, 0, std::numeric_limits<long>::max());
        const double density = options.number("density", 0.1);
        if (density < 0.0 || density > 1.0)
            throw InputError("--density: must lie in [0, 1]");
        std::mt19937_64 engine(static_cast<std::uint64_t>(seed));
        xBar = randomSpikeTrain(static_cast<std::size_t>(steps), density, engine);
        eBar = randomSpikeTrain(static_cast<std::size_t>(steps), density, engine);
        source = "random";
    }

    const UpdateRulesRun run = runUpdateRules(xBar, eBar, params);
    CsvWriter csv({"t", "xhat", "ehat", "recon", "past", "future", "stdp"});
    for (std::size_t t = 0; t < xBar.size(); ++t)
        csv.addRow({static_cast<double>(t + 1), run.xHat[t], run.eHat[t], run.recon[t], run.past[t],
                    run.future[t], run.stdp[t]});
    const double scale = std::max({std::abs(run.reconTotal), std::abs(run.pastTotal),
                                   std::abs(run.futureTotal), std::abs(run.stdpTotal), 1e-300});
    const double spread =
        std::max({run.reconTotal, run.pastTotal, run.futureTotal, run.stdpTotal}) -
        std::min({run.reconTotal, run.pastTotal, run.futureTotal, run.stdpTotal});
    JsonObjectWriter summary;
    summary.add("source", source)
        .add("steps", static_cast<long long>(xBar.size()))
        .add("kp", params.pre.kp)
        .add("kd", params.pre.kd)
        .add("kp_post", params.post.kp)
        .add("kd_post", params.post.kd)
        .add("recon_total", run.reconTotal)
        .add("past_total", run.pastTotal)
        .add("future_total", run.futureTotal)
        .add("stdp_total", run.stdpTotal)
        .add("max_relative_difference", spread / scale);
    OutputBundle bundle;
    bundle.stage("updates.csv", csv.text());
    bundle.stage("summary.json", summary.text());
    commitOutputs(bundle, out);
    std::fprintf(stderr, "updates: totals recon %.12g past %.12g future %.12g stdp %.12g -> %s\n",
                 run.reconTotal, run.pastTotal, run.futureTotal, run.stdpTotal,
                 out.string().c_str());
    return 0;
}

} // namespace sdlab::cli
