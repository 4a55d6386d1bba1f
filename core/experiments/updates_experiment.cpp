// The Update-rules lab and `sdlab-cli updates`: the four equal weight-update forms on one
// synapse (ICLR'18 Fig. 9, spec §3).
#include "experiments/updates_experiment.h"

#include "data/signals.h"
#include "data/spike_trains.h"
#include "experiment/common_parameters.h"
#include "experiment/experiment.h"
#include "experiments/pd_coding_run.h"
#include "experiments/update_rules_run.h"
#include "io/csv_table.h"
#include "io/json_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

namespace sdlab {

namespace {

using namespace common;

UpdateRuleParams gains(const ParameterValues& v) {
    UpdateRuleParams params;
    params.pre = {v.real("kp"), v.real("kd")};
    params.post = {v.realOr("kp-post", params.pre.kp), v.realOr("kd-post", params.pre.kd)};
    return params;
}

std::string checkGains(const ParameterValues& v) {
    if (v.text("trains") == "signals" && !v.text("input").empty())
        return "--trains signals codes built-in signals; --input gives the trains: use one";
    const UpdateRuleParams params = gains(v);
    for (const auto& [which, p] :
         {std::pair{"--kp/--kd", params.pre}, std::pair{"--kp-post/--kd-post", params.post}})
        if (const std::string error = p.validationError(); !error.empty())
            return std::string(which) + ": " + error;
    if (const std::string error = params.validationError(); !error.empty())
        return "--kp/--kd: " + error;
    return {};
}

Parameter postGain(Parameter p, const std::string& of, const std::string& alias) {
    p.optional = true;
    p.unsetMeans = "the presynaptic " + of;
    p.help = "Error side's " + of + ", if it differs: " + p.help;
    p.label = of + " (postsynaptic)";
    p.aliases = {alias};
    return p;
}

// Version 1 of the Update-rules lab set the post side's gains on their own (0.1 and 1).
void upgrade(std::map<std::string, ParameterValue>& values) {
    keepVersion1Defaults(values, {{"kpPost", 0.1}, {"kdPost", 1.0}});
}

std::string run(const ParameterValues& v, const RunContext&, OutputBundle& out) {
    const UpdatesInput in = updatesInputFrom(v);
    const auto& [xBar, eBar, x, e, params, source] = in;
    const UpdateRulesRun run = runUpdateRules(xBar, eBar, params);
    CsvWriter csv({"t", "xhat", "ehat", "recon", "past", "future", "stdp"});
    for (std::size_t t = 0; t < xBar.size(); ++t)
        csv.addRow({static_cast<double>(t + 1), run.xHat[t], run.eHat[t], run.recon[t], run.past[t],
                    run.future[t], run.stdp[t]});
    const auto totals = {run.reconTotal, run.pastTotal, run.futureTotal, run.stdpTotal};
    const double scale = std::max({std::abs(run.reconTotal), std::abs(run.pastTotal),
                                   std::abs(run.futureTotal), std::abs(run.stdpTotal), 1e-300});
    const double spread = std::max(totals) - std::min(totals);
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
    if (!in.x.empty()) { // ICLR'18 Fig. 3: the true gradient beside the reconstructed one
        CsvWriter signals({"t", "x", "e", "xbar", "ebar", "true_product", "recon_product"});
        double trueTotal = 0.0;
        for (std::size_t t = 0; t < in.x.size(); ++t) {
            signals.addRow({static_cast<double>(t + 1), in.x[t], in.e[t], xBar[t], eBar[t],
                            in.x[t] * in.e[t], run.xHat[t] * run.eHat[t]});
            trueTotal += in.x[t] * in.e[t];
        }
        out.stage("gradient.csv", signals.text());
        summary.add("true_total", trueTotal);
    }
    out.stage("updates.csv", csv.text());
    out.stage("summary.json", summary.text());
    char line[160];
    std::snprintf(line, sizeof line, "totals recon %.12g past %.12g future %.12g stdp %.12g",
                  run.reconTotal, run.pastTotal, run.futureTotal, run.stdpTotal);
    return line;
}

} // namespace

UpdatesInput updatesInputFrom(const ParameterValues& v) {
    UpdatesInput in;
    in.gains = gains(v);
    in.source = "random";
    if (!v.text("input").empty()) {
        const CsvTable table = CsvTable::read(v.text("input"));
        in.xBar = table.column("xbar");
        in.eBar = table.column("ebar");
        requireWholeNumbers(in.xBar, table.sourceName() + ", column 'xbar'");
        requireWholeNumbers(in.eBar, table.sourceName() + ", column 'ebar'");
        in.source = v.text("input");
    } else if (v.text("trains") == "signals") {
        in.x = builtinSignal(v);
        const auto kind = parseSignalKind(v.text("signal")).value();
        in.e = makeSignal(kind, in.x.size(), v.seed() + 1);
        in.xBar = runPdCoding(in.x, in.gains.pre).s; // Q(enc(x)), ICLR'18 eqs 3-4
        in.eBar = runPdCoding(in.e, in.gains.post).s;
        in.source = "signal:" + v.text("signal");
    } else {
        std::mt19937_64 engine(v.seed());
        const auto steps = static_cast<std::size_t>(v.integer("steps"));
        in.xBar = randomSpikeTrain(steps, v.real("density"), engine);
        in.eBar = randomSpikeTrain(steps, v.real("density"), engine);
    }
    return in;
}

const Experiment& updatesExperiment() {
    const std::string trains = "Spike trains", pre = "Presynaptic coding",
                      post = "Postsynaptic coding";
    static const Experiment experiment{
        .id = "updates",
        .command = "updates",
        .title = "Update rules",
        .usage = "sdlab-cli updates [--input FILE.csv | --steps N --density D --seed S | --trains "
                 "signals --signal KIND --steps N --seed S] --kp KP --kd KD --out DIR",
        .description =
            "The four weight-update forms on one synapse (ICLR'18 Fig. 9, spec §3).\n"
            "Reads integer columns xbar and ebar; writes updates.csv (t,xhat,ehat,recon,past,\n"
            "future,stdp; cumulative) and summary.json with the totals summed to infinity\n"
            "(recon_total, past_total, future_total, stdp_total), which agree. --trains signals\n"
            "codes two built-in signals instead and adds gradient.csv (t,x,e,xbar,ebar,\n"
            "true_product,recon_product) and true_total (ICLR'18 Fig. 3).",
        .parameters = {{.key = "trains",
                        .kind = ParameterKind::Choice,
                        .label = "Trains",
                        .help = "random: two random ±1 trains; signals: two built-in signals x "
                                "and e (seed, seed + 1) coded by each side's PD encoder and Σ-Δ "
                                "quantizer, so the true gradient x·e can be set beside the "
                                "reconstructed x̂·ê (ICLR'18 Fig. 3); gradient.csv",
                        .valueName = "KIND",
                        .fallbackText = "random",
                        .choices = choices(
                            {{"random", "Random spikes"}, {"signals", "Coded signals (Fig. 3)"}}),
                        .group = trains},
                       stepsParameter(200, 10'000'000, "Length of both trains", trains),
                       {.key = "density",
                        .label = "Spike probability per step",
                        .help = "Each step of the random trains spikes ±1 with this probability",
                        .valueName = "D",
                        .minimum = 0.0,
                        .maximum = 1.0,
                        .fallback = 0.1,
                        .group = trains,
                        .shownWhenKey = "trains",
                        .shownWhenValues = {"random"}},
                       [&] {
                           Parameter p = signalParameter(trains);
                           p.help = "--trains signals: the kind of x and of e (seed + 1)";
                           p.shownWhenKey = "trains";
                           p.shownWhenValues = {"signals"};
                           return p;
                       }(),
                       seedParameter(trains),
                       csvInputParameter("Trains from CSV (columns xbar, ebar)",
                                         "CSV file with integer columns xbar and ebar; replaces "
                                         "the random trains",
                                         {}, trains),
                       kpParameter("kp", 0.1, pre),
                       kdParameter("kd", 1.0, pre),
                       postGain(kpParameter("kp-post", 0.1, post), "kp", "kpPost"),
                       postGain(kdParameter("kd-post", 1.0, post), "kd", "kdPost")},
        .outputs = {"updates.csv", "summary.json", "gradient.csv"},
        .check = checkGains,
        .upgrade = upgrade,
        .run = run};
    return experiment;
}

} // namespace sdlab
