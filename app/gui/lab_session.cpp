#include "lab_session.h"

#include "lab_page.h"
#include "set_parameters_command.h"

namespace sdlab::gui {

LabSession::LabSession(LabPage* page, QObject* parent)
    : QObject(parent), m_page(page), m_specs(page->parameterSpecs()),
      m_values(widgets::defaultParameters(m_specs)), m_thread(page->computeFunction()) {
    qRegisterMetaType<LabResultPtr>();
    connect(&m_thread, &ComputeThread::computed, this,
            [this](const LabResultPtr& result, quint64 generation) {
                if (generation != m_generation)
                    return; // superseded while it was computing
                m_result = result;
                setBusy(false);
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

widgets::ParameterValues LabSession::completed(widgets::ParameterValues values) const {
    // Unknown keys are dropped, missing ones keep their current value, types follow
    // the spec: the values always describe exactly this lab's parameters.
    widgets::ParameterValues out = m_values;
    for (const widgets::ParameterSpec& spec : m_specs)
        if (values.contains(spec.key) && widgets::parameterError(spec, values[spec.key]).isEmpty())
            out[spec.key] = widgets::normalizedParameter(spec, values[spec.key]);
    return out;
}

void LabSession::edit(const QString& key, const QVariant& value, int dragSerial) {
    const widgets::ParameterSpec* spec = widgets::findParameter(m_specs, key);
    if (!spec || !widgets::parameterError(*spec, value).isEmpty())
        return;
    widgets::ParameterValues after = m_values;
    after[key] = widgets::normalizedParameter(*spec, value);
    m_page->reconcile(after, key);
    if (after == m_values)
        return;
    m_undo.push(new SetParametersCommand(
        tr("Change %1").arg(spec->label), m_values, completed(after),
        [this](const widgets::ParameterValues& v) { setValues(v); }, key, dragSerial));
}

void LabSession::apply(const widgets::ParameterValues& values, const QString& description) {
    widgets::ParameterValues after = completed(values);
    m_page->reconcile(after, QString()); // derived values follow the primary ones
    if (after == m_values)
        return;
    m_undo.push(new SetParametersCommand(
        description, m_values, after, [this](const widgets::ParameterValues& v) { setValues(v); }));
}

void LabSession::restore(const widgets::ParameterValues& values) {
    widgets::ParameterValues after = completed(values);
    m_page->reconcile(after, QString());
    setValues(after);
}

void LabSession::setValues(const widgets::ParameterValues& values) {
    m_values = values;
    Q_EMIT parametersChanged(m_values);
    recompute();
}

void LabSession::recompute() {
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
