#include "command.h"
#include "experiments/pd_coding_run.h"
#include "io/csv_table.h"
#include "io/input_error.h"
#include "io/json_writer.h"

#include <cstdio>

namespace sdlab::cli {

int runPd(const CliOptions& options) {
    const PdParams params = pdParamsFrom(options, "kp", "kd", PdParams{});
    const auto out = outputDirectory(options);
    if (options.has("input") && options.has("signal"))
        throw InputError("give either --input or --signal, not both");
    std::vector<double> x;
    std::string source;
    if (options.has("input")) {
        x = CsvTable::read(options.text("input")).column("x");
        source = options.text("input");
    } else {
        x = builtinSignal(options, "smooth");
        source = "signal:" + options.text("signal", "smooth");
    }

    const PdCodingRun run = runPdCoding(x, params);
    CsvWriter csv({"t", "x", "a", "s", "xhat"});
    for (std::size_t t = 0; t < x.size(); ++t)
        csv.addRow({static_cast<double>(t + 1), x[t], run.a[t], run.s[t], run.xHat[t]});
    JsonObjectWriter summary;
    summary.add("source", source)
        .add("steps", static_cast<long long>(x.size()))
        .add("spikes", run.spikes)
        .add("rmse", run.rmse)
        .add("kp", params.kp)
        .add("kd", params.kd)
        .add("k_alpha", params.kAlpha())
        .add("k_beta", params.kBeta());
    OutputBundle bundle;
    bundle.stage("pd.csv", csv.text());
    bundle.stage("summary.json", summary.text());
    commitOutputs(bundle, out);
    std::fprintf(stderr, "pd: %zu steps, %.0f spikes, rmse %.6g -> %s\n", x.size(), run.spikes,
                 run.rmse, out.string().c_str());
    return 0;
}

} // namespace sdlab::cli
