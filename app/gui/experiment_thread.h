#pragma once

#include "experiment/experiment.h"

#include <QMetaType>
#include <QString>
#include <QThread>
#include <atomic>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace sdlab::gui {

// What one run of an experiment's description gave: the files `sdlab-cli` would have
// written, kept in memory, and its one-line report; or why it did not finish.
struct ExperimentOutcome {
    const Experiment* experiment = nullptr;
    std::vector<std::pair<std::string, std::string>> files; // name, content
    QString line;
    QString error; // non-empty when the run threw (its message)
    bool cancelled = false;

    const std::string* file(const std::string& name) const {
        for (const auto& [fileName, content] : files)
            if (fileName == name)
                return &content;
        return nullptr;
    }
};
using ExperimentOutcomePtr = std::shared_ptr<const ExperimentOutcome>;

// Runs an experiment exactly as `sdlab-cli` runs its command (the same description, checked
// values and run function) off the GUI thread, for the Learning lab's trade-off runs
// (`scales`, `early`). Progress leaves by queued signals; stop() is an atomic the run's
// progress callback polls. The destructor stops and joins.
class ExperimentThread : public QThread {
    Q_OBJECT
  public:
    explicit ExperimentThread(QObject* parent = nullptr);
    ~ExperimentThread() override;

    // Starts `experiment` on checked values unless a run is going (false then).
    bool startRun(const Experiment& experiment, ParameterValues values);
    void stop() { m_stop = true; }
    const Experiment* experiment() const { return m_experiment; }

  Q_SIGNALS:
    void progressed(double fraction);
    void runFinished(sdlab::gui::ExperimentOutcomePtr outcome);

  protected:
    void run() override;

  private:
    const Experiment* m_experiment = nullptr;
    ParameterValues m_values;
    std::atomic<bool> m_stop{false};
};

} // namespace sdlab::gui

Q_DECLARE_METATYPE(sdlab::gui::ExperimentOutcomePtr)
