#include "preset.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace sdlab::gui {

namespace {
const QString kFormat = QStringLiteral("sdlab-preset");

std::optional<QJsonObject> readObject(const QByteArray& json, const QString& source,
                                      QString* error) {
    auto fail = [&](const QString& why) -> std::optional<QJsonObject> {
        if (error)
            *error = QStringLiteral("%1: %2").arg(source, why);
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(QStringLiteral("not valid JSON (%1 at byte %2)")
                        .arg(parseError.errorString())
                        .arg(parseError.offset));
    if (!document.isObject())
        return fail(QStringLiteral("not a Sigma-Delta Lab preset (expected a JSON object)"));
    const QJsonObject object = document.object();
    if (object.value(QStringLiteral("format")).toString() != kFormat)
        return fail(
            QStringLiteral("not a Sigma-Delta Lab preset (\"format\" is not \"%1\")").arg(kFormat));
    const QJsonValue version = object.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() != Preset::kVersion)
        return fail(QStringLiteral("preset version %1 is not supported (this is version %2)")
                        .arg(version.isDouble() ? QString::number(version.toDouble())
                                                : QStringLiteral("(missing)"))
                        .arg(Preset::kVersion));
    if (!object.value(QStringLiteral("lab")).isString())
        return fail(QStringLiteral("\"lab\" is missing"));
    return object;
}
} // namespace

QString presetLab(const QByteArray& json, const QString& source, QString* error) {
    const auto object = readObject(json, source, error);
    return object ? object->value(QStringLiteral("lab")).toString() : QString();
}

std::optional<Preset> parsePreset(const QByteArray& json, const QString& source, const QString& lab,
                                  const widgets::ParameterSpecs& specs, QString* error) {
    const auto object = readObject(json, source, error);
    if (!object)
        return std::nullopt;
    auto fail = [&](const QString& why) -> std::optional<Preset> {
        if (error)
            *error = QStringLiteral("%1: %2").arg(source, why);
        return std::nullopt;
    };
    Preset preset;
    preset.lab = object->value(QStringLiteral("lab")).toString();
    if (preset.lab != lab)
        return fail(
            QStringLiteral("this preset is for the '%1' lab, not '%2'").arg(preset.lab, lab));
    preset.name = object->value(QStringLiteral("name")).toString();
    preset.description = object->value(QStringLiteral("description")).toString();
    const QJsonValue parameters = object->value(QStringLiteral("parameters"));
    if (!parameters.isObject())
        return fail(QStringLiteral("\"parameters\" must be an object"));
    preset.parameters = widgets::defaultParameters(specs);
    const QVariantMap given = parameters.toObject().toVariantMap();
    for (auto it = given.begin(); it != given.end(); ++it) {
        const widgets::ParameterSpec* spec = widgets::findParameter(specs, it.key());
        if (!spec)
            return fail(QStringLiteral("unknown parameter '%1'").arg(it.key()));
        if (const QString problem = widgets::parameterError(*spec, it.value()); !problem.isEmpty())
            return fail(problem);
        preset.parameters[it.key()] = widgets::normalizedParameter(*spec, it.value());
    }
    return preset;
}

QByteArray presetToJson(const Preset& preset) {
    QJsonObject object;
    object.insert(QStringLiteral("format"), kFormat);
    object.insert(QStringLiteral("version"), Preset::kVersion);
    object.insert(QStringLiteral("lab"), preset.lab);
    object.insert(QStringLiteral("name"), preset.name);
    object.insert(QStringLiteral("description"), preset.description);
    object.insert(QStringLiteral("parameters"), QJsonObject::fromVariantMap(preset.parameters));
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
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
