#include "parameter_spec.h"

#include <cmath>

namespace sdlab::widgets {

ParameterValues defaultParameters(const ParameterSpecs& specs) {
    ParameterValues values;
    for (const ParameterSpec& spec : specs) {
        switch (spec.kind) {
        case ParameterSpec::Kind::Real:
            values.insert(spec.key, spec.defaultValue);
            break;
        case ParameterSpec::Kind::Integer:
            values.insert(spec.key, static_cast<int>(spec.defaultValue));
            break;
        case ParameterSpec::Kind::Choice:
        case ParameterSpec::Kind::File:
            values.insert(spec.key, spec.defaultText);
            break;
        }
    }
    return values;
}

QString parameterError(const ParameterSpec& spec, const QVariant& value) {
    switch (spec.kind) {
    case ParameterSpec::Kind::Real:
    case ParameterSpec::Kind::Integer: {
        bool ok = false;
        const double v = value.toDouble(&ok);
        if (!ok || value.typeId() == QMetaType::QString || value.typeId() == QMetaType::Bool)
            return QStringLiteral("'%1' must be a number").arg(spec.key);
        if (!std::isfinite(v))
            return QStringLiteral("'%1' must be finite").arg(spec.key);
        if (spec.kind == ParameterSpec::Kind::Integer && v != std::floor(v))
            return QStringLiteral("'%1' must be a whole number").arg(spec.key);
        if (v < spec.minimum || v > spec.maximum)
            return QStringLiteral("'%1' = %2 is outside [%3, %4]")
                .arg(spec.key)
                .arg(v)
                .arg(spec.minimum)
                .arg(spec.maximum);
        return {};
    }
    case ParameterSpec::Kind::Choice:
        if (value.typeId() != QMetaType::QString || !spec.choices.contains(value.toString()))
            return QStringLiteral("'%1' must be one of %2")
                .arg(spec.key, spec.choices.join(QStringLiteral(", ")));
        return {};
    case ParameterSpec::Kind::File:
        if (value.typeId() != QMetaType::QString)
            return QStringLiteral("'%1' must be a file path (text)").arg(spec.key);
        return {};
    }
    return {};
}

QVariant normalizedParameter(const ParameterSpec& spec, const QVariant& value) {
    switch (spec.kind) {
    case ParameterSpec::Kind::Real:
        return value.toDouble();
    case ParameterSpec::Kind::Integer:
        return static_cast<int>(std::lround(value.toDouble()));
    case ParameterSpec::Kind::Choice:
    case ParameterSpec::Kind::File:
        return value.toString();
    }
    return value;
}

const ParameterSpec* findParameter(const ParameterSpecs& specs, const QString& key) {
    for (const ParameterSpec& spec : specs)
        if (spec.key == key)
            return &spec;
    return nullptr;
}

} // namespace sdlab::widgets
