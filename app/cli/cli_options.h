#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace sdlab::cli {

// One option a sub-command accepts: `--name VALUE`, or `--name` alone for a flag.
struct OptionSpec {
    std::string name;      // without the leading dashes
    std::string valueName; // empty for a flag
    std::string help;
};

// The options of one sub-command invocation, checked against its specs. Every problem
// (unknown option, missing value, repeated option, a value that is not a number, out
// of range) raises InputError naming the option, so the CLI exits 2 with one message.
class CliOptions {
  public:
    static CliOptions parse(std::span<char* const> args, const std::vector<OptionSpec>& specs);

    bool has(const std::string& name) const;
    bool flag(const std::string& name) const { return has(name); }
    std::string text(const std::string& name) const; // required
    std::string text(const std::string& name, const std::string& fallback) const;
    double number(const std::string& name) const; // required, finite
    double number(const std::string& name, double fallback) const;
    // Whole number in [min, max].
    long integer(const std::string& name, long fallback, long min, long max) const;
    long integer(const std::string& name, long min, long max) const; // required
    bool helpRequested() const { return m_help; }

  private:
    std::optional<std::string> value(const std::string& name) const;
    std::vector<std::pair<std::string, std::string>> m_values;
    bool m_help = false;
};

std::string formatHelp(const std::string& usage, const std::string& description,
                       const std::vector<OptionSpec>& specs);

} // namespace sdlab::cli
