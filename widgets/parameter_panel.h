#pragma once

#include "widgets/parameter_spec.h"

#include <QHash>
#include <QWidget>
#include <functional>

class QGridLayout;
class QHBoxLayout;
class QLabel;

namespace sdlab::widgets {

// Edits a set of parameters described by ParameterSpecs: numbers as a slider with a
// spin box (units and tooltips from the spec; log sliders where the spec says so),
// choices as combo boxes, files as a path with a Browse button, flags as check boxes,
// text as a line (with suggestions and Browse where the spec says), a MIN:MAX:N range as
// two ends and a count; an optional number has an "auto" box. It only reports edits
// (valueEdited) and shows values it is given (setValues, which emits nothing): the lab
// session owns the values and the undo stack. A slider drag carries one drag serial
// from press to release, so the session can merge the drag into one undo step.
// GUI thread only.
class ParameterPanel : public QWidget {
    Q_OBJECT
  public:
    explicit ParameterPanel(ParameterSpecs specs, QWidget* parent = nullptr);

    const ParameterSpecs& specs() const { return m_specs; }
    void setValues(const ParameterValues& values);
    ParameterValues values() const { return m_values; }
    void setNote(const QString& html); // derived read-outs under the controls
    // Marks these parameters' labels (a lesson step's "look here"), clearing the others,
    // and scrolls the first into view.
    void setHighlighted(const QStringList& keys);
    QStringList highlighted() const { return m_highlighted; }
    // The editor of one parameter (for tests and focus), or nullptr.
    QWidget* editor(const QString& key) const;

  Q_SIGNALS:
    // dragSerial > 0 while one slider drag lasts (the same number for all its edits),
    // 0 for single edits.
    void valueEdited(const QString& key, const QVariant& value, int dragSerial);

  private:
    void addNumber(const ParameterSpec& spec, QGridLayout* grid, int& row);
    void addChoice(const ParameterSpec& spec, QGridLayout* grid, int& row);
    // A label over a row for one parameter's editors; returns the row's layout.
    QHBoxLayout* addLabelledLine(const ParameterSpec& spec, QGridLayout* grid, int& row);
    void addFile(const ParameterSpec& spec, QGridLayout* grid, int& row);
    void addFlag(const ParameterSpec& spec, QGridLayout* grid, int& row);
    void addText(const ParameterSpec& spec, QGridLayout* grid, int& row);
    void addRange(const ParameterSpec& spec, QGridLayout* grid, int& row);
    void edit(const QString& key, const QVariant& value);
    void updateShownRows(); // shownWhen: rows and group headings for the current values

    ParameterSpecs m_specs;
    ParameterValues m_values;
    QHash<QString, QWidget*> m_editors;
    QHash<QString, std::function<void(const QVariant&)>> m_show; // value → widgets, silently
    QLabel* m_note = nullptr;
    QStringList m_highlighted;
    // Per spec, the widgets of its rows; per group heading, the specs under it.
    std::vector<std::vector<QWidget*>> m_rowWidgets;
    std::vector<std::pair<QLabel*, std::vector<std::size_t>>> m_headings;
    int m_dragSerial = 0; // the serial of the drag in progress, 0 when none
    int m_nextSerial = 1;
};

} // namespace sdlab::widgets
