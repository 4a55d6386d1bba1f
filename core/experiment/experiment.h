#pragma once

#include "experiment/parameter_values.h"
#include "io/output_bundle.h"
#include "util/progress.h"

#include <exception>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace sdlab {

// Thrown by a run whose progress callback asked it to stop; nothing is written.
struct RunCancelled : std::exception {
    const char* what() const noexcept override { return "cancelled"; }
};

// What a run may report while it works. Both callbacks may be empty.
struct RunContext {
    ProgressCallback progress;                   // long loops; false = cancel
    std::function<void(const std::string&)> log; // progress lines (the CLI: stderr)
    bool logIsTerminal = false;                  // lines may be redrawn with '\r'
};

// One experiment, described once (STYLE habit 11): its id (the lab's and the presets'),
// its sdlab-cli command, its parameters, how it runs and what it writes. The CLI is
// generated from it (options, --help, checks), and so are the lab's parameter panel and
// preset checks; tests walk experiments() to prove both agree. Plain data plus function
// pointers: no state, safe to read from any thread.
struct Experiment {
    std::string id;      // "signal": --lab, presets' "lab", settings
    std::string command; // "pd": the sdlab-cli sub-command
    std::string title;   // "Signal"
    std::string usage;   // the --help usage line
    std::string description;
    std::vector<Parameter> parameters;
    std::vector<std::string> outputs; // the result files a run may write
    bool hasLab = true;               // false: command line only (cost)
    // A command without a lab whose results a lab shows (`scales` and `early`: the
    // Learning lab's Trade-off view); empty: its own lab, if any.
    std::string resultsShownIn{};
    bool needsVideo = false; // its run lives in sdlab_video (OpenCV)
    // Couples parameters after `changedKey` was edited (kα, kβ ↔ kp, kd); an empty key
    // derives every dependent value from the primary ones.
    void (*reconcile)(ParameterValues& values, const std::string& changedKey) = nullptr;
    // Checks across parameters, after each value passed its own; empty when fine.
    std::string (*check)(const ParameterValues& values) = nullptr;
    // Rewrites a version-1 preset's values (older keys, other structure) into these
    // parameters; aliases are applied before it.
    void (*upgrade)(std::map<std::string, ParameterValue>& values) = nullptr;
    // Reads its input, computes and stages its result files; returns one line saying
    // what it did. Bad input throws InputError; nothing is written by a failed run.
    std::string (*run)(const ParameterValues& values, const RunContext& context,
                       OutputBundle& outputs) = nullptr;
};

// How messages name a parameter: as a CLI option ("--kp") or as a preset key ("kp").
enum class ParameterNaming { Option, Key };
std::string parameterName(const Parameter& parameter, ParameterNaming naming);

// The parameter with this key or alias, or nullptr.
const Parameter* findParameter(const Experiment& experiment, std::string_view keyOrAlias);
// Every parameter at its default.
ParameterValues defaultValues(const Experiment& experiment);
// `given` completed with defaults, each value normalised and checked, then the
// experiment's own check; throws InputError naming the first problem.
ParameterValues checkedValues(const Experiment& experiment,
                              const std::map<std::string, ParameterValue>& given,
                              ParameterNaming naming);

} // namespace sdlab
