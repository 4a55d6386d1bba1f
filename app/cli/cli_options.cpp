#include "cli_options.h"

#include "io/input_error.h"

#include <charconv>
#include <cmath>

namespace sdlab::cli {

CliOptions CliOptions::parse(std::span<char* const> args, const std::vector<OptionSpec>& specs) {
    CliOptions options;
    for (std::size_t k = 0; k < args.size(); ++k) {
        const std::string arg = args[k];
        if (arg == "--help" || arg == "-h") {
            options.m_help = true;
            continue;
        }
        if (arg.rfind("--", 0) != 0)
            throw InputError("unexpected argument '" + arg + "' (options start with --)");
        std::string name = arg.substr(2);
        std::optional<std::string> inlineValue;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        const OptionSpec* spec = nullptr;
        for (const OptionSpec& s : specs)
            if (s.name == name)
                spec = &s;
        if (!spec)
            throw InputError("unknown option --" + name + " (see --help)");
        if (options.has(name))
            throw InputError("option --" + name + " is given twice");
        if (spec->valueName.empty()) {
            if (inlineValue)
                throw InputError("option --" + name + " takes no value");
            options.m_values.emplace_back(name, "");
            continue;
        }
        if (inlineValue) {
            options.m_values.emplace_back(name, *inlineValue);
        } else {
            if (k + 1 >= args.size())
                throw InputError("option --" + name + " needs a value " + spec->valueName);
            options.m_values.emplace_back(name, args[++k]);
        }
    }
    return options;
}

std::optional<std::string> CliOptions::value(const std::string& name) const {
    for (const auto& [n, v] : m_values)
        if (n == name)
            return v;
    return std::nullopt;
}

bool CliOptions::has(const std::string& name) const {
    return value(name).has_value();
}

std::string CliOptions::text(const std::string& name) const {
    const auto v = value(name);
    if (!v || v->empty())
        throw InputError("option --" + name + " is required (see --help)");
    return *v;
}

std::string CliOptions::text(const std::string& name, const std::string& fallback) const {
    return has(name) ? text(name) : fallback;
}

double CliOptions::number(const std::string& name) const {
    const std::string v = text(name);
    double result = 0.0;
    const char* begin = v.data() + (v.front() == '+' ? 1 : 0);
    const auto [end, error] = std::from_chars(begin, v.data() + v.size(), result);
    if (error != std::errc() || end != v.data() + v.size() || !std::isfinite(result))
        throw InputError("option --" + name + ": '" + v + "' is not a finite number");
    return result;
}

double CliOptions::number(const std::string& name, double fallback) const {
    return has(name) ? number(name) : fallback;
}

long CliOptions::integer(const std::string& name, long min, long max) const {
    const std::string v = text(name);
    long result = 0;
    const auto [end, error] = std::from_chars(v.data(), v.data() + v.size(), result);
    if (error != std::errc() || end != v.data() + v.size())
        throw InputError("option --" + name + ": '" + v + "' is not a whole number");
    if (result < min || result > max)
        throw InputError("option --" + name + ": " + v + " is outside " + std::to_string(min) +
                         ".." + std::to_string(max));
    return result;
}

long CliOptions::integer(const std::string& name, long fallback, long min, long max) const {
    return has(name) ? integer(name, min, max) : fallback;
}

std::string formatHelp(const std::string& usage, const std::string& description,
                       const std::vector<OptionSpec>& specs) {
    std::string out = "Usage: " + usage + "\n\n" + description + "\n\nOptions:\n";
    for (const OptionSpec& s : specs) {
        std::string left = "  --" + s.name + (s.valueName.empty() ? "" : " " + s.valueName);
        if (left.size() < 26)
            left.resize(26, ' ');
        else
            left += "\n" + std::string(26, ' ');
        out += left + s.help + "\n";
    }
    out += "  --help                  Show this help.\n";
    return out;
}

} // namespace sdlab::cli
