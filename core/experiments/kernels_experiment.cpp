// The Kernels lab and `sdlab-cli kernels`: thesis ch. 6's kernels (Figs 6.4-6.5) and the
// weight trajectories of two random spike trains under them.
#include "experiments/kernels_experiment.h"

#include "data/spike_trains.h"
#include "experiment/common_parameters.h"
#include "experiment/experiment.h"
#include "experiments/kernel_trajectories_run.h"
#include "io/csv_table.h"
#include "io/json_writer.h"
#include "kernels/stdp_kernels.h"
#include "kernels/stdp_windows.h"

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
    const auto [pre, post] = kernelTrainsFrom(v);
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
        .add("density", v.real("density"))
        .add("seed", static_cast<long long>(v.seed()))
        .add("dynamics_total", run.dynamics.back())
        .add("approximate_total", run.approximate.back())
        .add("stdp_total", run.stdp.back());
    out.stage("kernels.csv", kernels.text());
    out.stage("trajectories.csv", trajectories.text());
    out.stage("windows.csv", windowsCsv.text());
    out.stage("summary.json", summary.text());
    char line[120];
    std::snprintf(line, sizeof line, "alpha %g, t = -%lld..%lld", alpha, span, span);
    return line;
}

} // namespace

KernelTrains kernelTrainsFrom(const ParameterValues& v) {
    std::mt19937_64 engine(v.seed());
    const auto steps = static_cast<std::size_t>(v.integer("steps"));
    KernelTrains trains;
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
        .usage = "sdlab-cli kernels --alpha A --span N [--steps N --density D --seed S] --out DIR",
        .description =
            "The kernels of thesis ch. 6 (Figs 6.4-6.5) for a decay alpha in (0, 1).\n"
            "Writes kernels.csv (t,pred,sym_stdp,delta,dyn_stdp) for t = -N..N, and\n"
            "trajectories.csv (t,pre,post,pre_trace,post_trace,dynamics,approximate,stdp): two\n"
            "random binary trains, their traces and the cumulative weight change of Fig. 6.5,\n"
            "run on until the tails decay, windows.csv (t,pd_same_sign,pd_opposite_sign,classic:\n"
            "ICLR'18 Fig. 4's weight change for a pre and a post spike t apart, PD-STDP with\n"
            "kp = 1 and kd = alpha/(1 - alpha) for spikes of the same and of opposite signs,\n"
            "and classic STDP with the same time constant), and summary.json (the settings\n"
            "and the three totals).",
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
                       stepsParameter(150, 10'000'000, "Length of the two binary spike trains",
                                      trains),
                       {.key = "density",
                        .label = "Spike probability per step",
                        .help = "Each step of each train spikes (value 1) with this probability",
                        .valueName = "D",
                        .minimum = 0.0,
                        .maximum = 1.0,
                        .fallback = 0.08,
                        .group = trains},
                       seedParameter(trains)},
        .outputs = {"kernels.csv", "trajectories.csv", "windows.csv", "summary.json"},
        .run = run};
    return experiment;
}

} // namespace sdlab
