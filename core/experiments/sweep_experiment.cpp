// The Sweep lab and `sdlab-cli sweep`: PD coding over a (kp, kd) grid (ICLR'18 Fig. 10).
#include "experiments/sweep_experiment.h"

#include "data/signals.h"
#include "experiment/common_parameters.h"
#include "experiment/experiment.h"
#include "experiments/pd_sweep.h"
#include "io/csv_table.h"
#include "io/input_error.h"
#include "io/json_writer.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>

namespace sdlab {

namespace {

using namespace common;

Parameter gridParameter(const std::string& key, const std::string& label,
                        const std::string& fallback, const std::string& group) {
    return {.key = key,
            .kind = ParameterKind::Range,
            .label = label,
            .help = "N values of " + key +
                    " from MIN to MAX inclusive; the cost grows with the "
                    "product of both N",
            .valueName = "MIN:MAX:N",
            .minimum = 0,
            .maximum = 1e6,
            .fallbackText = fallback,
            .required = true,
            .group = group};
}

// --cell KP,KD: the (kp, kd) whose traces cell.csv holds; nothing when not given.
std::optional<PdParams> cellParams(const ParameterValues& v) {
    const std::string text = v.text("cell");
    if (text.empty())
        return std::nullopt;
    const std::size_t comma = text.find(',');
    const auto number = [&](std::string_view part) -> std::optional<double> {
        double value = 0.0;
        const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value);
        if (error != std::errc() || end != part.data() + part.size() || !std::isfinite(value))
            return std::nullopt;
        return value;
    };
    const std::optional<double> kp =
        comma == std::string::npos ? std::nullopt : number(std::string_view(text).substr(0, comma));
    const std::optional<double> kd = comma == std::string::npos
                                         ? std::nullopt
                                         : number(std::string_view(text).substr(comma + 1));
    if (!kp || !kd)
        throw InputError("--cell: expected KP,KD (two numbers), got '" + text + "'");
    const PdParams params{*kp, *kd};
    if (const std::string error = params.validationError(); !error.empty())
        throw InputError("--cell: " + error);
    return params;
}

std::string checkGrid(const ParameterValues& v) {
    cellParams(v); // throws InputError naming --cell
    const bool log = v.flag("log");
    const std::vector<double> kp = rangeValues("--kp", v.text("kp"), log);
    const std::vector<double> kd = rangeValues("--kd", v.text("kd"), log);
    if (kp.front() == 0.0 && kd.front() == 0.0)
        return "--kp/--kd: the grid contains kp = kd = 0, where the decoder divides by kp + kd = "
               "0";
    return {};
}

// Version 1 of the Sweep lab: each grid as from/to fields with one shared size, and the
// spacing as a choice.
void upgrade(std::map<std::string, ParameterValue>& values) {
    keepVersion1Defaults(values, {{"spacing", std::string("log")}});
    const auto take = [&](const char* key, const char* fallback) {
        std::string text = fallback;
        if (const auto it = values.find(key); it != values.end()) {
            text = formatParameterValue(normalizedValue({.kind = ParameterKind::Real}, it->second));
            values.erase(it);
        }
        return text;
    };
    const bool hasGrid = values.count("kpMin") || values.count("kpMax") || values.count("kdMin") ||
                         values.count("kdMax") || values.count("grid");
    if (hasGrid) {
        std::string count = "32";
        if (const auto it = values.find("grid"); it != values.end()) {
            count =
                formatParameterValue(normalizedValue({.kind = ParameterKind::Integer}, it->second));
            values.erase(it);
        }
        values["kp"] = take("kpMin", "0.01") + ":" + take("kpMax", "10") + ":" + count;
        values["kd"] = take("kdMin", "0.01") + ":" + take("kdMax", "100") + ":" + count;
    }
    if (const auto it = values.find("spacing"); it != values.end()) {
        const auto* spacing = std::get_if<std::string>(&it->second);
        values["log"] = spacing && *spacing == "log";
        values.erase("spacing");
    }
}

std::string run(const ParameterValues& v, const RunContext& context, OutputBundle& out) {
    const bool log = v.flag("log");
    const std::vector<double> kp = rangeValues("--kp", v.text("kp"), log);
    const std::vector<double> kd = rangeValues("--kd", v.text("kd"), log);
    const auto [x, w] = sweepInputFrom(v);
    const SweepResult result = runPdSweep(x, w, kp, kd, context.progress);
    if (result.cancelled)
        throw RunCancelled();
    CsvWriter csv({"kp", "kd", "cos_nonstationary", "cos_quantization", "cos_full", "spikes"});
    const SweepPoint* best = &result.points.front();
    for (const SweepPoint& p : result.points) {
        csv.addRow({p.kp, p.kd, p.cosNonstationary, p.cosQuantization, p.cosFull, p.spikes});
        if (p.cosFull > best->cosFull)
            best = &p;
    }
    JsonObjectWriter summary;
    summary.add("source", sourceName(v))
        .add("steps", static_cast<long long>(x.size()))
        .add("kp_count", static_cast<long long>(kp.size()))
        .add("kd_count", static_cast<long long>(kd.size()))
        .addBool("log", log)
        .add("best_kp", best->kp)
        .add("best_kd", best->kd)
        .add("best_cos_full", best->cosFull)
        .add("best_spikes", best->spikes);
    if (const std::optional<PdParams> cell = cellParams(v)) {
        // ICLR'18 Fig. 10's three traces for one cell (x⊙w and each reconstruction).
        const SweepTraces traces = sweepPointTraces(x, w, *cell);
        CsvWriter cellCsv({"t", "product", "nonstationary", "quantization", "full"});
        for (std::size_t t = 0; t < traces.product.size(); ++t)
            cellCsv.addRow({static_cast<double>(t), traces.product[t], traces.nonstationary[t],
                            traces.quantization[t], traces.full[t]});
        out.stage("cell.csv", cellCsv.text());
        summary.add("cell_kp", cell->kp).add("cell_kd", cell->kd);
    }
    out.stage("sweep.csv", csv.text());
    out.stage("summary.json", summary.text());
    char line[120];
    std::snprintf(line, sizeof line, "%zu x %zu grid over %zu steps", kp.size(), kd.size(),
                  x.size());
    return line;
}

} // namespace

