// The Encoders lab and `sdlab-cli encode`: one input through rate, latency and delta
// coding (snnTorch paper §II-B, spec §8) and PD + sigma-delta (spec §2).
#include "experiments/encoders_experiment.h"

#include "data/channel_patterns.h"
#include "encoders/encoder_conventions.h"
#include "experiment/common_parameters.h"
#include "experiment/experiment.h"
#include "experiments/channel_encoding_run.h"
#include "io/csv_table.h"
#include "io/input_error.h"
#include "io/json_writer.h"

#include <cmath>
#include <cstdio>

namespace sdlab {

namespace {

using namespace common;

ChannelEncoding methodOf(const std::string& name) {
    if (name == "rate")
        return ChannelEncoding::Rate;
    if (name == "latency")
        return ChannelEncoding::Latency;
    return name == "delta" ? ChannelEncoding::Delta : ChannelEncoding::Pd;
}

// Version 1 of the Encoders lab spelled the latency curve as a choice.
void upgrade(std::map<std::string, ParameterValue>& values) {
    keepVersion1Defaults(
        values,
        {{"tau", 30.0}, {"latencyThreshold", 0.2}, {"deltaThreshold", 0.05}, {"steps", 200.0}});
    if (const auto it = values.find("latencyShape"); it != values.end()) {
        const auto* shape = std::get_if<std::string>(&it->second);
        values["linear"] = shape && *shape == "linear";
        values.erase(it);
    }
}

std::string run(const ParameterValues& v, const RunContext&, OutputBundle& out) {
    const std::string& method = v.text("method");
    const ChannelEncodingOptions settings = encodingOptionsFrom(v, methodOf(method));
    const auto [channels, names] = encoderInputFrom(v, settings.method == ChannelEncoding::Rate);
    if (static_cast<double>(channels.size()) * static_cast<double>(settings.steps) > 1e8)
        throw InputError("channels × steps must stay under 1e8");

    const std::vector<ChannelSpike> spikes = runChannelEncoding(channels, settings);
    CsvWriter csv({"t", "channel", "value"});
    std::vector<double> counts(channels.size(), 0.0);
    for (const ChannelSpike& s : spikes) {
        csv.addRow({static_cast<double>(s.step), static_cast<double>(s.channel), s.value});
        counts[static_cast<std::size_t>(s.channel)] += std::abs(s.value);
    }
    std::string nameList = "[", countList = "[";
    for (std::size_t c = 0; c < channels.size(); ++c) {
        if (c > 0) {
            nameList += ", ";
            countList += ", ";
        }
        nameList += JsonObjectWriter::quote(names[c]);
        countList += formatNumber(counts[c]);
    }
    JsonObjectWriter summary;
    summary.add("method", method)
        .add("steps", static_cast<long long>(settings.steps))
        .add("events", static_cast<long long>(spikes.size()))
        .addRaw("channels", nameList + "]")
        .addRaw("spike_counts", countList + "]");
    out.stage("spikes.csv", csv.text());
    out.stage("summary.json", summary.text());
    char line[120];
    std::snprintf(line, sizeof line, "%s, %zu channels, %zu events", method.c_str(),
                  channels.size(), spikes.size());
    return line;
}

Parameter thresholdParameter(const std::string& key, const std::string& label,
                             const std::string& help, double fallback, const std::string& alias,
                             const std::string& group) {
    return {.key = key,
            .label = label,
            .help = help,
            .valueName = "TH",
            .minimum = 0.0,
            .maximum = 1000.0,
            .fallback = fallback,
            .group = group,
            .aliases = {alias}};
}

} // namespace

ChannelEncodingOptions encodingOptionsFrom(const ParameterValues& v, ChannelEncoding method) {
    ChannelEncodingOptions settings;
    settings.method = method;
    settings.steps = static_cast<long>(v.integer("steps"));
    settings.seed = v.seed();
    settings.tau = v.real("tau");
    settings.threshold =
        v.realOr("threshold", v.real(method == ChannelEncoding::Delta ? "delta-threshold"
                                                                      : "latency-threshold"));
    settings.linear = v.flag("linear");
    settings.rounding = parseLatencyRounding(v.text("latency-rounding")).value();
    settings.offSpikes = !v.flag("no-off-spikes");
    settings.reference = parseDeltaReference(v.text("delta-reference")).value();
    settings.pd = common::pdParams(v, "kp", "kd");
    return settings;
}

EncoderInput encoderInputFrom(const ParameterValues& v, bool forRate) {
    EncoderInput in;
    if (!v.text("input").empty()) {
        const CsvTable table = CsvTable::read(v.text("input"));
        in.names = table.columnNames();
        for (std::size_t c = 0; c < in.names.size(); ++c) {
            in.channels.push_back(table.column(c));
            if (forRate)
                for (std::size_t r = 0; r < in.channels.back().size(); ++r)
                    if (in.channels.back()[r] < 0.0 || in.channels.back()[r] > 1.0)
                        throw InputError(table.sourceName() + ", column " +
                                         sdlab::quoted(in.names[c]) + ", row " +
                                         std::to_string(r + 1) +
                                         ": rate coding needs probabilities in [0, 1]");
        }
    } else {
        in.channels = makeChannelPattern(*parseChannelPattern(v.text("pattern")),
                                         static_cast<int>(v.integer("channels")),
                                         static_cast<long>(v.integer("steps")), v.seed());
        for (std::size_t c = 0; c < in.channels.size(); ++c)
            in.names.push_back(std::to_string(c));
    }
    return in;
}

const Experiment& encodersExperiment() {
    const std::string input = "Input", rate = "Rate and latency", delta = "Delta modulation",
                      pd = "PD + sigma-delta";
    static const Experiment experiment{
        .id = "encoders",
        .command = "encode",
        .title = "Encoders",
        .usage = "sdlab-cli encode [--input FILE.csv | --pattern P --channels C] --method "
                 "rate|latency|delta|pd [method options] --steps N --out DIR",
        .description =
            "Encode each CSV column as one channel (snnTorch paper: rate, latency, delta\n"
            "modulation; or PD + sigma-delta). Row r is the input at step r (a channel shorter\n"
            "than N holds its last value; latency uses the first). Without --input, a built-in\n"
            "pattern. Writes spikes.csv (t,channel,value; channel 0-based, non-zero values "
            "only)\nand summary.json. Conventions: latency fires on step 1 + floor(t) unless\n"
            "--latency-rounding nearest (snnTorch's round); delta compares with the value at the\n"
            "last spike unless --delta-reference previous-sample (snnTorch's, with >=); rate "
            "needs\n"
            "probabilities: a file value outside [0, 1] is refused (snnTorch's spikegen clips).",
        .parameters =
            {csvInputParameter("Input from CSV (a column per channel)",
                               "CSV file, one column per channel; replaces the pattern",
                               {"pattern", "channels"}, input),
             {.key = "pattern",
              .kind = ParameterKind::Choice,
              .label = "Pattern",
              .help = "Sine: a slow wave, shifted across channels. Ramp: channel c holds c/(C − "
                      "1). Random: each channel holds a random level",
              .valueName = "P",
              .fallbackText = "sine",
              .choices = choices({{"sine", "Sine waves"},
                                  {"ramp", "Ramp of levels"},
                                  {"random", "Random levels"}}),
              .group = input},
             {.key = "channels",
              .kind = ParameterKind::Integer,
              .label = "Channels",
              .help = "Channels of the built-in pattern",
              .valueName = "C",
              .minimum = 1,
              .maximum = 1000,
              .fallback = 24,
              .group = input},
             stepsParameter(100, 10'000'000, "Number of time steps every encoder runs", input),
             {.key = "shown-channel",
              .kind = ParameterKind::Integer,
              .label = "Channel to reconstruct",
              .help = "The lower plot shows this channel and each receiver's estimate of it",
              .minimum = 0,
              .maximum = 999,
              .fallback = 16,
              .group = input,
              .aliases = {"shownChannel"},
              .scope = ParameterScope::Lab},
             seedParameter(input),
             {.key = "method",
              .kind = ParameterKind::Choice,
              .label = "Method",
              .help = "The encoder whose spikes are written; the lab draws all four",
              .valueName = "M",
              .fallbackText = "rate",
              .required = true,
              .choices = choices({{"rate", "Rate"},
                                  {"latency", "Latency"},
                                  {"delta", "Delta"},
                                  {"pd", "PD + sigma-delta"}}),
              .group = input,
              .scope = ParameterScope::CommandLine},
             {.key = "tau",
              .label = "Latency τ",
              .help = "Latency coding fires once at t = τ·ln(x/(x − θ)) (snnTorch eq. 26)",
              .valueName = "TAU",
              .minimum = 0.0,
              .maximum = 1e6,
              .minimumExclusive = true,
              .fallback = 5.0,
              .unit = "steps",
              .group = rate,
              .decimals = 2,
              .logarithmic = true},
             {.key = "threshold",
              .label = "Threshold",
              .help = "The chosen method's threshold: latency θ or the delta change that fires",
              .valueName = "TH",
              .minimum = 0.0,
              .maximum = 1000.0,
              .optional = true,
              .unsetMeans = "--latency-threshold or --delta-threshold",
              .group = rate,
              .scope = ParameterScope::CommandLine},
             thresholdParameter("latency-threshold", "Latency threshold θ",
                                "Inputs x ≤ θ never fire; near θ they fire late", 0.01,
                                "latencyThreshold", rate),
             {.key = "linear",
              .kind = ParameterKind::Flag,
              .label = "Linear latency",
              .help = "Latency t = τ·(1 − x) instead of the RC charging time τ·ln(x/(x − θ))",
              .group = rate},
             {.key = "latency-rounding",
              .kind = ParameterKind::Choice,
              .label = "Latency step",
              .help = "Which step a firing time t falls on: floor, step 1 + floor(t) (ours: step k "
                      "holds [k−1, k)); nearest, 1 + round(t), ties to even (snnTorch "
                      "spikegen.latency)",
              .valueName = "R",
              .fallbackText = "floor",
              .choices = choices({{"floor", "floor (ours)"}, {"nearest", "nearest (snnTorch)"}}),
              .group = rate},
             thresholdParameter("delta-threshold", "Delta threshold",
                                "ON spike when x_t − x_ref > θ, OFF when < −θ; x_ref follows "
                                "each spike",
                                0.1, "deltaThreshold", delta),
             {.key = "delta-reference",
              .kind = ParameterKind::Choice,
              .label = "Delta compares with",
              .help = "last-spike: the value at the last spike, fires when |change| > θ (ours, an "
                      "event camera's rule); previous-sample: x_{t−1}, fires when |change| ≥ θ "
                      "(snnTorch spikegen.delta)",
              .valueName = "REF",
              .fallbackText = "last-spike",
              .choices = choices({{"last-spike", "the last spike (ours)"},
                                  {"previous-sample", "the previous sample (snnTorch)"}}),
              .group = delta},
             {.key = "no-off-spikes",
              .kind = ParameterKind::Flag,
              .label = "ON events only",
              .help = "Delta: emit only ON (+1) events",
              .group = delta},
             kpParameter("kp", 0.1, pd),
             kdParameter("kd", 2.0, pd)},
        .outputs = {"spikes.csv", "summary.json"},
        .upgrade = upgrade,
        .run = run};
    return experiment;
}

} // namespace sdlab
