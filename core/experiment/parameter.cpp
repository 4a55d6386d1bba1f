#include "experiment/parameter.h"

#include "experiments/pd_sweep.h"
#include "io/csv_table.h"
#include "io/input_error.h"

#include <charconv>
#include <cmath>

namespace sdlab {

namespace {

std::optional<double> parseReal(std::string_view text) {
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
        !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<long long> parseWhole(std::string_view text) {
    long long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::string boundsText(const Parameter& p) {
    if (p.kind == ParameterKind::Integer || p.kind == ParameterKind::SizeList)
        return std::to_string(static_cast<long long>(p.minimum)) + ".." +
               std::to_string(static_cast<long long>(p.maximum));
    return std::string(p.minimumExclusive ? "(" : "[") + formatNumber(p.minimum) + ", " +
           formatNumber(p.maximum) + (p.maximumExclusive ? ")" : "]");
}

bool withinBounds(const Parameter& p, double v) {
    const bool low = p.minimumExclusive ? v > p.minimum : v >= p.minimum;
    const bool high = p.maximumExclusive ? v < p.maximum : v <= p.maximum;
    return low && high;
}

std::string numberError(const Parameter& p, double v, const std::string& shown) {
    if (!withinBounds(p, v))
        return shown + " is outside " + boundsText(p);
    return {};
}

} // namespace

std::vector<int> sizeListEntries(const std::string& key, const std::string& text) {
    if (text == "none")
        return {};
    std::vector<int> sizes;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        int size = 0;
        const char* first = text.data() + start;
        const char* last = text.data() + comma;
        const auto [end, error] = std::from_chars(first, last, size);
        if (error != std::errc() || end != last || first == last)
            throw InputError(key + " " + sdlab::quoted(text) +
                             ": expected sizes separated by commas, e.g. 200,200");
        sizes.push_back(size);
        start = comma + 1;
    }
    return sizes;
}

std::vector<double> rangeValues(const std::string& key, const std::string& text, bool log) {
    const auto first = text.find(':');
    const auto second = first == std::string::npos ? first : text.find(':', first + 1);
    const std::string what = key + " " + sdlab::quoted(text);
    if (second == std::string::npos || text.find(':', second + 1) != std::string::npos)
        throw InputError(what + ": expected MIN:MAX:N, e.g. 0.01:10:32");
    const std::string_view view(text);
    const auto min = parseReal(view.substr(0, first));
    const auto max = parseReal(view.substr(first + 1, second - first - 1));
    const auto count = parseWhole(view.substr(second + 1));
    if (!min || !max)
        throw InputError(what + ": MIN and MAX must be finite numbers");
    if (!count)
        throw InputError(what + ": N must be a whole number");
    if (*count > 10'000)
        throw InputError(what + ": N must be at most 10000");
    if (*min < 0.0)
        throw InputError(what + ": MIN must not be negative");
    return makeRange(*min, *max, static_cast<long>(*count), log, what);
}

std::vector<double> positiveValueList(const std::string& key, const std::string& text) {
    if (text.find(':') != std::string::npos)
        return rangeValues(key, text, true);
    std::vector<double> values;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(',', start), text.size());
        std::string item = text.substr(start, end - start);
        item.erase(0, item.find_first_not_of(' ')); // "1e-5, 1e-4" as typed
        const auto value = parseReal(item);
        if (item.empty() || !value || *value <= 0.0)
            throw InputError(key + " " + sdlab::quoted(text) + ": " + sdlab::quoted(item) +
                             " is not a positive number (give L1,L2,... or MIN:MAX:N)");
        values.push_back(*value);
        start = end + 1;
    }
    if (values.size() > 1000)
        throw InputError(key + ": at most 1000 values");
    return values;
}

std::string parameterError(const Parameter& p, const ParameterValue& value) {
    const ParameterValue v = normalizedValue(p, value);
    if (std::holds_alternative<std::monostate>(v))
        return p.optional ? std::string() : std::string("has no value");
    switch (p.kind) {
    case ParameterKind::Real: {
        const double* number = std::get_if<double>(&v);
        if (!number || !std::isfinite(*number))
            return "must be a finite number";
        return numberError(p, *number, formatNumber(*number));
    }
    case ParameterKind::Integer: {
        const long long* number = std::get_if<long long>(&v);
        if (!number)
            return "must be a whole number";
        return numberError(p, static_cast<double>(*number), std::to_string(*number));
    }
    case ParameterKind::Flag:
        return std::holds_alternative<bool>(v) ? std::string() : std::string("must be on or off");
    case ParameterKind::Choice: {
        const std::string* text = std::get_if<std::string>(&v);
        std::string allowed;
        for (const ParameterChoice& c : p.choices) {
            if (text && *text == c.value)
                return {};
            allowed += (allowed.empty() ? "" : ", ") + c.value;
        }
        return (text ? sdlab::quoted(*text) : std::string("the value")) + " is not one of " +
               allowed;
    }
    case ParameterKind::File:
    case ParameterKind::Text:
        return std::holds_alternative<std::string>(v) ? std::string() : std::string("must be text");
    case ParameterKind::SizeList: {
        const std::string* text = std::get_if<std::string>(&v);
        if (!text)
            return "must be sizes separated by commas, e.g. 200,200";
        try {
            const std::vector<int> sizes = sizeListEntries(p.key, *text);
            if (static_cast<int>(sizes.size()) > p.maximumCount)
                return sdlab::quoted(*text) + " has " + std::to_string(sizes.size()) +
                       " entries; at most " + std::to_string(p.maximumCount);
            for (const int size : sizes)
                if (const std::string e = numberError(p, size, std::to_string(size)); !e.empty())
                    return sdlab::quoted(*text) + ": " + e;
        } catch (const InputError&) {
            return sdlab::quoted(*text) + ": expected sizes separated by commas, e.g. 200,200";
        }
        return {};
    }
    case ParameterKind::Range: {
        const std::string* text = std::get_if<std::string>(&v);
        if (!text)
            return "must be MIN:MAX:N";
        try {
            for (const double x : rangeValues(p.key, *text, false))
                if (const std::string e = numberError(p, x, formatNumber(x)); !e.empty())
                    return sdlab::quoted(*text) + ": " + e;
        } catch (const InputError& e) {
            const std::string message = e.what();
            return message.substr(message.find(": ") + 2);
        }
        return {};
    }
    }
    return "has an unknown kind";
}

ParameterValue normalizedValue(const Parameter& p, const ParameterValue& value) {
    if (p.kind == ParameterKind::Integer) {
        if (const double* d = std::get_if<double>(&value);
            d && std::isfinite(*d) && std::floor(*d) == *d && std::abs(*d) < 9.0e15)
            return static_cast<long long>(*d);
    } else if (p.kind == ParameterKind::Real) {
        if (const long long* i = std::get_if<long long>(&value))
            return static_cast<double>(*i);
    } else if (p.kind == ParameterKind::Flag) {
        if (const double* d = std::get_if<double>(&value); d && (*d == 0.0 || *d == 1.0))
            return *d == 1.0;
        if (const long long* i = std::get_if<long long>(&value); i && (*i == 0 || *i == 1))
            return *i == 1;
    }
    return value;
}

std::optional<ParameterValue> parseParameterText(const Parameter& p, std::string_view text) {
    switch (p.kind) {
    case ParameterKind::Real:
        if (const auto v = parseReal(text))
            return *v;
        return std::nullopt;
    case ParameterKind::Integer:
        if (const auto v = parseWhole(text))
            return *v;
        return std::nullopt;
    case ParameterKind::Flag:
        if (text.empty() || text == "on" || text == "true" || text == "1")
            return true;
        if (text == "off" || text == "false" || text == "0")
            return false;
        return std::nullopt;
    default:
        return std::string(text);
    }
}

std::string formatParameterValue(const ParameterValue& value) {
    if (const double* d = std::get_if<double>(&value))
        return formatNumber(*d);
    if (const long long* i = std::get_if<long long>(&value))
        return std::to_string(*i);
    if (const bool* b = std::get_if<bool>(&value))
        return *b ? "on" : "off";
    if (const std::string* s = std::get_if<std::string>(&value))
        return *s;
    return {};
}

ParameterValue defaultValue(const Parameter& p) {
    if (p.optional)
        return std::monostate{};
    switch (p.kind) {
    case ParameterKind::Real:
        return p.fallback;
    case ParameterKind::Integer:
        return static_cast<long long>(p.fallback);
    case ParameterKind::Flag:
        return p.fallback != 0.0;
    default:
        return p.fallbackText;
    }
}

std::string defaultDescription(const Parameter& p) {
    if (p.optional)
        return p.unsetMeans.empty() ? std::string() : "default: " + p.unsetMeans;
    if (p.kind == ParameterKind::Flag)
        return p.fallback != 0.0 ? "default on" : std::string();
    const std::string text = formatParameterValue(defaultValue(p));
    return text.empty() ? std::string() : "default " + text;
}

} // namespace sdlab
