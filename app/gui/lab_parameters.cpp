#include "gui/lab_parameters.h"

#include <cmath>
#include <limits>

namespace sdlab::gui {

namespace {

QString text(const std::string& s) {
    return QString::fromStdString(s);
}

widgets::ParameterSpec::Kind kindOf(ParameterKind kind) {
    using Kind = widgets::ParameterSpec::Kind;
    switch (kind) {
    case ParameterKind::Real:
        return Kind::Real;
    case ParameterKind::Integer:
        return Kind::Integer;
    case ParameterKind::Choice:
        return Kind::Choice;
    case ParameterKind::Flag:
        return Kind::Flag;
    case ParameterKind::File:
        return Kind::File;
    case ParameterKind::Range:
        return Kind::Range;
    case ParameterKind::Text:
    case ParameterKind::SizeList:
        return Kind::Text;
    }
    return Kind::Text;
}

} // namespace

widgets::ParameterSpecs panelSpecs(const Experiment& experiment) {
    widgets::ParameterSpecs specs;
    for (const Parameter& p : experiment.parameters) {
        if (p.scope == ParameterScope::CommandLine)
            continue;
        widgets::ParameterSpec spec;
        spec.key = text(p.key);
        spec.label = text(p.label);
        spec.kind = kindOf(p.kind);
        const bool whole = p.kind == ParameterKind::Integer;
        spec.decimals = whole ? 0 : p.decimals;
        // The editors' ends: an open end moves in by one step of the shown precision,
        // and whole numbers stay within what a spin box holds.
        const double step = std::pow(10.0, -spec.decimals);
        spec.minimum = p.minimum + (p.minimumExclusive ? step : 0.0);
        spec.maximum = p.maximum - (p.maximumExclusive ? step : 0.0);
        if (whole)
            spec.maximum = std::min(spec.maximum, double(std::numeric_limits<int>::max()));
        spec.defaultValue = p.fallback;
        spec.logarithmic = p.logarithmic;
        spec.optional = p.optional;
        spec.unsetText = text(p.unsetMeans);
        spec.unit = p.kind == ParameterKind::SizeList ? QString() : text(p.unit);
        spec.toolTip = text(p.help);
        for (const ParameterChoice& c : p.choices) {
            spec.choices << text(c.value);
            spec.choiceLabels << text(c.label);
        }
        spec.defaultText = text(p.fallbackText);
        spec.fileFilter = text(p.fileFilter);
        spec.browse = p.browse == TextBrowse::File ? widgets::ParameterSpec::Browse::File
                      : p.browse == TextBrowse::Directory
                          ? widgets::ParameterSpec::Browse::Directory
                          : widgets::ParameterSpec::Browse::None;
        spec.browsePrefix = text(p.browsePrefix);
        spec.group = text(p.group);
        spec.shownWhenKey = text(p.shownWhenKey);
        for (const std::string& value : p.shownWhenValues)
            spec.shownWhenValues << text(value);
        specs.push_back(std::move(spec));
    }
    return specs;
}

QVariant toVariant(const ParameterValue& value) {
    if (const double* d = std::get_if<double>(&value))
        return *d;
    if (const long long* i = std::get_if<long long>(&value))
        return *i >= std::numeric_limits<int>::min() && *i <= std::numeric_limits<int>::max()
                   ? QVariant(static_cast<int>(*i))
                   : QVariant(static_cast<qlonglong>(*i));
    if (const bool* b = std::get_if<bool>(&value))
        return *b;
    if (const std::string* s = std::get_if<std::string>(&value))
        return text(*s);
    return {};
}

ParameterValue fromVariant(const QVariant& value) {
    switch (value.typeId()) {
    case QMetaType::UnknownType:
        return std::monostate{};
    case QMetaType::Bool:
        return value.toBool();
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return static_cast<long long>(value.toLongLong());
    case QMetaType::Double:
    case QMetaType::Float:
        return value.toDouble();
    default: // QString; other types become text, which the kind's check refuses
        return value.toString().toStdString();
    }
}

widgets::ParameterValues toVariantMap(const ParameterValues& values) {
    widgets::ParameterValues out;
    for (const auto& [key, value] : values.all())
        out.insert(text(key), toVariant(value));
    return out;
}

std::map<std::string, ParameterValue> fromVariantMap(const widgets::ParameterValues& values) {
    std::map<std::string, ParameterValue> out;
    for (auto it = values.begin(); it != values.end(); ++it)
        out[it.key().toStdString()] = fromVariant(it.value());
    return out;
}

ParameterValues checkedLabValues(const Experiment& experiment,
                                 const widgets::ParameterValues& values) {
    return checkedValues(experiment, fromVariantMap(values), ParameterNaming::Key);
}

} // namespace sdlab::gui
