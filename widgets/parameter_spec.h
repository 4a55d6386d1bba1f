#pragma once

#include <QString>
#include <QStringList>
#include <QVariantMap>
#include <vector>

namespace sdlab::widgets {

// How the parameter panel draws one parameter: the widget's view of a parameter, with no
// checks of its own (the lab's description in core decides what is valid; the panel
// only reports edits). Values live in a QVariantMap keyed by `key`: a double for Real,
// an int for Integer (an invalid QVariant for an optional number left unset), a bool
// for Flag, a QString for Choice, File (empty = none), Text and Range ("MIN:MAX:N").
struct ParameterSpec {
    enum class Kind { Real, Integer, Choice, File, Flag, Text, Range };
    enum class Browse { None, File, Directory }; // Text: a Browse… button
    QString key{};
    QString label{};
    Kind kind = Kind::Real;
    double minimum = 0.0; // Real, Integer, each end of a Range
    double maximum = 1.0;
    double defaultValue = 0.0;
    int decimals = 3;
    bool logarithmic = false;   // slider spacing (Real, minimum > 0)
    bool optional = false;      // Real, Integer: may be unset ("auto")
    QString unsetText{};        // what unset means, shown beside the "auto" box
    QString unit{};             // shown after the number ("steps")
    QString toolTip{};          // what it means, with the equation
    QStringList choices{};      // Choice: stored values; Text: suggestions
    QStringList choiceLabels{}; // Choice: shown labels (default: the values)
    QString defaultText{};      // Choice/File/Text/Range default
    QString fileFilter{};       // File, Text browsed for a file: dialog filter
    Browse browse = Browse::None;
    QString browsePrefix{}; // Text: put before a browsed path ("idx:")
    QString group{};        // a heading above the first parameter of each group
    // Shown only while parameter `shownWhenKey` has one of `shownWhenValues` (empty key:
    // always); a group heading hides with the last of its shown parameters.
    QString shownWhenKey{};
    QStringList shownWhenValues{};
};
using ParameterValues = QVariantMap;
using ParameterSpecs = std::vector<ParameterSpec>;

ParameterValues defaultParameters(const ParameterSpecs& specs);

} // namespace sdlab::widgets
