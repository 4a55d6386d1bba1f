#include "gui/compute_thread.h"

#include <QElapsedTimer>
#include <exception>

namespace sdlab::gui {

ComputeThread::ComputeThread(WorkerFunction compute, QObject* parent)
    : QThread(parent), m_compute(std::move(compute)) {}

ComputeThread::~ComputeThread() {
    {
        const std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_control.cancel();
    m_wake.notify_one();
    wait();
}

void ComputeThread::request(const widgets::ParameterValues& values, quint64 generation) {
    {
        const std::lock_guard lock(m_mutex);
        m_values = values;
        m_generation = generation;
        m_pending = true;
        // Under the lock, so it cannot hit the run that picks this request up.
        m_control.cancel(); // stop the computation in progress, if any
    }
    if (!isRunning())
        start(QThread::LowPriority);
    m_wake.notify_one();
}

void ComputeThread::cancelCurrent() {
    {
        const std::lock_guard lock(m_mutex);
        m_pending = false;
        m_control.cancel();
    }
}

void ComputeThread::run() {
    for (;;) {
        widgets::ParameterValues values;
        quint64 generation = 0;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_pending || m_quit; });
            if (m_quit)
                return;
            values = m_values;
            generation = m_generation;
            m_pending = false;
            m_control.reset(); // under the lock: a later request() cancels this run
        }
        QElapsedTimer clock;
        clock.start();
        try {
            LabResultPtr result = m_compute(values, m_control);
            if (!result || m_control.cancelled()) {
                Q_EMIT computeCancelled(generation);
                continue;
            }
            auto timed = std::const_pointer_cast<LabResult>(result);
            timed->parameters = values;
            timed->computeMilliseconds = static_cast<double>(clock.nsecsElapsed()) / 1e6;
            Q_EMIT computed(std::move(result), generation);
        } catch (const std::exception& error) {
            Q_EMIT computeFailed(QString::fromUtf8(error.what()), generation);
        }
    }
}

} // namespace sdlab::gui
