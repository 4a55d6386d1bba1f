#pragma once

#include "experiment/parameter_values.h"
#include "widgets/parameter_spec.h"

#include <QMetaType>
#include <atomic>
#include <functional>
#include <memory>

namespace sdlab::gui {

// What a lab's computation hands to its page: built on the worker thread, then shared
// read-only with the GUI thread (never mutated after it is emitted). Each lab derives
// its own result type.
struct LabResult {
    virtual ~LabResult() = default;
    widgets::ParameterValues parameters; // what it was computed from
    double computeMilliseconds = 0.0;
};
using LabResultPtr = std::shared_ptr<const LabResult>;

// Cancel flag and progress counters for one computation: written by the worker, read
// by the GUI thread's progress display (atomics only, STYLE habit 5).
class ComputeControl {
  public:
    bool cancelled() const { return m_cancel.load(std::memory_order_relaxed); }
    void cancel() { m_cancel.store(true, std::memory_order_relaxed); }
    void reset() {
        m_cancel.store(false);
        m_done.store(0);
        m_total.store(0);
    }
    // Records progress; returns false once cancelled (the core ProgressCallback shape).
    bool report(long done, long total) {
        m_done.store(done, std::memory_order_relaxed);
        m_total.store(total, std::memory_order_relaxed);
        return !cancelled();
    }
    long done() const { return m_done.load(std::memory_order_relaxed); }
    long total() const { return m_total.load(std::memory_order_relaxed); }

  private:
    std::atomic<bool> m_cancel{false};
    std::atomic<long> m_done{0};
    std::atomic<long> m_total{0};
};

// A lab's computation: a pure function of its checked parameter values (core's
// ParameterValues, keyed as the experiment's description), run on the worker thread.
// Throws sdlab::InputError for bad input (e.g. a malformed CSV file); returns nullptr
// when cancelled.
using ComputeFunction =
    std::function<LabResultPtr(const sdlab::ParameterValues& values, ComputeControl& control)>;
// What the worker thread runs: the panel's values in, a result out (the session checks
// the values against the description, then calls the lab's ComputeFunction).
using WorkerFunction =
    std::function<LabResultPtr(const widgets::ParameterValues& values, ComputeControl& control)>;

} // namespace sdlab::gui

Q_DECLARE_METATYPE(sdlab::gui::LabResultPtr)
