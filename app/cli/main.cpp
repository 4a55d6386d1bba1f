// sdlab-cli: runs each Sigma-Delta Lab experiment headless and writes CSV/JSON. Its
// sub-commands, options, help and checks are generated from the experiments'
// descriptions in core (experiment/experiment_list.h), the same ones the lab reads.
// Exit status: 0 done, 2 bad input (one message on stderr, nothing written), 1 other.

#include "experiment/command_line.h"
#include "experiment/experiment_list.h"
#include "io/input_error.h"
#include "preset_files.h"
#include "video/video_experiment.h"
#include "video/video_plugin.h"

#include <cstdio>
#include <exception>
#include <filesystem>
#include <span>
#include <string>
#include <unistd.h>

#ifndef SDLAB_VERSION
#define SDLAB_VERSION "unknown"
#endif

namespace {

using namespace sdlab;

void printOverview() {
    std::printf("Usage: sdlab-cli COMMAND [OPTIONS] --out DIR\n\n"
                "Sigma-Delta Lab, headless. Each command writes its results under --out.\n\n"
                "Commands:\n");
    for (const Experiment* e : experiments())
        std::printf("  %-10s %s\n", e->command.c_str(),
                    e->description.substr(0, e->description.find('\n')).c_str());
    std::printf("  %-10s %s\n", "run",
                "Run a preset (a file, or a built-in preset's name) as its lab would.");
    std::printf("\nRun 'sdlab-cli COMMAND --help' for a command's options.\n"
                "  --version   Print the version.\n");
}

const char* kRunHelp =
    "Usage: sdlab-cli run --preset FILE.json|NAME|LAB/NAME (--out DIR | --print-command |\n"
    "                     --save-preset FILE.json)\n\n"
    "Run what the preset's lab would run, headless, and write the same files as the\n"
    "matching sub-command (a preset for the Signal lab writes what 'sdlab-cli pd' writes).\n"
    "NAME is a built-in preset (File > Built-in Presets in the lab). Presets saved by the\n"
    "lab or by --save-preset, versions 1 and 2, are read.\n\n"
    "Options:\n"
    "  --preset P              The preset file or built-in name. Required.\n"
    "  --out DIR               Directory for the result files (created if missing).\n"
    "  --print-command         Print the equivalent sub-command instead of running it.\n"
    "  --save-preset FILE.json Write the preset in this version (same name, description and\n"
    "                          values); without --out nothing is run.\n"
    "  --help                  Show this help.\n";

// The video experiment's run with the plugin's backend, loaded only now, so no other
// command loads OpenCV (issue 19).
std::string runVideo(const ParameterValues& values, const RunContext& context,
                     OutputBundle& outputs) {
    return runVideoExperiment(values, context, outputs, videoBackend());
}

auto runnerOf(const Experiment& e) {
    return e.needsVideo ? &runVideo : e.run;
}

void runAndWrite(const Experiment& e, const ParameterValues& values, const std::string& out) {
    if (out.empty())
        throw InputError("option --out is required (see --help)");
    std::error_code ec;
    if (std::filesystem::exists(out, ec) && !std::filesystem::is_directory(out, ec))
        throw InputError("--out " + out + ": exists and is not a directory");
    RunContext context;
    context.log = [](const std::string& text) {
        std::fputs(text.c_str(), stderr);
        std::fflush(stderr);
    };
    context.logIsTerminal = isatty(STDERR_FILENO) != 0;
    OutputBundle bundle;
    const std::string summary = runnerOf(e)(values, context, bundle);
    try {
        bundle.commit(out);
    } catch (const std::runtime_error& error) {
        throw InputError(std::string("--out: ") + error.what());
    }
    std::fprintf(stderr, "%s: %s -> %s\n", e.command.c_str(), summary.c_str(), out.c_str());
}

int runCommand(const Experiment& e, std::span<char* const> args) {
    const Invocation invocation = parseInvocation(e, args);
    if (invocation.help) {
        std::fputs(helpText(e).c_str(), stdout);
        return 0;
    }
    const ParameterValues values = invocationValues(e, invocation);
    if (!invocation.savePreset.empty()) {
        Preset preset{.experiment = &e,
                      .name = std::filesystem::path(invocation.savePreset).stem().string(),
                      .description = "Saved by: " + commandLineFor(e, values),
                      .values = values};
        cli::savePreset(preset, invocation.savePreset);
        std::fprintf(stderr, "%s: preset written to %s\n", e.command.c_str(),
                     invocation.savePreset.c_str());
        if (invocation.out.empty())
            return 0;
    }
    runAndWrite(e, values, invocation.out);
    return 0;
}

int runPreset(std::span<char* const> args) {
    std::string presetName, out, saveAs;
    bool printCommand = false;
    for (std::size_t k = 0; k < args.size(); ++k) {
        const std::string arg = args[k];
        if (arg == "--help" || arg == "-h") {
            std::fputs(kRunHelp, stdout);
            return 0;
        }
        if (arg == "--print-command") {
            printCommand = true;
            continue;
        }
        std::string* target = arg == "--preset"        ? &presetName
                              : arg == "--out"         ? &out
                              : arg == "--save-preset" ? &saveAs
                                                       : nullptr;
        if (!target)
            throw InputError("unknown option " + arg + " (see --help)");
        if (!target->empty())
            throw InputError("option " + arg + " is given twice");
        if (k + 1 >= args.size() || std::string(args[k + 1]).empty())
            throw InputError("option " + arg + " needs a value");
        *target = args[++k];
    }
    if (presetName.empty())
        throw InputError("option --preset is required (see --help)");
    const Preset preset = cli::loadPreset(presetName);
    if (printCommand) {
        std::printf("%s\n", commandLineFor(*preset.experiment, preset.values).c_str());
        return 0;
    }
    if (!saveAs.empty()) { // the preset in this version, same name and description
        cli::savePreset(preset, saveAs);
        if (out.empty())
            return 0;
    }
    runAndWrite(*preset.experiment, preset.values, out);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    const std::span<char* const> args(argv, static_cast<std::size_t>(argc));
    if (args.size() < 2) {
        std::fprintf(stderr, "sdlab-cli: no command given (run 'sdlab-cli --help')\n");
        return 2;
    }
    const std::string name = args[1];
    if (name == "--help" || name == "-h") {
        printOverview();
        return 0;
    }
    if (name == "--version") {
        std::printf("sdlab-cli %s\n", SDLAB_VERSION);
        return 0;
    }
    const Experiment* experiment = findExperiment(name);
    if (!experiment && name != "run") {
        std::fprintf(stderr, "sdlab-cli: unknown command '%s' (run 'sdlab-cli --help')\n",
                     name.c_str());
        return 2;
    }
    const std::string command = experiment ? experiment->command : name;
    try {
        return experiment ? runCommand(*experiment, args.subspan(2)) : runPreset(args.subspan(2));
    } catch (const InputError& e) {
        std::fprintf(stderr, "sdlab-cli %s: %s\n", command.c_str(), e.what());
        return 2;
    } catch (const RunCancelled&) {
        std::fprintf(stderr, "sdlab-cli %s: cancelled\n", command.c_str());
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "sdlab-cli %s: %s\n", command.c_str(), e.what());
        return 1;
    }
}
