#include "command.h"
#include "data/signals.h"
#include "experiments/vector_quantization_run.h"
#include "io/csv_table.h"
#include "io/input_error.h"
#include "io/json_writer.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace sdlab::cli {

int runQuantize(const CliOptions& options) {
    const std::string methodName = options.text("method", "herding");
    VectorQuantizationMethod method;
    if (methodName == "herding")
        method = VectorQuantizationMethod::Herding;
    else if (methodName == "stochastic")
        method = VectorQuantizationMethod::Stochastic;
    else
        throw InputError("--method: '" + methodName + "' is not one of herding, stochastic");
    const long steps = options.integer("steps", 1000, 1, 10'000'000);
    const long seed = options.integer("seed", 1, 0, std::numeric_limits<long>::max());
    const auto out = outputDirectory(options);
    if (options.has("input") && options.has("dimension"))
        throw InputError("give either --input or --dimension, not both");
    std::vector<double> v;
    if (options.has("input")) {
        v = CsvTable::read(options.text("input")).column("v");
    } else {
        const long dimension = options.integer("dimension", 10, 1, 1'000'000);
        v = makeUniformVector(static_cast<std::size_t>(dimension),
                              static_cast<std::uint64_t>(seed));
    }
    double magnitude = 0.0;
    for (const double value : v)
        magnitude += std::abs(value);
    if (magnitude * static_cast<double>(steps) > 1e7)
        throw InputError(
            "|v|₁ × steps = " + std::to_string(magnitude * static_cast<double>(steps)) +
            " spikes expected; keep it under 1e7 (scale v down or use fewer steps)");

    const VectorQuantizationRun run =
        runVectorQuantization(v, steps, method, static_cast<std::uint64_t>(seed));
    CsvWriter convergence({"T", "l1_error"});
    for (std::size_t t = 0; t < run.l1Error.size(); ++t)
        convergence.addRow({static_cast<double>(t + 1), run.l1Error[t]});
    CsvWriter spikes({"t", "index", "sign"});
    for (std::size_t k = 0; k < run.spikes.size(); ++k)
        spikes.addRow({static_cast<double>(run.spikeStep[k]),
                       static_cast<double>(run.spikes[k].index),
                       static_cast<double>(run.spikes[k].sign)});
    JsonObjectWriter summary;
    summary.add("method", methodName)
        .add("dimension", static_cast<long long>(v.size()))
        .add("steps", static_cast<long long>(steps))
        .add("spikes", static_cast<long long>(run.spikes.size()))
        .add("final_l1_error", run.l1Error.back())
        .add("herding_bound", static_cast<double>(v.size()) / (2.0 * static_cast<double>(steps)));
    OutputBundle bundle;
    bundle.stage("convergence.csv", convergence.text());
    bundle.stage("spikes.csv", spikes.text());
    bundle.stage("summary.json", summary.text());
    commitOutputs(bundle, out);
    std::fprintf(stderr, "quantize: %s, %zu spikes, final L1 error %.6g -> %s\n",
                 methodName.c_str(), run.spikes.size(), run.l1Error.back(), out.string().c_str());
    return 0;
}

} // namespace sdlab::cli
