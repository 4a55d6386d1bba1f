#include "lab_page.h"

namespace sdlab::gui {

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
