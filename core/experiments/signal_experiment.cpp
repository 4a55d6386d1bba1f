// The Signal lab and `sdlab-cli pd`: one signal through PD coding (ICLR'18 Fig. 1).
#include "experiments/signal_experiment.h"

#include "experiment/common_parameters.h"
#include "experiment/experiment.h"
#include "experiments/pd_coding_run.h"
#include "experiments/weight_drift_run.h"
#include "io/csv_table.h"
#include "io/input_error.h"
#include "io/json_writer.h"

#include <algorithm>
#include <cstdio>
#include <optional>

namespace sdlab {

namespace {

using namespace common;

// kα = kd/(kp + kd), kβ = 1/(kp + kd) (spec §2) are the decoder's view of kp, kd: editing
// either pair sets the other.
void reconcileGains(ParameterValues& v, const std::string& changedKey) {
    if (changedKey == "k-alpha" || changedKey == "k-beta") {
        const PdParams p = PdParams::fromAlphaBeta(v.real("k-alpha"), v.real("k-beta"));
        v.set("kp", std::clamp(p.kp, 0.0, 1000.0));
        v.set("kd", std::clamp(p.kd, 0.0, 10000.0));
    }
    const double sum = v.real("kp") + v.real("kd");
    if (sum > 0.0) {
        v.set("k-alpha", std::min(0.999, v.real("kd") / sum));
        v.set("k-beta", std::clamp(1.0 / sum, 0.0001, 100.0));
    }
}

std::string checkGains(const ParameterValues& v) {
    const std::string error = PdParams{v.real("kp"), v.real("kd")}.validationError();
    return error.empty() ? error : "--kp/--kd: " + error;
}

std::string run(const ParameterValues& v, const RunContext&, OutputBundle& out) {
    const PdParams params = pdParams(v, "kp", "kd");
    const std::vector<double> x =
        v.text("input").empty() ? builtinSignal(v) : CsvTable::read(v.text("input")).column("x");
    const auto quantizer = parsePdQuantizerKind(v.text("quantizer")).value();
    const PdCodingRun run = runPdCoding(x, params, quantizer, v.seed());
    CsvWriter csv({"t", "x", "a", "s", "xhat"});
    for (std::size_t t = 0; t < x.size(); ++t)
        csv.addRow({static_cast<double>(t + 1), x[t], run.a[t], run.s[t], run.xHat[t]});
    // ICLR'18 Fig. 2 (needs kd > 0: kp = 0 with kd = 0 decodes nothing).
    std::optional<WeightDriftRun> drift;
    if (params.kd > 0.0) {
        drift = runWeightDrift(x, params, v.real("weight-drift"), quantizer, v.seed() + 1);
        CsvWriter driftCsv({"t", "w", "xw", "z_kp0", "z"});
        for (std::size_t t = 0; t < x.size(); ++t)
            driftCsv.addRow({static_cast<double>(t + 1), drift->w[t], drift->product[t],
                             drift->withoutKp[t], drift->withKp[t]});
        out.stage("drift.csv", driftCsv.text());
    }
    JsonObjectWriter summary;
    summary.add("source", sourceName(v))
        .add("steps", static_cast<long long>(x.size()))
        .add("spikes", run.spikes)
        .add("rmse", run.rmse)
        .add("kp", params.kp)
        .add("kd", params.kd)
        .add("k_alpha", params.kAlpha())
        .add("k_beta", params.kBeta())
        .add("quantizer", v.text("quantizer"));
    if (drift)
        summary.add("weight_drift", v.real("weight-drift"))
            .add("drift_rmse_kp0", drift->rmseWithoutKp)
            .add("drift_rmse", drift->rmseWithKp);
    out.stage("pd.csv", csv.text());
    out.stage("summary.json", summary.text());
    char line[160];
    std::snprintf(line, sizeof line, "%zu steps, %.0f spikes, rmse %.6g", x.size(), run.spikes,
                  run.rmse);
    return line;
}

} // namespace

std::vector<double> signalInputFrom(const ParameterValues& v) {
    return v.text("input").empty() ? common::builtinSignal(v)
                                   : CsvTable::read(v.text("input")).column("x");
}

const Experiment& signalExperiment() {
    const std::string input = "Input", coding = "PD coding";
    static const Experiment experiment{
        .id = "signal",
        .command = "pd",
        .title = "Signal",
        .usage = "sdlab-cli pd [--input FILE.csv | --signal KIND --steps N --seed S] --kp KP "
                 "--kd KD [--quantizer Q] [--weight-drift S] --out DIR",
        .description =
            "PD-encode, sigma-delta quantize and decode one signal (ICLR'18 eqs. 3-5, Fig. 1).\n"
            "Reads column x; writes pd.csv (t,x,a,s,xhat) and summary.json (spikes, rmse, kp, "
            "kd,\nk_alpha, k_beta). With kd > 0 also drift.csv (t,w,xw,z_kp0,z, ICLR'18 Fig. "
            "2): x times\na weight drifting by --weight-drift per step, decoded from the "
            "weighted spikes with\nkp = 0 and with --kp (summary: drift_rmse_kp0, "
            "drift_rmse).",
        .parameters =
            {signalParameter(input),
             csvInputParameter("Signal from CSV (column x)",
                               "CSV file with a column x; replaces the built-in signal", {"signal"},
                               input),
             stepsParameter(400, 100'000'000, "Number of time steps of the built-in signal", input),
             seedParameter(input),
             kpParameter("kp", 0.1, coding),
             kdParameter("kd", 2.0, coding),
             {.key = "k-alpha",
              .label = "kα = kd/(kp + kd)",
              .help = "Decoder memory: y_t = kβ·s_t + kα·y_{t−1} (spec §2); editing kα or kβ "
                      "sets kp = (1 − kα)/kβ, kd = kα/kβ",
              .minimum = 0.0,
              .maximum = 0.999,
              .fallback = 2.0 / 2.1,
              .group = coding,
              .decimals = 4,
              .aliases = {"kalpha"},
              .scope = ParameterScope::Lab},
             {.key = "k-beta",
              .label = "kβ = 1/(kp + kd)",
              .help = "Decoder gain per spike: y_t = kβ·s_t + kα·y_{t−1} (spec §2)",
              .minimum = 0.0001,
              .maximum = 100.0,
              .fallback = 1.0 / 2.1,
              .group = coding,
              .decimals = 4,
              .logarithmic = true,
              .aliases = {"kbeta"},
              .scope = ParameterScope::Lab},
             {.key = "quantizer",
              .kind = ParameterKind::Choice,
              .label = "Quantizer",
              .help = "Sigma-delta Q keeps a residual |φ| ≤ ½ so errors cancel over time; "
                      "rounding and stochastic rounding (seeded) are memoryless",
              .valueName = "Q",
              .fallbackText = "sigma-delta",
              .choices = choices({{"sigma-delta", "Sigma-delta Q"},
                                  {"rounding", "Rounding R"},
                                  {"stochastic", "Stochastic rounding"}}),
              .group = coding},
             {.key = "weight-drift",
              .label = "Weight drift per step",
              .help = "ICLR'18 Fig. 2: x is also multiplied by a weight w that drifts as a "
                      "random walk from 1 (this standard deviation per step) and decoded as "
                      "dec(Q(enc(x))·w), with kp = 0 and with the chosen kp (drift.csv)",
              .valueName = "S",
              .minimum = 0.0,
              .maximum = 1.0,
              .fallback = 0.03,
              .group = "Drifting weight (Fig. 2)",
              .decimals = 4,
              .logarithmic = true}},
        .outputs = {"pd.csv", "summary.json", "drift.csv"},
        .reconcile = reconcileGains,
        .check = checkGains,
        .run = run};
    return experiment;
}

} // namespace sdlab
