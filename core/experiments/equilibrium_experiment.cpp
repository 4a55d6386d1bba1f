// The Equilibrium lab and `sdlab-cli settle`: one settling of a random network, continuous
// or spiking, with an optional perturbation (thesis §8.5.1, Fig. 8.2).
#include "experiments/equilibrium_experiment.h"

#include "equilibrium/neuron_trace.h"
#include "equilibrium/neuron_trace_file.h"
#include "equilibrium/settle_ensemble.h"
#include "experiment/common_parameters.h"
#include "experiment/experiment.h"
#include "io/csv_table.h"
#include "io/input_error.h"
#include "io/json_writer.h"

#include <algorithm>
#include <cstdio>

namespace sdlab {

namespace {

using namespace common;

std::string checkSettings(const ParameterValues& v) {
    return settleSettingsFrom(v).validationError();
}

// Version 1 of the Equilibrium lab: three layer-size fields, perturbAt 0 for none.
void upgrade(std::map<std::string, ParameterValue>& values) {
    keepVersion1Defaults(values, {{"anneal", std::string("osa")}, {"perturbAt", 100.0}});
    const auto size = [&](const char* key, const char* fallback) {
        const auto it = values.find(key);
        std::string text = fallback;
        if (it != values.end()) {
            text = formatParameterValue(it->second);
            values.erase(it);
        }
        return text;
    };
    if (values.count("inputs") || values.count("hidden") || values.count("outputs"))
        values["sizes"] =
            size("inputs", "500") + "," + size("hidden", "500") + "," + size("outputs", "10");
    if (const auto it = values.find("perturbAt"); it != values.end()) {
        const double* at = std::get_if<double>(&it->second);
        if (at && *at == 0.0)
            values.erase(it);
    }
}

std::string run(const ParameterValues& v, const RunContext& context, OutputBundle& out) {
    const SettleRunSettings s = settleSettingsFrom(v);
    const SettleRunResult result = runSettle(s, {}, context.progress);
    if (result.cancelled)
        throw RunCancelled();
    CsvWriter csv({"t", "distance_to_fixed_point", "energy", "spikes"});
    for (const SettleRow& row : result.rows)
        csv.addRow({static_cast<double>(row.t), row.distanceToFixedPoint, row.energy,
                    static_cast<double>(row.spikes)});
    const bool spiking = s.model == SettleModel::Spiking;
    const int phaseEnd = s.perturbAt ? *s.perturbAt - 1 : s.steps;
    int units = 0;
    for (int size : s.sizes)
        units += size;
    JsonObjectWriter summary;
    summary.add("model", settleModelName(s.model)).add("sizes", v.text("sizes"));
    if (spiking)
        summary.add("encoder", spikeCodingName(s.spiking.coding))
            .add("anneal", stepSizeRuleName(s.spiking.stepSize))
            .add("epsilon0", s.spiking.schedule.epsilon0)
            .add("eta", s.spiking.schedule.eta)
            .add("osa_target", s.spiking.osaTarget)
            .add("lambda", s.spiking.predictiveLambda)
            .add("lambda_anneal", s.spiking.lambdaAnneal);
    else
        summary.add("epsilon", s.epsilon);
    summary.add("steps", static_cast<long long>(s.steps))
        .add("seed", static_cast<long long>(s.seed));
    if (s.perturbAt)
        summary.add("perturb_at", static_cast<long long>(*s.perturbAt))
            .add("perturbation", perturbationKindName(s.perturbation))
            .add("distance_after_perturbation",
                 result.rows[static_cast<std::size_t>(*s.perturbAt)].distanceToFixedPoint);
    const double spikesPerUnitStep =
        static_cast<double>(result.spikes) / (static_cast<double>(units) * s.steps);
    summary
        .add("distance_before_perturbation",
             result.rows[static_cast<std::size_t>(phaseEnd)].distanceToFixedPoint)
        .add("final_distance", result.rows.back().distanceToFixedPoint)
        .add("final_energy", result.rows.back().energy)
        .add("spikes", static_cast<long long>(result.spikes))
        .add("spikes_per_unit_per_step", spikesPerUnitStep)
        .add("seconds", result.seconds);
    if (const auto networks = static_cast<int>(v.integer("ensemble")); networks > 0) {
        const SettleEnsembleResult ensemble = runSettleEnsemble(s, networks, context.progress);
        if (ensemble.cancelled)
            throw RunCancelled();
        CsvWriter table({"scheme", "t", "log10_distance_mean", "log10_distance_sd"});
        for (const SettleEnsembleCurve& curve : ensemble.curves) {
            for (std::size_t t = 0; t < curve.log10Mean.size(); ++t)
                table.addCells({curve.scheme, std::to_string(t), formatNumber(curve.log10Mean[t]),
                                formatNumber(curve.log10Sd[t])});
            summary.add("final_log10_distance_" + curve.scheme, curve.log10Mean.back());
        }
        summary.add("ensemble_networks", static_cast<long long>(networks));
        out.stage("ensemble.csv", table.text());
    }
    if (const NeuronTrace trace = traceOneNeuron(s); !trace.binary.empty()) {
        // Thesis Fig. 8.1: one output unit and its three strongest inputs, step by step.
        summary.add("neuron_unit", static_cast<long long>(trace.unit));
        for (std::size_t k = 0; k < trace.presynaptic.size(); ++k)
            summary.add("neuron_pre_" + std::to_string(k + 1) + "_unit",
                        static_cast<long long>(trace.presynaptic[k]));
        out.stage("one_neuron.csv", neuronTraceCsv(trace));
    }
    out.stage("settle.csv", csv.text());
    out.stage("summary.json", summary.text());
    char line[160];
    std::snprintf(line, sizeof line, "%s, %d steps, final distance %.3g, %.3g spikes/unit/step",
                  spiking ? spikeCodingName(s.spiking.coding) : "continuous", s.steps,
                  result.rows.back().distanceToFixedPoint, spikesPerUnitStep);
    return line;
}

Parameter realParameter(const std::string& key, const std::string& label, const std::string& help,
                        double fallback, double maximum, const std::string& group,
                        std::vector<std::string> aliases = {}) {
    return {.key = key,
            .label = label,
            .help = help,
            .valueName = "X",
            .minimum = 0.0,
            .maximum = maximum,
            .minimumExclusive = true,
            .fallback = fallback,
            .group = group,
            .decimals = 2,
            .aliases = std::move(aliases)};
}

std::vector<Parameter> parameters() {
    const std::string network = "Network", coding = "Spiking coding", settling = "Settling";
    std::vector<Parameter> list{
        {.key = "model",
         .kind = ParameterKind::Choice,
         .label = "Model",
         .help = "eqprop: continuous units, Euler steps; spiking-eqprop: units that send one "
                 "bit per step",
         .valueName = "M",
         .fallbackText = "spiking-eqprop",
         .choices = choices({{"spiking-eqprop", "Spiking (bits)"}, {"eqprop", "Continuous"}}),
         .group = network},
        {.key = "sizes",
         .kind = ParameterKind::SizeList,
         .label = "Layer sizes",
         .help = "Layer sizes, input first (2 to 8 layers); the input is clamped to a random x "
                 "∈ [0, 1] from the seed",
         .valueName = "SIZES",
         .minimum = 1,
         .maximum = 5000,
         .fallbackText = "500,500,10",
         .unit = "units",
         .group = network,
         .maximumCount = 8},
        seedParameter(network)};
    for (Parameter& p : spikingEqPropParameters(coding))
        list.push_back(std::move(p));
    const std::vector<Parameter> settle{
        {.key = "steps",
         .kind = ParameterKind::Integer,
         .label = "Steps",
         .help = "Settling steps",
         .valueName = "N",
         .minimum = 1,
         .maximum = 1'000'000,
         .fallback = 250,
         .unit = "steps",
         .group = settling,
         .logarithmic = true},
        {.key = "perturb-at",
         .kind = ParameterKind::Integer,
         .label = "Perturb at",
         .help = "Perturb at step T (Fig. 8.2 perturbs the output at t = 100)",
         .valueName = "T",
         .minimum = 1,
         .maximum = 1'000'000,
         .fallback = 100,
         .optional = true,
         .unsetMeans = "no perturbation",
         .unit = "step",
         .group = settling,
         .aliases = {"perturbAt"}},
        {.key = "perturb",
         .kind = ParameterKind::Choice,
         .label = "Perturbation",
         .help = "clamp: pull the output toward a random target with --beta (a new fixed point, "
                 "as EqProp's clamped phase); kick: add N(0, σ²) to every state (the same fixed "
                 "point)",
         .valueName = "P",
         .fallbackText = "clamp",
         .choices = choices({{"clamp", "Clamp output"}, {"kick", "Kick states"}}),
         .group = settling,
         .aliases = {"perturbation"}},
        realParameter("beta", "Clamp β", "Clamp strength", 1.0, 10.0, settling),
        realParameter("sigma", "Kick σ", "Kick size", 0.5, 10.0, settling),
        realParameter("epsilon", "Continuous ε",
                      "eqprop: Euler step of the continuous network (reference code: 0.5)", 0.5,
                      1.0, settling),
        {.key = "ensemble",
         .kind = ParameterKind::Integer,
         .label = "Compare schemes over",
         .help = "Also settle this many random networks (seeds S, S + 1, ...) with each of Fig. "
                 "8.2's schemes (continuous; stochastic; sigma-delta and predictive bits, "
                 "scheduled or OSA step sizes): ensemble.csv, the mean ± s.d. of log10 "
                 "distance; 0: off",
         .valueName = "N",
         .minimum = 0,
         .maximum = 100,
         .fallback = 0,
         .unit = "networks",
         .group = settling}};
    list.insert(list.end(), settle.begin(), settle.end());
    return list;
}

} // namespace

SettleRunSettings settleSettingsFrom(const ParameterValues& v) {
    SettleRunSettings s;
    s.model = parseSettleModel(v.text("model")).value();
    s.spiking = spikingEqPropSettings(v);
    s.sizes = sizeListEntries("--sizes", v.text("sizes"));
    s.steps = static_cast<int>(v.integer("steps"));
    if (v.isSet("perturb-at"))
        s.perturbAt = static_cast<int>(v.integer("perturb-at"));
    s.perturbation = parsePerturbationKind(v.text("perturb")).value();
    s.clampBeta = v.real("beta");
    s.kickSigma = v.real("sigma");
    s.epsilon = v.real("epsilon");
    s.seed = s.spiking.seed;
    return s;
}

const Experiment& equilibriumExperiment() {
    static const Experiment experiment{
        .id = "equilibrium",
        .command = "settle",
        .title = "Equilibrium",
        .usage = "sdlab-cli settle --model eqprop|spiking-eqprop [--encoder sigma-delta|stochastic|"
                 "predictive] [--steps N] [--perturb-at T] [--seed S] [--ensemble N] --out DIR",
        .description =
            "One settling of a random network on a random input (thesis §8.5.1, Fig. 8.2): the\n"
            "continuous network's fixed point is found first, then the model settles from zero.\n"
            "Writes settle.csv (t,distance_to_fixed_point,energy,spikes; distance = mean |s -\n"
            "s_fixed| over the non-input units, energy = E(s) of thesis eq. 2.9 plus the clamp\n"
            "term after a clamp perturbation, spikes sent at step t) and summary.json. With\n"
            "--ensemble N, also ensemble.csv (scheme,t,log10_distance_mean,log10_distance_sd)\n"
            "over N networks for each of Fig. 8.2's schemes. The spiking model with a hidden\n"
            "layer also writes one_neuron.csv (Fig. 8.1: one output unit's three strongest inputs\n"
            "pre_k and their spikes, its weighted_input, step_size, lambda, and its binary and\n"
            "continuous state; the unit, its fixed point nearest ½, in summary.json).",
        .parameters = parameters(),
        .outputs = {"settle.csv", "summary.json", "ensemble.csv", "one_neuron.csv"},
        .check = checkSettings,
        .upgrade = upgrade,
        .run = run};
    return experiment;
}

} // namespace sdlab
