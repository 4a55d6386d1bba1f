#pragma once

class QObject;

namespace sdlab {
struct Experiment;
}

namespace sdlab::gui {

class LabSession;

// The one place that knows which page draws which experiment's results and which labs
// have a long run (LabRun). Returns the experiment's session, owning its run, with its
// page unparented (a window adopts it; a test owns it); nullptr for an experiment with
// no lab.
LabSession* createLab(const Experiment& experiment, QObject* parent = nullptr);

} // namespace sdlab::gui
