// The Quantization lab and `sdlab-cli quantize`: spiking vector quantization (DSN Fig. 1,
// Alg. 1 herding, Alg. 5 stochastic) and the spiking ReLU (DSN Alg. 7).
#include "experiments/quantization_experiment.h"

#include "data/signals.h"
#include "experiment/common_parameters.h"
#include "experiment/experiment.h"
#include "experiments/mlp_convergence_run.h"
#include "experiments/rectified_rate_run.h"
#include "experiments/vector_quantization_run.h"
#include "io/csv_table.h"
#include "io/input_error.h"
#include "io/json_writer.h"

#include <cmath>
#include <cstdio>
#include <optional>

namespace sdlab {

namespace {

using namespace common;

// The spiking ReLU's inputs: 51 values of u over [-1, 1.5], as the lab draws them.
constexpr double kReluMin = -1.0, kReluMax = 1.5;
constexpr long kReluPoints = 51;

std::string run(const ParameterValues& v, const RunContext& context, OutputBundle& out) {
    const std::string& methodName = v.text("method");
    const auto method = methodName == "herding" ? VectorQuantizationMethod::Herding
                                                : VectorQuantizationMethod::Stochastic;
    const long steps = static_cast<long>(v.integer("steps"));
    const std::vector<double> vector = quantizationVectorFrom(v);

    const VectorQuantizationRun run = runVectorQuantization(vector, steps, method, v.seed());
    CsvWriter convergence({"T", "l1_error"});
    for (std::size_t t = 0; t < run.l1Error.size(); ++t)
        convergence.addRow({static_cast<double>(t + 1), run.l1Error[t]});
    CsvWriter spikes({"t", "index", "sign"});
    for (std::size_t k = 0; k < run.spikes.size(); ++k)
        spikes.addRow({static_cast<double>(run.spikeStep[k]),
                       static_cast<double>(run.spikes[k].index),
                       static_cast<double>(run.spikes[k].sign)});
    const RectifiedRateRun relu = runRectifiedRate(kReluMin, kReluMax, kReluPoints,
                                                   static_cast<long>(v.integer("relu-steps")),
                                                   v.real("relu-noise"), v.seed());
    CsvWriter reluCsv({"u", "rate", "relu"});
    for (std::size_t k = 0; k < relu.input.size(); ++k)
        reluCsv.addRow({relu.input[k], relu.rate[k], relu.relu[k]});
    JsonObjectWriter summary;
    summary.add("method", methodName)
        .add("dimension", static_cast<long long>(vector.size()))
        .add("steps", static_cast<long long>(steps))
        .add("spikes", static_cast<long long>(run.spikes.size()))
        .add("final_l1_error", run.l1Error.back())
        .add("herding_bound",
             herdingErrorBound(static_cast<double>(vector.size()), static_cast<double>(steps)));
    const MlpConvergenceRun mlp = mlpConvergenceFrom(v, context.progress);
    if (mlp.steps.empty())
        throw RunCancelled();
    CsvWriter mlpCsv({"T", "layer", "mean_abs_error", "relative_error"});
    for (std::size_t l = 0; l < mlp.meanAbsError.size(); ++l)
        for (std::size_t k = 0; k < mlp.steps.size(); ++k)
            mlpCsv.addRow(std::vector<std::optional<double>>{
                static_cast<double>(mlp.steps[k]), static_cast<double>(l), mlp.meanAbsError[l][k],
                std::isnan(mlp.relativeError[l][k]) ? std::nullopt
                                                    : std::optional(mlp.relativeError[l][k])});
    summary.add("mlp_sizes", v.text("mlp-sizes"))
        .add("mlp_output_relative_error", mlp.relativeError.back().back());
    out.stage("convergence.csv", convergence.text());
    out.stage("spikes.csv", spikes.text());
    out.stage("relu.csv", reluCsv.text());
    out.stage("mlp.csv", mlpCsv.text());
    out.stage("summary.json", summary.text());
    char line[160];
    std::snprintf(line, sizeof line, "%s, %zu spikes, final L1 error %.6g", methodName.c_str(),
                  run.spikes.size(), run.l1Error.back());
    return line;
}

// The spiking MLP needs an input and a layer, and a run of bounded work: each step
// costs up to one weight row per spike, about T · Σ d_l·d_{l+1} additions in all.
std::string check(const ParameterValues& v) {
    const std::vector<int> sizes = sizeListEntries("--mlp-sizes", v.text("mlp-sizes"));
    if (sizes.size() < 2)
        return "--mlp-sizes: give the input and at least one layer, e.g. 784,500,500,10";
    double weights = 0.0;
    for (std::size_t l = 0; l + 1 < sizes.size(); ++l)
        weights += static_cast<double>(sizes[l]) * sizes[l + 1];
    const double work = weights * static_cast<double>(v.integer("mlp-steps"));
    if (work > 2e11) {
        char text[160];
        std::snprintf(text, sizeof text,
                      "--mlp-steps × the weights of --mlp-sizes = %.3g additions; keep it "
                      "under 2e11 (fewer steps or smaller layers)",
                      work);
        return text;
    }
    return {};
}

} // namespace

RectifiedRateRun spikingReluFrom(const ParameterValues& v) {
    return runRectifiedRate(kReluMin, kReluMax, kReluPoints,
                            static_cast<long>(v.integer("relu-steps")), v.real("relu-noise"),
                            v.seed());
}

MlpConvergenceRun mlpConvergenceFrom(const ParameterValues& v, const ProgressCallback& progress) {
    return runMlpConvergence(sizeListEntries("--mlp-sizes", v.text("mlp-sizes")),
                             v.real("mlp-sigma"), static_cast<int>(v.integer("mlp-steps")),
                             v.seed(), progress);
}

std::vector<double> quantizationVectorFrom(const ParameterValues& v) {
    std::vector<double> vector =
        v.text("input").empty()
            ? makeUniformVector(static_cast<std::size_t>(v.integer("dimension")), v.seed())
            : CsvTable::read(v.text("input")).column("v");
    double magnitude = 0.0;
    for (const double value : vector)
        magnitude += std::abs(value);
    const auto steps = static_cast<double>(v.integer("steps"));
    if (magnitude * steps > 1e7)
        throw InputError("|v|₁ × steps = " + std::to_string(magnitude * steps) +
                         " spikes expected; keep it under 1e7 (scale v down or use fewer steps)");
    return vector;
}

const Experiment& quantizationExperiment() {
    const std::string vq = "Vector quantization", relu = "Spiking ReLU",
                      mlp = "Spiking MLP (DSN Fig. 4)";
    static const Experiment experiment{
        .id = "quantization",
        .command = "quantize",
        .title = "Quantization",
        .usage = "sdlab-cli quantize [--input FILE.csv | --dimension D] --steps T "
                 "--method herding|stochastic [--seed S] --out DIR",
        .description =
            "Spiking vector quantization of a fixed vector (DSN Alg. 1 herding, Alg. 5 "
            "stochastic;\nDSN Fig. 1). Reads column v; writes convergence.csv (T,l1_error: |v - "
            "mean of spikes\nso far|_1 after every step), spikes.csv (t,index,sign; index "
            "0-based), relu.csv\n(u,rate,relu: DSN Alg. 7's spike rate against max(0, u)), "
            "mlp.csv (T,layer,mean_abs_error,\nrelative_error: DSN Fig. 4, a random spiking "
            "MLP's rates against its ReLU net's activations;\nlayer 0 the input, the output "
            "last) and summary.json.",
        .parameters =
            {{.key = "dimension",
              .kind = ParameterKind::Integer,
              .label = "Dimension d of v",
              .help = "Without --input: a random v ~ U(−1, 1)^d from the seed",
              .valueName = "D",
              .minimum = 1,
              .maximum = 1'000'000,
              .fallback = 10,
              .group = vq,
              .logarithmic = true},
             csvInputParameter("Vector from CSV (column v)",
                               "CSV file with a column v; replaces the random vector",
                               {"dimension"}, vq),
             {.key = "steps",
              .kind = ParameterKind::Integer,
              .label = "Steps T",
              .help = "Herding's error falls as 1/T (at most d/(2T), DSN eq. 9), stochastic "
                      "sampling's as 1/√T",
              .valueName = "T",
              .minimum = 1,
              .maximum = 10'000'000,
              .fallback = 10'000,
              .unit = "steps",
              .group = vq,
              .logarithmic = true},
             {.key = "method",
              .kind = ParameterKind::Choice,
              .label = "Method",
              .help = "Whose spikes are written: herding (DSN Alg. 1) or stochastic sampling "
                      "(Alg. 5); the lab draws both",
              .valueName = "M",
              .fallbackText = "herding",
              .choices = choices({{"herding", "Herding"}, {"stochastic", "Stochastic"}}),
              .group = vq,
              .scope = ParameterScope::CommandLine},
             seedParameter(vq),
             {.key = "relu-steps",
              .kind = ParameterKind::Integer,
              .label = "Steps per input",
              .help = "Spiking ReLU: the rate is spikes / steps; it is within ½/steps of ReLU "
                      "without noise",
              .valueName = "N",
              .minimum = 1,
              .maximum = 100'000,
              .fallback = 200,
              .unit = "steps",
              .group = relu,
              .logarithmic = true,
              .aliases = {"reluSteps"}},
             {.key = "relu-noise",
              .label = "Input noise σ",
              .help = "Spiking ReLU: Gaussian noise added to the input each step; the rate "
                      "still tends to ReLU of the mean for inputs far from 0",
              .valueName = "SIGMA",
              .minimum = 0.0,
              .maximum = 3.0,
              .fallback = 0.3,
              .group = relu,
              .decimals = 2,
              .aliases = {"reluNoise"}},
             {.key = "mlp-sizes",
              .kind = ParameterKind::SizeList,
              .label = "Layer sizes",
              .help = "DSN Fig. 4: a spiking MLP with random weights and no biases, the input "
                      "first; its spike rates against the ReLU MLP of the same weights",
              .valueName = "SIZES",
              .minimum = 1,
              .maximum = 4000,
              .fallbackText = "784,500,500,10",
              .unit = "units",
              .group = mlp,
              .maximumCount = 6},
             {.key = "mlp-sigma",
              .label = "Weight σ",
              .help = "The weights are drawn from N(0, σ²) with the seed; DSN Fig. 4: 0.1",
              .valueName = "SIGMA",
              .minimum = 0.001,
              .maximum = 10.0,
              .fallback = 0.1,
              .group = mlp,
              .decimals = 3,
              .logarithmic = true},
             {.key = "mlp-steps",
              .kind = ParameterKind::Integer,
              .label = "Steps T",
              .help = "How long the one random input (U(0, 1) per unit) is fed; the rates "
                      "are read out about ten times per decade up to T",
              .valueName = "T",
              .minimum = 1,
              .maximum = 100'000,
              .fallback = 1000,
              .unit = "steps",
              .group = mlp,
              .logarithmic = true}},
        .outputs = {"convergence.csv", "spikes.csv", "relu.csv", "mlp.csv", "summary.json"},
        .check = check,
        .run = run};
    return experiment;
}

} // namespace sdlab
