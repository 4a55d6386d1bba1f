#pragma once

#include "cli_options.h"
#include "coding/pd_params.h"
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
// Writes the bundle; an unwritable --out becomes InputError (exit 2).
void commitOutputs(const OutputBundle& bundle, const std::filesystem::path& directory);
// Throws InputError unless every value is a whole number (spike trains).

} // namespace sdlab::cli
