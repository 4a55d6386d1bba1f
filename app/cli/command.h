#pragma once

#include "cli_options.h"
#include "coding/pd_params.h"
#include "equilibrium/spiking_settler.h"
#include "io/input_error.h"
#include "io/output_bundle.h"

#include <filesystem>
#include <string>
#include <vector>

namespace sdlab::cli {

// One sub-command of sdlab-cli. run() validates every input before it computes, and
// writes its results through an OutputBundle, so bad input leaves nothing under --out.
struct Command {
    std::string name;
    std::string usage;
    std::string description;
    std::vector<OptionSpec> options;
    int (*run)(const CliOptions&);
};

const std::vector<Command>& allCommands();

// Shared by the commands: the --out directory, checked to be usable (not a file).
std::filesystem::path outputDirectory(const CliOptions& options);
// A built-in signal (--signal/--steps/--seed) when --input is absent.
std::vector<double> builtinSignal(const CliOptions& options, const std::string& fallbackKind);
// kp and kd from two options (fallbacks when absent), checked: InputError if invalid.
PdParams pdParamsFrom(const CliOptions& options, const std::string& kpName,
                      const std::string& kdName, PdParams fallback);
// "200,200" → {200, 200}; InputError naming --option otherwise.
std::vector<int> parseSizeList(const std::string& text, const std::string& option);
// A named choice: parse(text) gives an optional; InputError listing `allowed` if empty.
template <class Parse>
auto choice(const CliOptions& options, const std::string& name, const std::string& fallback,
            Parse parse, const std::string& allowed) {
    const std::string text = options.text(name, fallback);
    const auto value = parse(text);
    if (!value)
        throw InputError("--" + name + ": '" + text + "' is not one of " + allowed);
    return *value;
}
// The spiking EqProp options (--encoder, --anneal, --epsilon0, --eta, --osa-target,
// --lambda, --seed), checked.
SpikingEqPropSettings spikingSettingsFrom(const CliOptions& options);
// Writes the bundle; an unwritable --out becomes InputError (exit 2).
void commitOutputs(const OutputBundle& bundle, const std::filesystem::path& directory);

} // namespace sdlab::cli
