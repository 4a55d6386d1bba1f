#pragma once

#include "gui/compute_thread.h"
#include "gui/lab_result.h"
#include "widgets/parameter_spec.h"

#include <QObject>
#include <QUndoStack>

namespace sdlab {
struct Experiment;
}

namespace sdlab::gui {

class LabPage;
class LabRun;

// The running state of one lab (STYLE habit 3): its parameter values, their undo stack,
// its worker thread and, for labs with long runs, its LabRun (the training runs, the live
// video), which it feeds the newest values and results. It is the only thing that changes the
// values and the only emitter of change signals; the page and the parameter panel observe it. What
// a value may be, and how values are coupled, is the experiment's description in core: an edit it
// refuses changes nothing and says why (editRefused). Every change of values requests a
// computation; a newer request cancels an older one and results of superseded requests are dropped,
// so what is shown always matches the newest parameters that finished. GUI thread only.
class LabSession : public QObject {
    Q_OBJECT
  public:
    // Takes ownership of `run` (may be null); the page is the window's.
    LabSession(LabPage* page, LabRun* run, QObject* parent = nullptr);

    LabPage* page() const { return m_page; }
    LabRun* run() const { return m_run; }
    bool isRunning() const;
    void stopRun(); // asks a long run to end
    const Experiment& experiment() const { return m_experiment; }
    const widgets::ParameterValues& values() const { return m_values; }
    QUndoStack* undoStack() { return &m_undo; }

    // One undoable edit from the parameter panel (see SetParametersCommand for drags).
    void edit(const QString& key, const QVariant& value, int dragSerial = 0);
    // Several values at once, one undo step (presets, "open in Signal lab").
    void apply(const widgets::ParameterValues& values, const QString& description);
    // Values without an undo step (restoring settings at start-up).
    void restore(const widgets::ParameterValues& values);
    // The description's defaults, one undo step.
    void resetToDefaults(const QString& description);

    // While idle (a lab not shown yet), recompute() only remembers that it is due, so the
    // window's labs do not all compute at once at start; setIdle(false) computes it then.
    void setIdle(bool idle);
    bool isIdle() const { return m_idle; }
    void recompute();
    void cancel();
    bool isBusy() const { return m_busy; }
    LabResultPtr result() const { return m_result; }
    bool resultIsCurrent() const { return m_result && m_result->parameters == m_values; }
    const ComputeControl& control() const { return m_thread.control(); }

  Q_SIGNALS:
    void parametersChanged(const widgets::ParameterValues& values);
    void resultReady(const sdlab::gui::LabResultPtr& result);
    void busyChanged(bool busy);
    void failed(const QString& message);
    void cancelled();
    // An edit the description does not accept (a value out of range, a malformed list):
    // nothing changed (no parametersChanged); the panel should show values() again.
    void editRefused(const QString& message);

  private:
    void setValues(const widgets::ParameterValues& values);
    void setBusy(bool busy);
    widgets::ParameterValues completed(const widgets::ParameterValues& values) const;
    widgets::ParameterValues reconciled(widgets::ParameterValues values,
                                        const QString& changedKey) const;

    LabPage* m_page;
    LabRun* m_run; // a child of this session
    const Experiment& m_experiment;
    widgets::ParameterValues m_values;
    QUndoStack m_undo;
    ComputeThread m_thread;
    quint64 m_generation = 0;
    LabResultPtr m_result;
    bool m_busy = false;
    bool m_idle = false;
    bool m_recomputeDue = false; // requested while idle
};

} // namespace sdlab::gui
