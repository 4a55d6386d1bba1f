// sdlab-cli: runs each Sigma-Delta Lab computation headless and writes CSV/JSON.
// Exit status: 0 done, 2 bad input (one message on stderr, nothing written), 1 other.

#include "command.h"
#include "io/input_error.h"

#include <cstdio>
#include <exception>
#include <span>
#include <string>

#ifndef SDLAB_VERSION
#define SDLAB_VERSION "unknown"
#endif

namespace {

void printOverview() {
    std::printf("Usage: sdlab-cli COMMAND [OPTIONS] --out DIR\n\n"
                "Sigma-Delta Lab, headless. Each command writes its results under --out.\n\n"
                "Commands:\n");
    for (const auto& command : sdlab::cli::allCommands())
        std::printf("  %-10s %s\n", command.name.c_str(),
                    command.description.substr(0, command.description.find('\n')).c_str());
    std::printf("\nRun 'sdlab-cli COMMAND --help' for a command's options.\n"
                "  --version   Print the version.\n");
}

} // namespace

int main(int argc, char** argv) {
    const std::span<char* const> args(argv, static_cast<std::size_t>(argc));
    if (args.size() < 2) {
        std::fprintf(stderr, "sdlab-cli: no command given (run 'sdlab-cli --help')\n");
        return 2;
    }
    if (std::string(args[1]) == "--help" || std::string(args[1]) == "-h") {
        printOverview();
        return 0;
    }
    const std::string name = args[1];
    if (name == "--version") {
        std::printf("sdlab-cli %s\n", SDLAB_VERSION);
        return 0;
    }
    for (const auto& command : sdlab::cli::allCommands()) {
        if (command.name != name)
            continue;
        try {
            const auto options = sdlab::cli::CliOptions::parse(args.subspan(2), command.options);
            if (options.helpRequested()) {
                std::fputs(
                    sdlab::cli::formatHelp(command.usage, command.description, command.options)
                        .c_str(),
                    stdout);
                return 0;
            }
            return command.run(options);
        } catch (const sdlab::InputError& e) {
            std::fprintf(stderr, "sdlab-cli %s: %s\n", name.c_str(), e.what());
            return 2;
        } catch (const std::exception& e) {
            std::fprintf(stderr, "sdlab-cli %s: %s\n", name.c_str(), e.what());
            return 1;
        }
    }
    std::fprintf(stderr, "sdlab-cli: unknown command '%s' (run 'sdlab-cli --help')\n",
                 name.c_str());
    return 2;
}
