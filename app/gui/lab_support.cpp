#include "lab_support.h"

#include "io/csv_table.h"

#include <QAction>
#include <QObject>
#include <QToolButton>

namespace sdlab::gui {

widgets::ParameterSpec signalParameter(const QString& defaultKind, const QString& group) {
    return {.key = QStringLiteral("signal"),
            .label = QObject::tr("Signal"),
            .kind = widgets::ParameterSpec::Kind::Choice,
            .toolTip = QObject::tr("Built-in input: sine sin(2πt/100); step (a new level every "
                                   "100 steps); smooth (low-passed Gaussian noise, unit "
                                   "variance, as in ICLR'18 Figs 1, 10); white noise"),
            .choices = {QStringLiteral("sine"), QStringLiteral("step"), QStringLiteral("smooth"),
                        QStringLiteral("noise")},
            .choiceLabels = {QObject::tr("Sine"), QObject::tr("Steps"),
                             QObject::tr("Smooth random"), QObject::tr("White noise")},
            .defaultText = defaultKind,
            .group = group};
}

widgets::ParameterSpec kpParameter(const QString& key, double defaultValue, const QString& group) {
    return {.key = key,
            .label = QObject::tr("kp (proportional gain)"),
            .minimum = 0.0,
            .maximum = 10.0,
            .defaultValue = defaultValue,
            .decimals = 3,
            .logarithmic = true,
            .toolTip = QObject::tr("Encoder a_t = kp·x_t + kd·(x_t − x_{t−1}) (ICLR'18 eq. 5). "
                                   "Larger kp: more spikes, less lag."),
            .group = group};
}

widgets::ParameterSpec kdParameter(const QString& key, double defaultValue, const QString& group) {
    return {.key = key,
            .label = QObject::tr("kd (derivative gain)"),
            .minimum = 0.0,
            .maximum = 100.0,
            .defaultValue = defaultValue,
            .decimals = 3,
            .logarithmic = true,
            .toolTip = QObject::tr("Decoder y_t = (s_t + kd·y_{t−1})/(kp + kd) (ICLR'18 eq. 6). "
                                   "Larger kd: finer resolution, longer memory."),
            .group = group};
}

widgets::ParameterSpec seedParameter(const QString& group) {
    return {.key = QStringLiteral("seed"),
            .label = QObject::tr("Random seed"),
            .kind = widgets::ParameterSpec::Kind::Integer,
            .minimum = 0,
            .maximum = 1'000'000,
            .defaultValue = 1,
            .toolTip = QObject::tr("Every random draw comes from this seed: the same seed gives "
                                   "the same result"),
            .group = group};
}

widgets::ParameterSpec lengthParameter(int defaultSteps, int maximum, const QString& toolTip,
                                       const QString& group) {
    return {.key = QStringLiteral("steps"),
            .label = QObject::tr("Length"),
            .kind = widgets::ParameterSpec::Kind::Integer,
            .minimum = 10,
            .maximum = static_cast<double>(maximum),
            .defaultValue = static_cast<double>(defaultSteps),
            .unit = QObject::tr("steps"),
            .toolTip = toolTip,
            .group = group};
}

std::vector<double> readCsvColumn(const QString& path, const std::string& column) {
    return CsvTable::read(path.toStdString()).column(column);
}

QString formatDuration(double milliseconds) {
    if (milliseconds >= 1000.0)
        return QObject::tr("%1 s").arg(milliseconds / 1000.0, 0, 'f', 1);
    return QObject::tr("%1 ms").arg(QString::number(milliseconds, 'g', 2));
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
