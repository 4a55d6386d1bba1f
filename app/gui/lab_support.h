#pragma once

#include "parameter_spec.h"

#include <QList>
#include <QPointF>
#include <QString>
#include <span>
#include <vector>

class QAction;
class QToolButton;

// Small helpers the lab pages share.
namespace sdlab::gui {

// The built-in signals of core/data/signals.h as a Choice parameter.
widgets::ParameterSpec signalParameter(const QString& defaultKind, const QString& group);
// The kp/kd pair of spec §2 (ICLR'18 eq. 5-6) as Real parameters.
widgets::ParameterSpec kpParameter(const QString& key, double defaultValue, const QString& group);
widgets::ParameterSpec kdParameter(const QString& key, double defaultValue, const QString& group);
widgets::ParameterSpec seedParameter(const QString& group);
// The number of time steps (key "steps").
widgets::ParameterSpec lengthParameter(int defaultSteps, int maximum, const QString& toolTip,
                                       const QString& group);

// One column of a CSV file; throws sdlab::InputError naming the file and the problem.
std::vector<double> readCsvColumn(const QString& path, const std::string& column);

QString formatNumber(double value, int precision = 4);
// A text-only tool button for a lab's action bar (Start, Pause, Record...).
QToolButton* toolButton(QAction* action);

// A compute time for the status bar: "0.13 ms", "6.4 ms", "1.2 s".
QString formatDuration(double milliseconds);

// Parameter accessors for compute functions.
inline double real(const widgets::ParameterValues& v, const char* key) {
    return v.value(QLatin1String(key)).toDouble();
}
inline int integer(const widgets::ParameterValues& v, const char* key) {
    return v.value(QLatin1String(key)).toInt();
}
inline QString text(const widgets::ParameterValues& v, const char* key) {
    return v.value(QLatin1String(key)).toString();
}

} // namespace sdlab::gui
