// The Kernels lab and `sdlab-cli kernels`: thesis ch. 6's kernels (Figs 6.4-6.5) and the
// weight trajectories of two random spike trains under them.
#include "experiments/kernels_experiment.h"

#include "data/signals.h"
#include "data/spike_trains.h"
#include "experiment/common_parameters.h"
#include "experiment/experiment.h"
#include "experiments/kernel_trajectories_run.h"
#include "io/csv_table.h"
#include "io/input_error.h"
#include "io/json_writer.h"
#include "kernels/stdp_kernels.h"
#include "kernels/stdp_windows.h"

#include <algorithm>
#include <cstdio>
#include <random>

namespace sdlab {

namespace {

using namespace common;

std::string run(const ParameterValues& v, const RunContext&, OutputBundle& out) {
    const double alpha = v.real("alpha");
    const long long span = v.integer("span");
    CsvWriter kernels({"t", "pred", "sym_stdp", "delta", "dyn_stdp"});
    for (long long t = -span; t <= span; ++t)
        kernels.addRow({static_cast<double>(t), kappaPred(t, alpha), kappaSymStdp(t, alpha),
                        kappaDelta(t), kappaDynStdp(t, alpha)});
    const StdpWindows windows = stdpWindowsFor(alpha, static_cast<long>(span));
    CsvWriter windowsCsv({"t", "pd_same_sign", "pd_opposite_sign", "classic"});
    for (long t = -static_cast<long>(span); t <= span; ++t)
        windowsCsv.addRow({static_cast<double>(t), windows.sameSign.at(t),
                           windows.oppositeSign.at(t), windows.classic.at(t)});
    const auto [pre, post, signals] = kernelTrainsFrom(v);
    const KernelTrajectoriesRun run = runKernelTrajectories(pre, post, alpha);
    CsvWriter trajectories(
        {"t", "pre", "post", "pre_trace", "post_trace", "dynamics", "approximate", "stdp"});
    for (std::size_t t = 0; t < run.dynamics.size(); ++t)
        trajectories.addRow({static_cast<double>(t + 1), t < pre.size() ? pre[t] : 0.0,
                             t < post.size() ? post[t] : 0.0, run.preTrace[t], run.postTrace[t],
                             run.dynamics[t], run.approximate[t], run.stdp[t]});
    JsonObjectWriter summary;
    summary.add("alpha", alpha)
        .add("span", span)
        .add("steps", static_cast<long long>(pre.size()))
        .add("trains", v.text("trains"))
        .add("seed", static_cast<long long>(v.seed()))
        .add("dynamics_total", run.dynamics.back())
        .add("approximate_total", run.approximate.back())
        .add("stdp_total", run.stdp.back());
    if (signals) {
        const KernelSignalRates rates = kernelSignalRates(*signals, run);
        CsvWriter signalsCsv({"t", "pre_signal", "post_signal", "pre_encoded", "post_encoded",
                              "post_rate", "post_recon_rate", "unquantized"});
        for (std::size_t t = 0; t < rates.unquantized.size(); ++t) {
            auto at = [t](const std::vector<double>& x) { return t < x.size() ? x[t] : 0.0; };
            signalsCsv.addRow({static_cast<double>(t + 1), at(signals->pre), at(signals->post),
                               at(signals->preCoding.encoded), at(signals->postCoding.encoded),
                               rates.postRate[t], rates.postReconRate[t], rates.unquantized[t]});
        }
        summary.add("quantizer", v.text("quantizer"))
            .add("scale", signals->scale)
            .add("source",
                 v.text("input").empty() ? std::string("built-in smooth signals") : v.text("input"))
            .add("unquantized_total", rates.unquantized.back());
        out.stage("signals.csv", signalsCsv.text());
    } else {
        summary.add("density", v.real("density"));
    }
    out.stage("kernels.csv", kernels.text());
    out.stage("trajectories.csv", trajectories.text());
    out.stage("windows.csv", windowsCsv.text());
    out.stage("summary.json", summary.text());
    char line[120];
    std::snprintf(line, sizeof line, "alpha %g, t = -%lld..%lld", alpha, span, span);
    return line;
}

} // namespace

namespace {

// Two smooth random signals in [0, 1] (½ + ¼·unit-s.d. smooth noise, clipped), like
// the randomly generated signals of Fig. 6.5.
std::vector<double> builtinKernelSignal(std::size_t steps, std::uint64_t seed) {
    std::vector<double> x = makeSignal(SignalKind::Smooth, steps, seed);
    for (double& value : x)
        value = std::clamp(0.5 + 0.25 * value, 0.0, 1.0);
    return x;
}

KernelSignals kernelSignalsFrom(const ParameterValues& v) {
    KernelSignals signals;
    if (const std::string& input = v.text("input"); !input.empty()) {
        const CsvTable table = CsvTable::read(input);
        signals.pre = table.column("pre");
        signals.post = table.column("post");
        if (signals.pre.empty())
            throw InputError(table.sourceName() + ": no rows of pre and post");
    } else {
        const auto steps = static_cast<std::size_t>(v.integer("steps"));
        signals.pre = builtinKernelSignal(steps, v.seed());
        signals.post = builtinKernelSignal(steps, v.seed() + 1);
    }
    const double alpha = v.real("alpha");
    // Thesis §6.3.4: x^E must be mostly in [0, 1], so the signals are scaled before
    // coding; s = 1/(1 − α) makes x^E ≈ h for a slow h in [0, 1].
    signals.scale = v.isSet("scale") ? v.real("scale") : 1.0 / (1.0 - alpha);
    for (std::vector<double>* h : {&signals.pre, &signals.post})
        for (double& value : *h)
            value *= signals.scale;
    const BitQuantizer quantizer = *parseBitQuantizer(v.text("quantizer"));
    signals.preCoding = encodePredictive(signals.pre, alpha, quantizer, v.seed() + 2);
    signals.postCoding = encodePredictive(signals.post, alpha, quantizer, v.seed() + 3);
    return signals;
}

Parameter signalsQuantizerParameter(const std::string& group) {
    return {.key = "quantizer",
            .kind = ParameterKind::Choice,
            .label = "Quantizer",
            .help = "How eq. 6.5 turns x^E into bits (thesis §6.3.4): threshold [x^E > ½], "
                    "random [x^E > U(0, 1)], or sigma-delta [φ + x^E > ½] carrying φ",
            .valueName = "Q",
            .fallbackText = "threshold",
            .choices = choices({{"threshold", "Threshold"},
                                {"random", "Random (Bernoulli)"},
                                {"sigma-delta", "Sigma-delta"}}),
            .group = group,
            .shownWhenKey = "trains",
            .shownWhenValues = {"signals"}};
}

Parameter signalsInputParameter(const std::string& group) {
    Parameter input = csvInputParameter(
        "Signals file",
        "A CSV with columns pre and post: h_i and h_j, best in [0, 1] (eq. 6.5 codes them as "
        "they are); empty: two built-in smooth signals",
        {}, group);
    input.shownWhenKey = "trains";
    input.shownWhenValues = {"signals"};
    return input;
}

} // namespace

KernelSignalRates kernelSignalRates(const KernelSignals& signals,
                                    const KernelTrajectoriesRun& run) {
    // Past their end both signals are 0, as the trajectories' tails take the trains to be.
    const std::size_t steps = run.postTrace.size();
    std::vector<double> pre = signals.pre, post = signals.post;
    pre.resize(steps, 0.0);
    post.resize(steps, 0.0);
    KernelSignalRates rates;
    rates.postRate = centralDifference(post);
    rates.postReconRate = centralDifference(run.postTrace); // x^R = x^Q * κ_pred
    rates.unquantized = dynamicsWeightChange(pre, post);
    return rates;
}

KernelTrains kernelTrainsFrom(const ParameterValues& v) {
    KernelTrains trains;
    if (v.text("trains") == "signals") {
        trains.signals = kernelSignalsFrom(v);
        trains.pre = trains.signals->preCoding.bits;
        trains.post = trains.signals->postCoding.bits;
        return trains;
    }
    std::mt19937_64 engine(v.seed());
    const auto steps = static_cast<std::size_t>(v.integer("steps"));
    trains.pre = randomSpikeTrain(steps, v.real("density"), engine, false);
    trains.post = randomSpikeTrain(steps, v.real("density"), engine, false);
    return trains;
}

const Experiment& kernelsExperiment() {
    const std::string kernel = "Kernels", trains = "Spike trains";
    static const Experiment experiment{
        .id = "kernels",
        .command = "kernels",
        .title = "Kernels",
        .usage = "sdlab-cli kernels --alpha A --span N [--trains random --steps N --density D | "
                 "--trains signals --quantizer Q [--input FILE.csv | --steps N] [--scale S]] "
                 "[--seed S] --out DIR",
        .description =
            "The kernels of thesis ch. 6 (Figs 6.4-6.5) for a decay alpha in (0, 1).\n"
            "Writes kernels.csv (t,pred,sym_stdp,delta,dyn_stdp) for t = -N..N, and\n"
            "trajectories.csv (t,pre,post,pre_trace,post_trace,dynamics,approximate,stdp): two\n"
            "random binary trains, their traces and the cumulative weight change of Fig. 6.5,\n"
            "run on until the tails decay, windows.csv (t,pd_same_sign,pd_opposite_sign,classic:\n"
            "ICLR'18 Fig. 4's weight change for a pre and a post spike t apart, PD-STDP with\n"
            "kp = 1 and kd = alpha/(1 - alpha) for spikes of the same and of opposite signs,\n"
            "and classic STDP with the same time constant), and summary.json (the settings\n"
            "and the three totals). With --trains signals the trains are the bitstreams of two\n"
            "signals in [0, 1] (the input's columns pre and post, or two built-in smooth ones),\n"
            "scaled by --scale (default 1/(1 - alpha)), under the predictive-coding circuit of\n"
            "eq. 6.5 and a threshold, random or\n"
            "sigma-delta quantizer, and signals.csv (t,pre_signal,post_signal,pre_encoded,\n"
            "post_encoded,post_rate,post_recon_rate,unquantized) adds Fig. 6.5's signals, the\n"
            "rates h_j * kappa_delta and h_j^R * kappa_delta, and the weight change of eq. 6.2\n"
            "on the unquantized signals.",
        .parameters = {{.key = "alpha",
                        .label = "Decay α",
                        .help = "Decoder decay: x^R = x^Q * κ_pred with κ_pred(t) = α^t (thesis "
                                "§6.3.4)",
                        .valueName = "A",
                        .minimum = 0.0,
                        .maximum = 1.0,
                        .minimumExclusive = true,
                        .maximumExclusive = true,
                        .fallback = 0.8,
                        .required = true,
                        .group = kernel},
                       {.key = "span",
                        .kind = ParameterKind::Integer,
                        .label = "Kernel window ±",
                        .help = "The kernels are written for t = −span … span",
                        .valueName = "N",
                        .minimum = 1,
                        .maximum = 1'000'000,
                        .fallback = 12,
                        .required = true,
                        .unit = "steps",
                        .group = kernel,
                        .logarithmic = true},
                       {.key = "trains",
                        .kind = ParameterKind::Choice,
                        .label = "Spike trains from",
                        .help = "Two random binary trains, or two continuous signals coded by "
                                "the predictive-coding circuit of thesis eq. 6.5 (Fig. 6.5)",
                        .valueName = "T",
                        .fallbackText = "random",
                        .choices = choices(
                            {{"random", "Random trains"}, {"signals", "Two signals, eq. 6.5"}}),
                        .group = trains},
                       stepsParameter(150, 10'000'000,
                                      "Length of the random trains or the built-in signals",
                                      trains),
                       {.key = "density",
                        .label = "Spike probability per step",
                        .help = "Each step of each train spikes (value 1) with this probability",
                        .valueName = "D",
                        .minimum = 0.0,
                        .maximum = 1.0,
                        .fallback = 0.08,
                        .group = trains,
                        .shownWhenKey = "trains",
                        .shownWhenValues = {"random"}},
                       signalsQuantizerParameter(trains),
                       signalsInputParameter(trains),
                       {.key = "scale",
                        .label = "Signal scale s",
                        .help = "The signals are coded as s·h (thesis §6.3.4: x^E must be "
                                "mostly in [0, 1]); every curve is in these coded units",
                        .valueName = "S",
                        .minimum = 0.0,
                        .maximum = 1e6,
                        .minimumExclusive = true,
                        .fallback = 10.0,
                        .optional = true,
                        .unsetMeans = "1/(1 − α)",
                        .group = trains,
                        .decimals = 2,
                        .logarithmic = true,
                        .shownWhenKey = "trains",
                        .shownWhenValues = {"signals"}},
                       seedParameter(trains)},
        .outputs = {"kernels.csv", "trajectories.csv", "windows.csv", "signals.csv",
                    "summary.json"},
        .run = run};
    return experiment;
}

} // namespace sdlab
