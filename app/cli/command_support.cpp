#include "command.h"
#include "data/signals.h"
#include "io/csv_table.h"
#include "io/input_error.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace sdlab::cli {

std::filesystem::path outputDirectory(const CliOptions& options) {
    std::filesystem::path out = options.text("out");
    std::error_code ec;
    if (std::filesystem::exists(out, ec) && !std::filesystem::is_directory(out, ec))
        throw InputError("--out " + out.string() + ": exists and is not a directory");
    return out;
}

std::vector<double> builtinSignal(const CliOptions& options, const std::string& fallbackKind) {
    const std::string kindName = options.text("signal", fallbackKind);
    const auto kind = parseSignalKind(kindName);
    if (!kind)
        throw InputError("--signal: '" + kindName + "' is not one of sine, step, smooth, noise");
    const long steps = options.integer("steps", 1000, 1, 100'000'000);
    const long seed = options.integer("seed", 1, 0, std::numeric_limits<long>::max());
    return makeSignal(*kind, static_cast<std::size_t>(steps), static_cast<std::uint64_t>(seed));
}

std::vector<int> parseSizeList(const std::string& text, const std::string& option) {
    std::vector<int> sizes;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        int size = 0;
        const char* first = text.data() + start;
        const char* last = text.data() + comma;
        const auto [end, error] = std::from_chars(first, last, size);
        if (error != std::errc() || end != last || first == last)
            throw InputError("--" + option + " '" + text +
                             "': expected sizes separated by commas, e.g. 200,200");
        sizes.push_back(size);
        start = comma + 1;
    }
    return sizes;
}

SpikingEqPropSettings spikingSettingsFrom(const CliOptions& options) {
    SpikingEqPropSettings s;
    s.coding = choice(options, "encoder", "predictive", parseSpikeCoding,
                      "sigma-delta, stochastic, predictive");
    // Defaults (tuned on Fig. 8.2's [500-500-10], see the settle presets): OSA for the
    // predictive coder as in thesis §8.5.2, the 1/√t schedule of eq. 8.10 otherwise.
    const bool predictive = s.coding == SpikeCoding::Predictive;
    s.stepSize = choice(options, "anneal", predictive ? "osa" : "schedule", parseStepSizeRule,
                        "schedule, osa");
    s.schedule.epsilon0 = options.number("epsilon0", s.schedule.epsilon0);
    s.schedule.eta = options.number("eta", s.schedule.eta);
    s.osaTarget = options.number("osa-target", s.osaTarget);
    s.predictiveLambda = options.number("lambda", s.predictiveLambda);
    s.seed =
        static_cast<std::uint64_t>(options.integer("seed", 1, 0, std::numeric_limits<long>::max()));
    if (const std::string error = s.validationError(); !error.empty())
        throw InputError(error);
    return s;
}

PdParams pdParamsFrom(const CliOptions& options, const std::string& kpName,
                      const std::string& kdName, PdParams fallback) {
    const PdParams params{options.number(kpName, fallback.kp), options.number(kdName, fallback.kd)};
    if (const std::string error = params.validationError(); !error.empty())
        throw InputError("--" + kpName + "/--" + kdName + ": " + error);
    return params;
}

} // namespace sdlab::cli

namespace sdlab::cli {

void commitOutputs(const OutputBundle& bundle, const std::filesystem::path& directory) {
    try {
        bundle.commit(directory);
    } catch (const std::runtime_error& e) {
        throw InputError(std::string("--out: ") + e.what());
    }
}

} // namespace sdlab::cli
