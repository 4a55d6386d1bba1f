#pragma once

#include "lab_result.h"
#include "parameter_spec.h"

#include <QWidget>
#include <utility>
#include <vector>

namespace sdlab::widgets {
class ExportablePlot;
}

namespace sdlab::gui {

// One lab as the window shows it: what it computes (a pure function of its
// parameters, run on the worker thread), the parameters it takes, and the plots that
// show a result. A page displays results it is given and never computes on the GUI
// thread; its LabSession owns the parameters, the undo stack and the worker
// (STYLE habit 3). GUI thread only.
class LabPage : public QWidget {
    Q_OBJECT
  public:
    using QWidget::QWidget;

    virtual QString labId() const = 0; // "signal", used by --lab, presets and settings
    virtual QString title() const = 0;
    virtual widgets::ParameterSpecs parameterSpecs() const = 0;
    virtual ComputeFunction computeFunction() const = 0;
    virtual void showResult(const LabResultPtr& result) = 0;
    // Named plots for File > Export, in display order.
    virtual std::vector<std::pair<QString, widgets::ExportablePlot*>> plots() = 0;

    // Coupled parameters: called after `changedKey` was edited, before it is applied
    // (e.g. kα/kβ ↔ kp/kd); an empty key means "several changed: derive the dependent
    // values from the primary ones". Default: nothing is coupled.
    virtual void reconcile(widgets::ParameterValues& values, const QString& changedKey) const;
    // Derived read-outs shown under the parameter panel (HTML).
    virtual QString parameterNote(const widgets::ParameterValues& values) const;
    // One line for the status bar describing the shown result.
    virtual QString summary() const { return m_summary; }

    // Time-based labs animate with the playback bar: the number of steps of the shown
    // result, and how far to show it.
    virtual bool hasPlayback() const { return false; }
    virtual int playbackLength() const { return 0; }
    virtual void setPlaybackPosition(int /*position*/) {}

  protected:
    void setSummary(const QString& text);

  private:
    QString m_summary;
};

} // namespace sdlab::gui
