#include "gui/experiment_thread.h"

#include "io/input_error.h"

#include <chrono>

namespace sdlab::gui {

ExperimentThread::ExperimentThread(QObject* parent) : QThread(parent) {
    qRegisterMetaType<ExperimentOutcomePtr>();
}

ExperimentThread::~ExperimentThread() {
    stop();
    wait();
}

bool ExperimentThread::startRun(const Experiment& experiment, ParameterValues values) {
    if (isRunning())
        return false;
    m_experiment = &experiment;
    m_values = std::move(values);
    m_stop = false;
    start();
    return true;
}

void ExperimentThread::run() {
    auto outcome = std::make_shared<ExperimentOutcome>();
    outcome->experiment = m_experiment;
    using Clock = std::chrono::steady_clock;
    Clock::time_point lastReport{};
    RunContext context;
    // A run reports phase by phase (training, then each λ): the fraction of the current one.
    context.progress = [&](std::size_t done, std::size_t total) {
        const Clock::time_point now = Clock::now();
        if (total > 0 && now - lastReport > std::chrono::milliseconds(100)) {
            lastReport = now;
            Q_EMIT progressed(static_cast<double>(done) / static_cast<double>(total));
        }
        return !m_stop.load();
    };
    try {
        OutputBundle bundle;
        outcome->line = QString::fromStdString(m_experiment->run(m_values, context, bundle));
        outcome->files = bundle.files();
    } catch (const RunCancelled&) {
        outcome->cancelled = true;
    } catch (const std::exception& e) { // InputError, a data set that cannot be read, ...
        outcome->error = QString::fromStdString(e.what());
    }
    Q_EMIT runFinished(outcome);
}

} // namespace sdlab::gui
