#pragma once

#include "gui/lab_result.h"
#include "widgets/parameter_spec.h"

#include <QObject>

namespace sdlab::gui {

// A lab's long run beside its parameter computations: a training run of minutes, the
// live video. Owned by the lab's LabSession (STYLE habit 3), which feeds it the newest
// values and results; driven by the page's run actions; asked by the window whether
// anything runs and stopped on quit. A run can be made and tested without a page or a
// window. GUI thread only.
class LabRun : public QObject {
    Q_OBJECT
  public:
    using QObject::QObject;

    virtual bool isRunning() const = 0;
    // Whether quitting now would lose work (a training run), so the window asks first.
    virtual bool quitNeedsConfirmation() const { return isRunning(); }
    // Asks the run to end (the window calls it on quit); finished() follows once it has.
    // The worker is joined when the run is destroyed.
    virtual void stop() = 0;
    // The session's newest values, whether or not a result for them has arrived yet
    // (a run must not start from an older, checked setup).
    virtual void parametersChanged(const widgets::ParameterValues& /*values*/) {}
    // Each result of the lab's computation for the session's current values.
    virtual void resultReady(const LabResultPtr& /*result*/) {}

  Q_SIGNALS:
    void finished(); // a run ended (finished, stopped or failed)
};

} // namespace sdlab::gui
