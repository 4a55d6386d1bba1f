#pragma once

#include "widgets/parameter_spec.h"

#include <QUndoCommand>
#include <functional>

namespace sdlab::gui {

// One undoable parameter edit of a lab: the values before and after. Edits of the same
// parameter within one slider drag (same non-zero drag serial) merge into one command,
// so a drag undoes in one step (STYLE habit 4).
class SetParametersCommand : public QUndoCommand {
  public:
    using Apply = std::function<void(const widgets::ParameterValues&)>;
    SetParametersCommand(const QString& text, widgets::ParameterValues before,
                         widgets::ParameterValues after, Apply apply, QString mergeKey = {},
                         int dragSerial = 0);

    void undo() override { m_apply(m_before); }
    void redo() override { m_apply(m_after); }
    int id() const override { return 0x5D1AB; }
    bool mergeWith(const QUndoCommand* other) override;

  private:
    widgets::ParameterValues m_before, m_after;
    Apply m_apply;
    QString m_mergeKey;
    int m_dragSerial;
};

} // namespace sdlab::gui
