#pragma once

#include "experiment/experiment.h"

#include <map>
#include <span>
#include <string>

namespace sdlab {

// The command line of sdlab-cli, shared by the CLI (parsing, --help) and the GUI (Edit >
// Copy as Command). One invocation of an experiment's sub-command, parsed against its description:
// every option is a parameter (or an alias of one) that the command line shows, plus --out,
// --save-preset and --help. Problems (an unknown option, a missing or repeated one, a
// value that does not parse, a flag with a value) raise InputError naming the option,
// so the CLI exits 2 with one message.
struct Invocation {
    std::map<std::string, ParameterValue> given; // by canonical key, as typed
    std::string out;                             // --out, empty if absent
    std::string savePreset;                      // --save-preset, empty if absent
    bool help = false;
};

Invocation parseInvocation(const Experiment& experiment, std::span<char* const> args);

// The given values completed and checked as the description says: required options,
// options that exclude or need another, implied values, each value's range and the
// experiment's own check. Throws InputError naming the option.
ParameterValues invocationValues(const Experiment& experiment, const Invocation& invocation);

// --help: usage, description, then one line per option with its default and choices.
std::string helpText(const Experiment& experiment);
// The options of a run with these values, as sdlab-cli spells them: parameters that
// differ from their defaults, in the description's order, leaving out options that need
// a flag that is off (they change nothing). Edit > Copy as Command, run --print-command.
std::string commandLineFor(const Experiment& experiment, const ParameterValues& values);

} // namespace sdlab
