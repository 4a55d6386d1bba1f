#include "command.h"
#include "data/signals.h"
#include "io/csv_table.h"
#include "io/input_error.h"

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
