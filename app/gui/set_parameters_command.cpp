#include "gui/set_parameters_command.h"

namespace sdlab::gui {

SetParametersCommand::SetParametersCommand(const QString& text, widgets::ParameterValues before,
                                           widgets::ParameterValues after, Apply apply,
                                           QString mergeKey, int dragSerial)
    : QUndoCommand(text), m_before(std::move(before)), m_after(std::move(after)),
      m_apply(std::move(apply)), m_mergeKey(std::move(mergeKey)), m_dragSerial(dragSerial) {}

bool SetParametersCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = static_cast<const SetParametersCommand*>(other);
    if (m_dragSerial == 0 || next->m_dragSerial != m_dragSerial || next->m_mergeKey != m_mergeKey)
        return false;
    m_after = next->m_after;
    return true;
}

} // namespace sdlab::gui