SweepInput sweepInputFrom(const ParameterValues& v) {
    SweepInput in;
    if (!v.text("input").empty()) {
        const CsvTable table = CsvTable::read(v.text("input"));
        in.x = table.column("x");
        in.w = table.column("w");
    } else {
        in.x = common::builtinSignal(v);
        in.w = makeSweepWeight(in.x.size(), v.seed());
    }
    return in;
}

const Experiment& sweepExperiment() {
    const std::string grid = "Grid", input = "Input";
    static const Experiment experiment{
        .id = "sweep",
        .command = "sweep",
        .title = "Sweep",
        .usage = "sdlab-cli sweep [--input FILE.csv | --signal KIND --steps N --seed S] --kp "
                 "MIN:MAX:N --kd MIN:MAX:N [--log] [--cell KP,KD] --out DIR",
        .description =
            "Sweep (kp, kd) over a grid (ICLR'18 Fig. 10, thesis Fig. C.2), using all cores.\n"
            "Reads columns x and w; writes sweep.csv (kp,kd,cos_nonstationary,cos_quantization,\n"
            "cos_full,spikes), kp in the outer loop, and summary.json. Without --input, x is the\n"
            "built-in signal and w a smooth signal with seed S+1. --cell KP,KD also writes\n"
            "cell.csv, that cell's traces.",
        .parameters = {gridParameter("kp", "kp grid", "0.01:10:32", grid),
                       gridParameter("kd", "kd grid", "0.01:100:32", grid),
                       {.key = "log",
                        .kind = ParameterKind::Flag,
                        .label = "Logarithmic spacing",
                        .help = "Space the values geometrically, as ICLR'18 Fig. 10 (needs MIN "
                                "> 0)",
                        .group = grid},
                       signalParameter(input),
                       csvInputParameter("Signals from CSV (columns x, w)",
                                         "CSV file with columns x and w; replaces the built-in "
                                         "signal and weight",
                                         {"signal"}, input),
                       stepsParameter(2000, 100'000'000,
                                      "Length of x and of the weight signal w (smooth random, "
                                      "seed + 1)",
                                      input),
                       seedParameter(input),
                       {.key = "cell",
                        .kind = ParameterKind::Text,
                        .label = "Traces of one cell",
                        .help = "Also write cell.csv (t,product,nonstationary,quantization,full): "
                                "x⊙w and the three reconstructions the maps compare with it, "
                                "at this (kp, kd) (ICLR'18 Figs 2, 10); the lab shows them for "
                                "the clicked cell",
                        .valueName = "KP,KD",
                        .group = grid,
                        .scope = ParameterScope::CommandLine}},
        .outputs = {"sweep.csv", "summary.json", "cell.csv"},
        .check = checkGrid,
        .upgrade = upgrade,
        .run = run};
    return experiment;
}

} // namespace sdlab
