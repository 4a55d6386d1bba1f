#pragma once

#include "gui/lab_result.h"

#include <QThread>
#include <condition_variable>
#include <mutex>

namespace sdlab::gui {

// The worker of one lab, after Qt's Mandelbrot example: request() hands over a copy of
// the parameters and wakes the thread; a request that arrives while one is computing
// cancels it (restart-on-change: the newest parameters win). Results leave by a queued
// signal tagged with the request's generation so the receiver can drop stale ones.
// request(), cancelCurrent() and control() may be called from the GUI thread; the
// compute function runs only on this thread. The destructor cancels and joins.
class ComputeThread : public QThread {
    Q_OBJECT
  public:
    explicit ComputeThread(WorkerFunction compute, QObject* parent = nullptr);
    ~ComputeThread() override;

    void request(const widgets::ParameterValues& values, quint64 generation);
    void cancelCurrent();
    const ComputeControl& control() const { return m_control; }

  Q_SIGNALS:
    void computed(sdlab::gui::LabResultPtr result, quint64 generation);
    void computeFailed(const QString& message, quint64 generation);
    void computeCancelled(quint64 generation);

  protected:
    void run() override;

  private:
    const WorkerFunction m_compute;
    ComputeControl m_control;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    widgets::ParameterValues m_values; // guarded by m_mutex
    quint64 m_generation = 0;          // guarded by m_mutex
    bool m_pending = false;            // guarded by m_mutex
    bool m_quit = false;               // guarded by m_mutex
};

} // namespace sdlab::gui
