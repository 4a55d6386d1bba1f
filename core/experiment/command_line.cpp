#include "experiment/command_line.h"

#include "io/input_error.h"

#include <algorithm>

namespace sdlab {

namespace {

bool onCommandLine(const Parameter& p) {
    return p.scope != ParameterScope::Lab;
}

const Parameter* findOption(const Experiment& experiment, const std::string& name) {
    const Parameter* p = findParameter(experiment, name);
    return p && onCommandLine(*p) ? p : nullptr;
}

std::string typeProblem(const Parameter& p) {
    return p.kind == ParameterKind::Integer ? "is not a whole number" : "is not a finite number";
}

// A shell word for the value: bare when it is safe, otherwise single-quoted.
std::string shellWord(const std::string& text) {
    const bool safe = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) ||
               std::string_view("-_.,:/+=@%").find(c) != std::string_view::npos;
    });
    if (safe)
        return text;
    std::string word = "'";
    for (const char c : text)
        word += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return word + "'";
}

} // namespace

Invocation parseInvocation(const Experiment& experiment, std::span<char* const> args) {
    Invocation invocation;
    std::vector<std::string> seen;
    for (std::size_t k = 0; k < args.size(); ++k) {
        const std::string arg = args[k];
        if (arg == "--help" || arg == "-h") {
            invocation.help = true;
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
        const Parameter* p = findOption(experiment, name);
        const bool own = name == "out" || name == "save-preset";
        if (!p && !own)
            throw InputError("unknown option --" + name + " (see --help)");
        const std::string key = p ? p->key : name;
        if (std::find(seen.begin(), seen.end(), key) != seen.end())
            throw InputError("option --" + name + " is given twice");
        seen.push_back(key);
        if (p && p->kind == ParameterKind::Flag) {
            if (inlineValue)
                throw InputError("option --" + name + " takes no value");
            invocation.given[key] = true;
            continue;
        }
        std::string value;
        if (inlineValue) {
            value = *inlineValue;
        } else {
            if (k + 1 >= args.size())
                throw InputError("option --" + name + " needs a value " +
                                 (p ? p->valueName : std::string(own ? "DIR" : "")));
            value = args[++k];
        }
        if (own) {
            (name == "out" ? invocation.out : invocation.savePreset) = value;
            continue;
        }
        const auto parsed = parseParameterText(*p, value);
        if (!parsed)
            throw InputError("option --" + name + ": " + sdlab::quoted(value) + " " +
                             typeProblem(*p));
        invocation.given[key] = *parsed;
    }
    return invocation;
}

ParameterValues invocationValues(const Experiment& experiment, const Invocation& invocation) {
    std::map<std::string, ParameterValue> given = invocation.given;
    // An empty file name is no file.
    for (auto it = given.begin(); it != given.end();) {
        const Parameter* p = findParameter(experiment, it->first);
        const auto* text = std::get_if<std::string>(&it->second);
        if (p->kind == ParameterKind::File && text && text->empty())
            it = given.erase(it);
        else
            ++it;
    }
    for (const Parameter& p : experiment.parameters) {
        const bool has = given.count(p.key) != 0;
        if (p.required && !has)
            throw InputError("option --" + p.key + " is required (see --help)");
        if (!has)
            continue;
        for (const std::string& other : p.excludes)
            if (given.count(other))
                throw InputError("give either --" + p.key + " or --" + other + ", not both");
        if (!p.needsFlag.empty() && !given.count(p.needsFlag))
            throw InputError("--" + p.key + " needs --" + p.needsFlag);
    }
    for (const Parameter& p : experiment.parameters)
        if (!p.impliesKey.empty() && given.count(p.key) && !invocation.given.count(p.impliesKey))
            given[p.impliesKey] = p.impliesValue;
    ParameterValues values = checkedValues(experiment, given, ParameterNaming::Option);
    if (experiment.reconcile)
        experiment.reconcile(values, "");
    return values;
}

std::string helpText(const Experiment& experiment) {
    std::string out =
        "Usage: " + experiment.usage + "\n\n" + experiment.description + "\n\nOptions:\n";
    // Each option's help wrapped at 100 columns (counted in bytes, so lines with
    // Greek letters end a little early), indented under the first.
    const auto line = [&](const std::string& option, const std::string& help) {
        constexpr std::size_t kIndent = 26, kWidth = 100;
        std::string text = "  " + option;
        if (text.size() < kIndent)
            text.resize(kIndent, ' ');
        else
            text += "\n" + std::string(kIndent, ' ');
        std::size_t column = kIndent;
        std::size_t start = 0;
        while (start < help.size()) {
            const std::size_t end = std::min(help.find(' ', start), help.size());
            const std::string word = help.substr(start, end - start);
            if (column > kIndent && column + 1 + word.size() > kWidth) {
                text += "\n" + std::string(kIndent, ' ');
                column = kIndent;
            } else if (column > kIndent) {
                text += ' ';
                ++column;
            }
            text += word;
            column += word.size();
            start = end + 1;
        }
        out += text + "\n";
    };
    for (const Parameter& p : experiment.parameters) {
        if (!onCommandLine(p))
            continue;
        std::string help = p.help;
        if (!p.unit.empty() && p.kind != ParameterKind::SizeList)
            help += " [" + p.unit + "]";
        if (p.kind == ParameterKind::Choice) {
            std::string names;
            for (const ParameterChoice& c : p.choices)
                names += (names.empty() ? "" : ", ") + c.value;
            help += ". One of " + names;
        }
        if (p.required)
            help += ". Required";
        else if (const std::string d = defaultDescription(p); !d.empty())
            help += " (" + d + ")";
        line("--" + p.key + (p.kind == ParameterKind::Flag ? "" : " " + p.valueName), help + ".");
    }
    line("--out DIR", "Directory for the result files (created if missing).");
    line("--save-preset FILE.json",
         "Write these parameters as a preset (sdlab-cli run --preset, the lab's File > Open "
         "Preset); without --out nothing is run.");
    line("--help", "Show this help.");
    return out;
}

std::string commandLineFor(const Experiment& experiment, const ParameterValues& values) {
    std::string line = "sdlab-cli " + experiment.command;
    for (const Parameter& p : experiment.parameters) {
        if (!onCommandLine(p) || !values.contains(p.key))
            continue;
        // An option that needs a flag that is off has no effect (and the CLI refuses it).
        if (!p.needsFlag.empty() && !values.flag(p.needsFlag))
            continue;
        const ParameterValue& value = values.value(p.key);
        if (value == defaultValue(p) && !p.required)
            continue;
        if (p.kind == ParameterKind::Flag) {
            if (std::get<bool>(value))
                line += " --" + p.key;
            continue; // an unset flag is the default
        }
        if (std::holds_alternative<std::monostate>(value))
            continue;
        line += " --" + p.key + " " + shellWord(formatParameterValue(value));
    }
    return line;
}

} // namespace sdlab
