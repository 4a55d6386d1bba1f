#include "gui/lab_session.h"

#include "gui/lab_page.h"
#include "gui/lab_parameters.h"
#include "gui/lab_run.h"
#include "gui/set_parameters_command.h"

namespace sdlab::gui {

LabSession::LabSession(LabPage* page, LabRun* run, QObject* parent)
    : QObject(parent), m_page(page), m_run(run), m_experiment(page->experiment()),
      m_values(reconciled(toVariantMap(defaultValues(m_experiment)), QString())),
      m_thread([&experiment = m_experiment, compute = page->computeFunction()](
                   const widgets::ParameterValues& values, ComputeControl& control) {
          return compute(checkedLabValues(experiment, values), control);
      }) {
    qRegisterMetaType<LabResultPtr>();
    if (m_run) {
        m_run->setParent(this);
        m_run->parametersChanged(m_values);
    }
    connect(&m_thread, &ComputeThread::computed, this,
            [this](const LabResultPtr& result, quint64 generation) {
                if (generation != m_generation)
                    return; // superseded while it was computing
                m_result = result;
                setBusy(false);
                if (m_run)
                    m_run->resultReady(result);
                Q_EMIT resultReady(result);
            });
    connect(&m_thread, &ComputeThread::computeFailed, this,
            [this](const QString& message, quint64 generation) {
                if (generation != m_generation)
                    return;
                setBusy(false);
                Q_EMIT failed(message);
            });
    connect(&m_thread, &ComputeThread::computeCancelled, this, [this](quint64 generation) {
        if (generation == m_generation && m_busy) {
            setBusy(false);
            Q_EMIT cancelled();
        }
    });
}

widgets::ParameterValues LabSession::completed(const widgets::ParameterValues& values) const {
    // Keys are read through the description (aliases too); unknown keys and values it
    // refuses are dropped, missing ones keep their current value.
    widgets::ParameterValues out = m_values;
    for (auto it = values.begin(); it != values.end(); ++it) {
        const Parameter* p = findParameter(m_experiment, it.key().toStdString());
        if (!p)
            continue;
        const ParameterValue value = normalizedValue(*p, fromVariant(it.value()));
        if (parameterError(*p, value).empty())
            out[QString::fromStdString(p->key)] = toVariant(value);
    }
    return out;
}

widgets::ParameterValues LabSession::reconciled(widgets::ParameterValues values,
                                                const QString& changedKey) const {
    if (!m_experiment.reconcile)
        return values;
    ParameterValues core;
    for (const auto& [key, value] : fromVariantMap(values))
        if (const Parameter* p = findParameter(m_experiment, key))
            core.set(p->key, normalizedValue(*p, value));
    m_experiment.reconcile(core, changedKey.toStdString());
    return toVariantMap(core);
}

void LabSession::edit(const QString& key, const QVariant& value, int dragSerial) {
    const Parameter* p = findParameter(m_experiment, key.toStdString());
    if (!p)
        return;
    const ParameterValue normalized = normalizedValue(*p, fromVariant(value));
    if (const std::string error = parameterError(*p, normalized); !error.empty()) {
        Q_EMIT editRefused(
            tr("%1: %2 — not changed")
                .arg(QString::fromStdString(p->label), QString::fromStdString(error)));
        return;
    }
    widgets::ParameterValues after = m_values;
    after[QString::fromStdString(p->key)] = toVariant(normalized);
    after = reconciled(after, key);
    if (after == m_values)
        return;
    m_undo.push(new SetParametersCommand(
        tr("Change %1").arg(QString::fromStdString(p->label)), m_values, after,
        [this](const widgets::ParameterValues& v) { setValues(v); }, key, dragSerial));
}

void LabSession::apply(const widgets::ParameterValues& values, const QString& description) {
    const widgets::ParameterValues after = reconciled(completed(values), QString());
    if (after == m_values)
        return;
    m_undo.push(new SetParametersCommand(
        description, m_values, after, [this](const widgets::ParameterValues& v) { setValues(v); }));
}

void LabSession::restore(const widgets::ParameterValues& values) {
    setValues(reconciled(completed(values), QString()));
}

void LabSession::resetToDefaults(const QString& description) {
    apply(toVariantMap(defaultValues(m_experiment)), description);
}

void LabSession::setValues(const widgets::ParameterValues& values) {
    m_values = values;
    if (m_run)
        m_run->parametersChanged(m_values);
    Q_EMIT parametersChanged(m_values);
    recompute();
}

bool LabSession::isRunning() const {
    return m_run && m_run->isRunning();
}

void LabSession::stopRun() {
    if (m_run)
        m_run->stop();
}

void LabSession::setIdle(bool idle) {
    m_idle = idle;
    if (!idle && m_recomputeDue)
        recompute();
}

void LabSession::recompute() {
    if (m_idle) {
        m_recomputeDue = true;
        return;
    }
    m_recomputeDue = false;
    ++m_generation;
    setBusy(true);
    m_thread.request(m_values, m_generation);
}

void LabSession::cancel() {
    if (!m_busy)
        return;
    ++m_generation; // whatever is still in flight is now stale
    m_thread.cancelCurrent();
    setBusy(false);
    Q_EMIT cancelled();
}

void LabSession::setBusy(bool busy) {
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

} // namespace sdlab::gui
