#pragma once

#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <vector>

namespace sdlab::widgets {

// One user-editable parameter, described once and used by the parameter panel, by
// presets and by settings. Values live in a QVariantMap keyed by `key`: a double for
// Real, an int for Integer, a QString (one of `choices`) for Choice, a QString path for
// File (empty = none).
struct ParameterSpec {
    enum class Kind { Real, Integer, Choice, File };
    QString key{};
    QString label{};
    Kind kind = Kind::Real;
    double minimum = 0.0;
    double maximum = 1.0;
    double defaultValue = 0.0;
    int decimals = 3;
    bool logarithmic = false;   // slider spacing (Real, minimum > 0)
    QString unit{};             // shown after the number ("steps")
    QString toolTip{};          // what it means, with the equation
    QStringList choices{};      // Choice: stored values
    QStringList choiceLabels{}; // Choice: shown labels (default: the values)
    QString defaultText{};      // Choice/File default
    QString fileFilter{};       // File: dialog filter
    QString group{};            // a heading above the first parameter of each group
};
using ParameterValues = QVariantMap;
using ParameterSpecs = std::vector<ParameterSpec>;

ParameterValues defaultParameters(const ParameterSpecs& specs);
// Empty when `value` is acceptable for `spec`, else what is wrong (for messages).
QString parameterError(const ParameterSpec& spec, const QVariant& value);
// The value converted to the spec's type (a JSON number 3.0 becomes int 3 for Integer).
QVariant normalizedParameter(const ParameterSpec& spec, const QVariant& value);
const ParameterSpec* findParameter(const ParameterSpecs& specs, const QString& key);

} // namespace sdlab::widgets
