#include "lab_support.h"

#include <QAction>
#include <QObject>
#include <QToolButton>

namespace sdlab::gui {

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
