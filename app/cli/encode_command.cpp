#include "command.h"
#include "experiments/channel_encoding_run.h"
#include "io/csv_table.h"
#include "io/input_error.h"
#include "io/json_writer.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace sdlab::cli {

int runEncode(const CliOptions& options) {
    ChannelEncodingOptions settings;
    const std::string method = options.text("method");
    if (method == "rate")
        settings.method = ChannelEncoding::Rate;
    else if (method == "latency")
        settings.method = ChannelEncoding::Latency;
    else if (method == "delta")
        settings.method = ChannelEncoding::Delta;
    else if (method == "pd")
        settings.method = ChannelEncoding::Pd;
    else
        throw InputError("--method: '" + method + "' is not one of rate, latency, delta, pd");
    settings.steps = options.integer("steps", 100, 1, 10'000'000);
    settings.seed =
        static_cast<std::uint64_t>(options.integer("seed", 1, 0, std::numeric_limits<long>::max()));
    settings.tau = options.number("tau", 5.0);
    if (!(settings.tau > 0.0))
        throw InputError("--tau: must be positive");
    settings.threshold =
        options.number("threshold", settings.method == ChannelEncoding::Delta ? 0.1 : 0.01);
    if (settings.threshold < 0.0)
        throw InputError("--threshold: must not be negative");
    settings.linear = options.flag("linear");
    settings.offSpikes = !options.flag("no-off-spikes");
    settings.pd = pdParamsFrom(options, "kp", "kd", PdParams{});
    const auto out = outputDirectory(options);

    const CsvTable table = CsvTable::read(options.text("input"));
    std::vector<std::vector<double>> channels;
    for (std::size_t c = 0; c < table.columnNames().size(); ++c) {
        channels.push_back(table.column(c));
        if (settings.method == ChannelEncoding::Rate)
            for (std::size_t r = 0; r < channels.back().size(); ++r)
                if (channels.back()[r] < 0.0 || channels.back()[r] > 1.0)
                    throw InputError(table.sourceName() + ", column '" + table.columnNames()[c] +
                                     "', row " + std::to_string(r + 1) +
                                     ": rate coding needs probabilities in [0, 1]");
    }
    if (static_cast<double>(channels.size()) * static_cast<double>(settings.steps) > 1e8)
        throw InputError("channels × steps must stay under 1e8");

    const std::vector<ChannelSpike> spikes = runChannelEncoding(channels, settings);
    CsvWriter csv({"t", "channel", "value"});
    std::vector<double> counts(channels.size(), 0.0);
    for (const ChannelSpike& s : spikes) {
        csv.addRow({static_cast<double>(s.step), static_cast<double>(s.channel), s.value});
        counts[static_cast<std::size_t>(s.channel)] += std::abs(s.value);
    }
    std::string names = "[", countList = "[";
    for (std::size_t c = 0; c < channels.size(); ++c) {
        if (c > 0) {
            names += ", ";
            countList += ", ";
        }
        names += JsonObjectWriter::quote(table.columnNames()[c]);
        countList += formatNumber(counts[c]);
    }
    JsonObjectWriter summary;
    summary.add("method", method)
        .add("steps", static_cast<long long>(settings.steps))
        .add("events", static_cast<long long>(spikes.size()))
        .addRaw("channels", names + "]")
        .addRaw("spike_counts", countList + "]");
    OutputBundle bundle;
    bundle.stage("spikes.csv", csv.text());
    bundle.stage("summary.json", summary.text());
    commitOutputs(bundle, out);
    std::fprintf(stderr, "encode: %s, %zu channels, %zu events -> %s\n", method.c_str(),
                 channels.size(), spikes.size(), out.string().c_str());
    return 0;
}

} // namespace sdlab::cli
