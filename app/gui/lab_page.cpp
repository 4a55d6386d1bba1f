#include "gui/lab_page.h"

#include <QTabWidget>

namespace sdlab::gui {

namespace {

// Brings `widget` forward in the tab widget holding it (a tab page's parent is the tab
// widget's stack), and so on outward up to `top`.
void bringForward(QWidget* widget, const QWidget* top) {
    for (QWidget* w = widget; w && w != top; w = w->parentWidget()) {
        QWidget* stack = w->parentWidget();
        auto* tabs = stack ? qobject_cast<QTabWidget*>(stack->parentWidget()) : nullptr;
        if (tabs && tabs->indexOf(w) >= 0)
            tabs->setCurrentWidget(w);
    }
}

} // namespace

bool LabPage::showTab(const QString& title, QStringList* titles) {
    bool found = false;
    for (QTabWidget* tabs : findChildren<QTabWidget*>()) {
        for (int k = 0; k < tabs->count(); ++k) {
            if (!tabs->isTabEnabled(k) || !tabs->isTabVisible(k))
                continue; // the view has nothing to show for this result
            QString text = tabs->tabText(k);
            text.remove(QLatin1Char('&'));
            if (titles)
                titles->append(text);
            if (!found && text.startsWith(title, Qt::CaseInsensitive)) {
                found = true;
                bringForward(tabs->widget(k), this);
            }
        }
    }
    return found;
}

bool LabPage::openResult(const QString&, QString* error) {
    if (error)
        *error = tr("the %1 lab cannot show saved results yet; run it from the parameters "
                    "(Edit > Copy as Command gives the matching sdlab-cli line)")
                     .arg(title());
    return false;
}

QString LabPage::parameterNote(const widgets::ParameterValues&) const {
    return {};
}

void LabPage::setSummary(const QString& text) {
    if (text == m_summary)
        return;
    m_summary = text;
    Q_EMIT summaryChanged(text);
}

} // namespace sdlab::gui
