#include "gui/lab_support.h"

#include "io/compressed_bytes.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QObject>
#include <QToolButton>

namespace sdlab::gui {

QString formatDuration(double milliseconds) {
    if (milliseconds >= 1000.0)
        return QObject::tr("%1 s").arg(milliseconds / 1000.0, 0, 'f', 1);
    return QObject::tr("%1 ms").arg(QString::number(milliseconds, 'g', 2));
}

JsonValue readResultSummary(const QString& directory) {
    const QString path = QDir(directory).filePath(QStringLiteral("summary.json"));
    if (!QFileInfo::exists(path))
        return {JsonValue::Object{}};
    const std::vector<std::uint8_t> bytes = readBinaryFile(path.toStdString(), 1u << 20);
    return parseJson(std::string(bytes.begin(), bytes.end()), path.toStdString());
}

QString summaryText(const JsonValue& summary, const char* key, const QString& fallback) {
    const JsonValue* value = summary.member(key);
    return value && value->string() ? QString::fromStdString(*value->string()) : fallback;
}

double summaryNumber(const JsonValue& summary, const char* key, double fallback) {
    const JsonValue* value = summary.member(key);
    return value && value->number() ? *value->number() : fallback;
}

QString formatNumber(double value, int precision) {
    return QString::number(value, 'g', precision);
}

QToolButton* toolButton(QAction* action) {
    auto* button = new QToolButton;
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace sdlab::gui
