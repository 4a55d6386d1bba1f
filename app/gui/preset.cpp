#include "gui/preset.h"

#include "experiment/preset.h"
#include "gui/lab_parameters.h"
#include "io/input_error.h"

#include <QDir>

namespace sdlab::gui {

std::optional<LabPreset> readLabPreset(const QByteArray& json, const QString& source,
                                       QString* error) {
    try {
        const Preset preset =
            readPreset(std::string_view(json.constData(), json.size()), source.toStdString());
        return LabPreset{QString::fromStdString(preset.experiment->id),
                         QString::fromStdString(preset.name),
                         QString::fromStdString(preset.description), toVariantMap(preset.values)};
    } catch (const InputError& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return std::nullopt;
    }
}

QByteArray labPresetJson(const Experiment& experiment, const QString& name,
                         const QString& description, const widgets::ParameterValues& values) {
    const Preset preset{.experiment = &experiment,
                        .name = name.toStdString(),
                        .description = description.toStdString(),
                        .values = checkedLabValues(experiment, values)};
    return QByteArray::fromStdString(presetJson(preset));
}

QStringList builtinPresetNames(const QString& lab) {
    QStringList names;
    const QDir dir(QStringLiteral(":/presets/") + lab);
    for (const QString& file : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        names.append(file.chopped(5));
    return names;
}

QString builtinPresetPath(const QString& lab, const QString& name) {
    return QStringLiteral(":/presets/%1/%2.json").arg(lab, name);
}

} // namespace sdlab::gui
