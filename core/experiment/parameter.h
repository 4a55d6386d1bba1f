#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace sdlab {

// One parameter of an experiment, described once (STYLE habit 11): the CLI builds its
// option, help line and checks from it, the GUI its editor, tooltip and preset checks.
// `key` is the one shared name: the CLI option (--key), the preset key and the settings
// key. `aliases` are older spellings (CLI options and version-1 preset keys) still read.
enum class ParameterKind {
    Real,     // double in [minimum, maximum]
    Integer,  // long long in [minimum, maximum]
    Choice,   // one of `choices`
    Flag,     // bool; on the command line `--key` alone
    File,     // a path; empty = none
    Text,     // free text checked by the experiment (e.g. a data-set name)
    SizeList, // "200,200": whole numbers in [minimum, maximum], at most `maximumCount`; "none"
    Range,    // "MIN:MAX:N": N values from MIN to MAX in [minimum, maximum]
};

// A Text parameter that may name a path the user picks: a file, or a directory written
// after `browsePrefix` (train's "idx:DIR").
enum class TextBrowse { None, File, Directory };

// Which front ends show the parameter. Both unless a front end has no use for it: a
// lab that draws every method at once has no method choice (CommandLine), and what only
// changes the display has no option (Lab).
enum class ParameterScope { Both, CommandLine, Lab };

struct ParameterChoice {
    std::string value{}; // stored and typed on the command line
    std::string label{}; // shown in the GUI
};

struct Parameter {
    std::string key{};
    ParameterKind kind = ParameterKind::Real;
    std::string label{};     // GUI label
    std::string help{};      // one line, with the equation it enters
    std::string valueName{}; // CLI placeholder ("KP"); empty for a flag
    double minimum = 0.0;
    double maximum = 1.0;
    bool minimumExclusive = false; // (minimum, … : alpha in (0, 1)
    bool maximumExclusive = false;
    double fallback = 0.0;      // default of Real and Integer
    std::string fallbackText{}; // default of Choice, File, Text, SizeList, Range
    bool optional = false;      // a number that may be left unset
    std::string unsetMeans{};   // what unset stands for ("auto-tuned")
    bool required = false;      // the command line must give it (the lab starts from the default)
    std::vector<ParameterChoice> choices{}; // Choice: the values; Text: suggestions
    TextBrowse browse = TextBrowse::None;   // Text
    std::string browsePrefix{};             // Text, browsed: put before the path
    std::string fileFilter{};               // File, Text browsed for a file: "CSV (*.csv)"
    std::string unit{};
    std::string group{};
    int decimals = 3;
    bool logarithmic = false; // GUI slider spacing
    int maximumCount = 8;     // SizeList: most entries
    std::vector<std::string> aliases{};
    std::vector<std::string> excludes{}; // keys that must not be given with this one (CLI)
    // Given on the command line, this also sets `impliesKey` to `impliesValue` unless that
    // is given too (train: --kp implies --gains fixed).
    std::string impliesKey{};
    std::string impliesValue{};
    // Given on the command line, this needs the flag `needsFlag` given too (video:
    // --learn-model needs --learn).
    std::string needsFlag{};
    ParameterScope scope = ParameterScope::Both;
    // The lab shows this parameter only while `shownWhenKey` holds one of these values
    // (the Learning lab's PD gains only for --model pdnn); empty: always. The command
    // line takes it regardless (the model ignores what it does not read).
    std::string shownWhenKey{};
    std::vector<std::string> shownWhenValues{};
};

// A parameter's value: unset (an optional number left to its default rule), a Real, an
// Integer, a Flag, or the text of the other kinds.
using ParameterValue = std::variant<std::monostate, double, long long, bool, std::string>;

// Empty when `value` is acceptable for `parameter` (its type, range, choices, list or
// range syntax), otherwise what is wrong, naming the parameter by its key.
std::string parameterError(const Parameter& parameter, const ParameterValue& value);
// The value converted to the parameter's type where that loses nothing (a JSON number
// 3.0 for an Integer becomes 3; 1 or 0 for a Flag becomes true/false); otherwise as is.
ParameterValue normalizedValue(const Parameter& parameter, const ParameterValue& value);
// Text as typed on the command line or in a preset's string, parsed for the parameter's
// kind; nothing when it does not parse (parameterError then explains).
std::optional<ParameterValue> parseParameterText(const Parameter& parameter, std::string_view text);
// The value as the command line spells it (shortest exact form for reals).
std::string formatParameterValue(const ParameterValue& value);
ParameterValue defaultValue(const Parameter& parameter);
// What --help says of the default ("default 0.1", "default: auto-tuned"), empty if none.
std::string defaultDescription(const Parameter& parameter);

// A SizeList's entries ("200,200" → {200, 200}; "none" → {}, which the experiment may
// refuse); throws InputError naming the key.
std::vector<int> sizeListEntries(const std::string& key, const std::string& text);
// A Range's values (MIN:MAX:N), linear or geometric; throws InputError naming the key.
std::vector<double> rangeValues(const std::string& key, const std::string& text, bool log);
// "L1,L2,..." (positive numbers, at most 1000) or MIN:MAX:N (geometric): a sweep of a
// weight such as λ; throws InputError naming the key and the item.
std::vector<double> positiveValueList(const std::string& key, const std::string& text);

} // namespace sdlab
