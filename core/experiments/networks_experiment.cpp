// The Σ-Δ networks lab and `sdlab-cli networks`: thesis ch. 4's four networks (Fig. 4.1)
// side by side on one input stream.
#include "experiments/networks_experiment.h"

#include "data/signals.h"
#include "experiment/common_parameters.h"
#include "experiment/experiment.h"
#include "io/csv_table.h"
#include "io/json_writer.h"
#include "scales/four_networks.h"

#include <cmath>
#include <cstdio>
#include <numeric>
#include <random>

namespace sdlab {

namespace {

using namespace common;

std::string check(const ParameterValues& v) {
    if (sizeListEntries("--sizes", v.text("sizes")).size() < 2)
        return "--sizes needs an input and at least one layer, e.g. 100,10";
    return {};
}

std::string run(const ParameterValues& v, const RunContext&, OutputBundle& out) {
    const FourNetworksRun r = runFourNetworksFrom(v);
    CsvWriter csv({"t", "original", "temporal_difference", "rounding", "sigma_delta",
                   "original_mults", "temporal_difference_mults", "rounding_adds",
                   "sigma_delta_adds"});
    for (std::size_t t = 0; t < r.original.size(); ++t)
        csv.addRow({static_cast<double>(t + 1), r.original[t], r.temporalDifference[t],
                    r.rounding[t], r.sigmaDelta[t], r.originalOps[t], r.temporalDifferenceOps[t],
                    r.roundingOps[t], r.sigmaDeltaOps[t]});
    JsonObjectWriter summary;
    summary.add("sizes", v.text("sizes"))
        .add("scale", v.real("scale"))
        .add("signal", v.text("signal"))
        .add("steps", static_cast<long long>(r.original.size()))
        .add("seed", static_cast<long long>(v.seed()))
        .add("max_difference_temporal_difference", r.maxTemporalDifferenceGap)
        .add("max_difference_sigma_delta", r.maxSigmaDeltaGap)
        .add("rms_rounding_error", r.rmsRoundingError)
        .add("original_mults_per_step", meanPerStep(r.originalOps))
        .add("temporal_difference_mults_per_step", meanPerStep(r.temporalDifferenceOps))
        .add("rounding_adds_per_step", meanPerStep(r.roundingOps))
        .add("sigma_delta_adds_per_step", meanPerStep(r.sigmaDeltaOps));
    out.stage("networks.csv", csv.text());
    out.stage("summary.json", summary.text());
    char line[200];
    std::snprintf(line, sizeof line,
                  "%zu steps: per step %.4g mults (original), %.4g (temporal difference), %.4g "
                  "adds (rounding), %.4g (sigma-delta)",
                  r.original.size(), meanPerStep(r.originalOps),
                  meanPerStep(r.temporalDifferenceOps), meanPerStep(r.roundingOps),
                  meanPerStep(r.sigmaDeltaOps));
    return line;
}

} // namespace

double meanPerStep(const std::vector<double>& perStep) {
    return perStep.empty() ? 0.0
                           : std::accumulate(perStep.begin(), perStep.end(), 0.0) /
                                 static_cast<double>(perStep.size());
}

FourNetworksRun runFourNetworksFrom(const ParameterValues& v) {
    const std::vector<int> sizes = sizeListEntries("--sizes", v.text("sizes"));
    std::mt19937_64 rng(v.seed());
    std::vector<DenseLayer> layers;
    for (std::size_t l = 0; l + 1 < sizes.size(); ++l)
        layers.push_back(DenseLayer::xavier(sizes[l], sizes[l + 1], rng));
    const auto steps = static_cast<std::size_t>(v.integer("steps"));
    const SignalKind kind = *parseSignalKind(v.text("signal"));
    std::vector<std::vector<double>> channels;
    for (int c = 0; c < sizes.front(); ++c)
        channels.push_back(makeSignal(kind, steps, v.seed() + 100 + static_cast<std::uint64_t>(c)));
    FourNetworks networks(std::move(layers), v.real("scale"));
    FourNetworksRun r;
    double squaredError = 0.0;
    Eigen::VectorXd x(sizes.front());
    for (std::size_t t = 0; t < steps; ++t) {
        for (int c = 0; c < sizes.front(); ++c)
            x(c) = channels[static_cast<std::size_t>(c)][t];
        const FourNetworks::Step& s = networks.step(x);
        r.original.push_back(s.original(0));
        r.temporalDifference.push_back(s.temporalDifference(0));
        r.rounding.push_back(s.rounding(0));
        r.sigmaDelta.push_back(s.sigmaDelta(0));
        r.originalOps.push_back(s.originalMultiplyAdds);
        r.temporalDifferenceOps.push_back(s.temporalDifferenceMultiplyAdds);
        r.roundingOps.push_back(s.roundingAdds);
        r.sigmaDeltaOps.push_back(s.sigmaDeltaAdds);
        r.maxTemporalDifferenceGap = std::max(
            r.maxTemporalDifferenceGap, (s.temporalDifference - s.original).cwiseAbs().maxCoeff());
        r.maxSigmaDeltaGap =
            std::max(r.maxSigmaDeltaGap, (s.sigmaDelta - s.rounding).cwiseAbs().maxCoeff());
        squaredError += (s.rounding - s.original).squaredNorm();
    }
    r.rmsRoundingError = std::sqrt(
        squaredError / static_cast<double>(steps * static_cast<std::size_t>(sizes.back())));
    return r;
}

const Experiment& networksExperiment() {
    const std::string network = "Network", input = "Input stream";
    static const Experiment experiment{
        .id = "networks",
        .command = "networks",
        .title = "Σ-Δ networks",
        .usage = "sdlab-cli networks [--sizes 100,100,100,10] [--scale K] [--signal KIND --steps "
                 "N] [--seed S] --out DIR",
        .description =
            "Thesis ch. 4's four networks (Fig. 4.1) on one input stream: a random network "
            "(ReLU\nhidden layers, Xavier weights from the seed) run as the original net, the "
            "temporal-\ndifference net (same outputs), the rounding net round(k a)/k and the "
            "sigma-delta net\n(same outputs as rounding, additions only for the changes). Each "
            "input unit is a\nbuilt-in signal of its own seed. Writes networks.csv (t,original,"
            "temporal_difference,\nrounding,sigma_delta: output unit 0 of each; original_mults,"
            "temporal_difference_mults,\nrounding_adds,sigma_delta_adds: each net's operations "
            "that step, thesis App. B.2)\nand summary.json (the largest output differences, "
            "the rounding error and the mean\noperations per step).",
        .parameters = {{.key = "sizes",
                        .kind = ParameterKind::SizeList,
                        .label = "Layer sizes",
                        .help = "Layer sizes, input first (2 to 8 layers): Fig. 4.2's toy "
                                "network is 100-100-100",
                        .valueName = "SIZES",
                        .minimum = 1,
                        .maximum = 2000,
                        .fallbackText = "100,100,100,10",
                        .unit = "units",
                        .group = network,
                        .maximumCount = 8},
                       {.key = "scale",
                        .label = "Scale k",
                        .help = "q = round(k·a) for every layer input (eq. 4.4): larger k, "
                                "finer rounding and more additions",
                        .valueName = "K",
                        .minimum = 1e-3,
                        .maximum = 1e4,
                        .fallback = 4.0,
                        .group = network,
                        .decimals = 3,
                        .logarithmic = true},
                       seedParameter(network),
                       [&] {
                           Parameter p = signalParameter(input);
                           p.help = "Each input unit's signal (its own seed): smooth varies "
                                    "slowly, so the differences are small; white noise does "
                                    "not, and the sigma-delta net saves nothing";
                           return p;
                       }(),
                       stepsParameter(300, 1'000'000, "Length of the input stream", input)},
        .outputs = {"networks.csv", "summary.json"},
        .check = check,
        .run = run};
    return experiment;
}

} // namespace sdlab
