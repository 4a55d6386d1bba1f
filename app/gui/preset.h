#pragma once

#include "widgets/parameter_spec.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>

namespace sdlab {
struct Experiment;
}

namespace sdlab::gui {

// A preset as the window uses it: read and written by core (experiment/preset.h, the
// same format sdlab-cli run --preset and --save-preset use), its values as the panel's.
struct LabPreset {
    QString lab;
    QString name;
    QString description;
    widgets::ParameterValues parameters; // complete and checked
};

// The preset in `json` for whichever lab it names, or nothing with one message naming
// `source` and what is wrong (not JSON, wrong format or version, unknown lab or
// parameter, wrong type, out of range).
std::optional<LabPreset> readLabPreset(const QByteArray& json, const QString& source,
                                       QString* error);
// Version-2 JSON of these values for the experiment.
QByteArray labPresetJson(const Experiment& experiment, const QString& name,
                         const QString& description, const widgets::ParameterValues& values);

// Built-in presets shipped in resources (":/presets/<lab>/<name>.json").
QStringList builtinPresetNames(const QString& lab);
QString builtinPresetPath(const QString& lab, const QString& name);

} // namespace sdlab::gui
