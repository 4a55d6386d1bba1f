#include "gui/lab_page.h"

namespace sdlab::gui {

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
