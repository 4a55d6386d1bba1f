#pragma once

#include "parameter_spec.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>

namespace sdlab::gui {

// A versioned JSON preset: one lab's parameter values with a name and a description.
//   { "format": "sdlab-preset", "version": 1, "lab": "signal", "name": "…",
//     "description": "…", "parameters": { "kp": 0.1, "signal": "smooth", … } }
// Parameters a preset leaves out take the lab's defaults, so a preset is a whole state.
struct Preset {
    static constexpr int kVersion = 1;
    QString lab;
    QString name;
    QString description;
    widgets::ParameterValues parameters;
};

// The lab a preset is for, read before the parameters are checked; empty with `error`
// set when the text is not a preset this version can read.
QString presetLab(const QByteArray& json, const QString& source, QString* error);
// A checked preset for a lab with these parameters, or nothing with one message naming
// `source` and what is wrong (not JSON, wrong format or version, another lab, unknown
// parameter, wrong type, out of range).
std::optional<Preset> parsePreset(const QByteArray& json, const QString& source, const QString& lab,
                                  const widgets::ParameterSpecs& specs, QString* error);
QByteArray presetToJson(const Preset& preset);

// Built-in presets shipped in resources (":/presets/<lab>/<name>.json").
QStringList builtinPresetNames(const QString& lab);
QString builtinPresetPath(const QString& lab, const QString& name);

} // namespace sdlab::gui
