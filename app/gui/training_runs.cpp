#include "gui/training_runs.h"

#include "experiment/experiment_list.h"
#include "gui/lab_parameters.h"
#include "gui/lab_support.h"
#include "io/input_error.h"

namespace sdlab::gui {

QString modelTitle(ModelKind model) {
    switch (model) {
    case ModelKind::Mlp:
        return QObject::tr("MLP");
    case ModelKind::Pdnn:
        return QObject::tr("PDNN");
    case ModelKind::SpikingMlp:
        return QObject::tr("Spiking MLP");
    case ModelKind::SigmaDelta:
        return QObject::tr("Σ-Δ net");
    case ModelKind::EqProp:
        return QObject::tr("EqProp");
    case ModelKind::InitEqProp:
        return QObject::tr("Init. EqProp");
    case ModelKind::SpikingEqProp:
        return QObject::tr("Spiking EqProp");
    case ModelKind::Lif:
        return QObject::tr("LIF");
    }
    return {};
}

namespace {

// "3 PDNN past temporal": the run's number, model and what distinguishes it.
QString runName(int number, const TrainingSettings& s) {
    QString name = QStringLiteral("%1 %2").arg(number).arg(modelTitle(s.model));
    if (s.model == ModelKind::Pdnn)
        name += QStringLiteral(" ") + QString::fromLatin1(updateRuleName(s.update));
    if (s.model == ModelKind::SpikingMlp)
        name += QStringLiteral(" ") + QString::fromLatin1(optimizerName(s.optimizer)).toUpper();
    if (s.model == ModelKind::Lif) {
        if (s.lif.neuron != LifNeuronKind::Leaky)
            name += QStringLiteral(" ") + QString::fromLatin1(lifNeuronKindName(s.lif.neuron));
        name += QStringLiteral(" ") + QString::fromLatin1(spikeLossName(s.lif.loss));
        if (s.lif.method != LifMethod::Bptt)
            name += QStringLiteral(" ") + QString::fromLatin1(lifMethodName(s.lif.method));
    }
    if (s.order == SampleOrderKind::Temporal)
        name += QObject::tr(" temporal");
    return name;
}

TrainingCurvePoint pointAt(std::uint64_t samples, std::uint64_t adds, std::uint64_t mults,
                           double energyMj, double value) {
    return {static_cast<double>(samples), static_cast<double>(adds + mults), energyMj, value};
}

// A row's points on the "Inside the model" curves: spiking activity (overall and per
// layer) and Initialized EqProp's gradient alignment.
void appendInsideCurves(TrainingCurves& run, const CurveRow& row) {
    const auto at = [&](double value) {
        return pointAt(row.samples, row.adds, row.mults, row.energyMj, value);
    };
    if (run.layerAlignment.size() < row.gradientAlignment.size())
        run.layerAlignment.resize(row.gradientAlignment.size());
    for (std::size_t l = 0; l < row.gradientAlignment.size(); ++l)
        run.layerAlignment[l].push_back(at(row.gradientAlignment[l]));
    if (!row.activity)
        return;
    run.deadPercent.push_back(at(100.0 * row.activity->deadFraction));
    run.spikesPerSample.push_back(at(row.activity->spikesPerSample));
    const auto perLayer = [&](std::vector<std::vector<TrainingCurvePoint>>& curves,
                              const std::vector<double>& values, double scale) {
        if (curves.size() < values.size())
            curves.resize(values.size());
        for (std::size_t l = 0; l < values.size(); ++l)
            curves[l].push_back(at(scale * values[l]));
    };
    perLayer(run.layerRates, row.activity->layerRates, 1.0);
    perLayer(run.layerDeadPercent, row.activity->layerDeadFractions, 100.0);
    perLayer(run.layerGradientNorms, row.gradientNorms, 1.0);
}

} // namespace

TrainingRuns::TrainingRuns(QObject* parent) : LabRun(parent) {
    connect(&m_thread, &TrainingThread::snapshotReady, this, &TrainingRuns::onSnapshot);
    connect(&m_thread, &TrainingThread::rowReady, this, &TrainingRuns::onRow);
    connect(&m_thread, &TrainingThread::runFinished, this,
            [this](const TrainingOutcomePtr& outcome) {
                Q_EMIT stateChanged();
                Q_EMIT outcomeReady(outcome);
                Q_EMIT finished();
            });
    connect(&m_tradeoff, &ExperimentThread::progressed, this, &TrainingRuns::tradeoffProgress);
    connect(&m_tradeoff, &ExperimentThread::runFinished, this,
            [this](const ExperimentOutcomePtr& outcome) {
                Q_EMIT stateChanged();
                Q_EMIT tradeoffReady(outcome);
                Q_EMIT finished();
            });
}

bool TrainingRuns::startTradeoff(const Experiment& experiment,
                                 const std::map<std::string, ParameterValue>& fixed,
                                 QString* error) {
    if (isRunning() || !m_setup || m_setup->parameters != m_values)
        return false;
    // The lab's values the experiment shares with `train`: same name (or alias) and same
    // kind; a name that means something else there (EqProp's λ, scales' λ list) is not.
    const Experiment& learning = *findExperiment("learning");
    std::map<std::string, ParameterValue> given = fixed;
    for (const auto& [key, value] : fromVariantMap(m_setup->parameters)) {
        const Parameter* ours = findParameter(learning, key);
        const Parameter* theirs = findParameter(experiment, key);
        if (ours && theirs && ours->kind == theirs->kind && !given.count(theirs->key))
            given[key] = value;
    }
    try {
        m_tradeoff.startRun(experiment, checkedValues(experiment, given, ParameterNaming::Key));
    } catch (const InputError& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
    Q_EMIT stateChanged();
    return true;
}

void TrainingRuns::stop() {
    if (isTraining())
        m_thread.stop();
    if (isTradeoffRunning())
        m_tradeoff.stop();
}

void TrainingRuns::parametersChanged(const widgets::ParameterValues& values) {
    m_values = values;
    Q_EMIT stateChanged();
}

void TrainingRuns::resultReady(const LabResultPtr& result) {
    if (auto setup = std::dynamic_pointer_cast<const LearningSetup>(result)) {
        m_setup = std::move(setup);
        Q_EMIT stateChanged();
    }
}

const CurveRow* TrainingRuns::lastRow() const {
    return m_runs.empty() || m_runs.back().rows.empty() ? nullptr : &m_runs.back().rows.back();
}

void TrainingRuns::append(TrainingCurves run) {
    if (m_runs.size() == kMaxRuns) // the oldest leaves the charts
        m_runs.erase(m_runs.begin());
    m_runs.push_back(std::move(run));
    Q_EMIT runsChanged();
}

bool TrainingRuns::start() {
    if (!canStart())
        return false;
    m_running = m_setup;
    TrainingCurves run;
    run.name = runName(m_runsNamed + 1, m_running->settings);
    run.model = m_running->settings.model;
    run.colorIndex = m_runsNamed++;
    append(std::move(run));
    m_thread.startRun(m_running->data, m_running->settings, m_running->rasterLayer);
    Q_EMIT stateChanged();
    return true;
}

void TrainingRuns::setPaused(bool paused) {
    if (!isTraining() || paused == isPaused())
        return;
    m_thread.setPaused(paused);
    Q_EMIT stateChanged();
}

void TrainingRuns::addFinished(const QString& name, std::optional<ModelKind> model,
                               std::vector<CurveRow> rows) {
    const bool settles = model && isEquilibriumModel(*model);
    TrainingCurves run;
    run.name = name;
    run.model = model;
    run.colorIndex = m_runsNamed++;
    for (const CurveRow& row : rows) {
        run.testAccuracy.push_back(
            pointAt(row.samples, row.adds, row.mults, row.energyMj, 100.0 * row.testAccuracy));
        run.trainAccuracy.push_back(
            pointAt(row.samples, row.adds, row.mults, row.energyMj, 100.0 * row.trainAccuracy));
        run.loss.push_back(pointAt(row.samples, row.adds, row.mults, row.energyMj, row.loss));
        if (settles)
            run.settleSteps.push_back(
                pointAt(row.samples, row.adds, row.mults, row.energyMj, row.settleSteps));
        appendInsideCurves(run, row);
    }
    run.rows = std::move(rows);
    append(std::move(run));
}

void TrainingRuns::clear() {
    if (isTraining()) { // keep the running one
        TrainingCurves current = std::move(m_runs.back());
        m_runs.clear();
        m_runs.push_back(std::move(current));
    } else {
        m_runs.clear();
    }
    Q_EMIT runsChanged();
}

void TrainingRuns::onSnapshot(const TrainingSnapshotPtr& snapshot) {
    if (m_runs.empty())
        return;
    TrainingCurves& run = m_runs.back();
    const TrainingSnapshot& s = *snapshot;
    if (s.samples > 0 && (run.trainAccuracy.empty() ||
                          run.trainAccuracy.back().samples < static_cast<double>(s.samples))) {
        run.trainAccuracy.push_back(
            pointAt(s.samples, s.adds, s.mults, s.energyMj, 100.0 * s.trainAccuracy));
        run.loss.push_back(pointAt(s.samples, s.adds, s.mults, s.energyMj, s.loss));
        thinWhenOver(run.trainAccuracy, kMaxSnapshotPoints); // the two stay aligned
        thinWhenOver(run.loss, kMaxSnapshotPoints);
        Q_EMIT runUpdated(static_cast<int>(m_runs.size()) - 1);
    }
    Q_EMIT snapshotReady(snapshot);
}

void TrainingRuns::onRow(const TrainingRowPtr& update) {
    if (m_runs.empty() || !m_running)
        return;
    TrainingCurves& run = m_runs.back();
    const CurveRow& row = update->row;
    run.rows.push_back(row);
    // The dashed training curve comes from snapshots; the worker sends one just before
    // every row, so fast runs have a training point at each row too.
    run.testAccuracy.push_back(
        pointAt(row.samples, row.adds, row.mults, row.energyMj, 100.0 * row.testAccuracy));
    if (isEquilibriumModel(m_running->settings.model))
        run.settleSteps.push_back(
            pointAt(row.samples, row.adds, row.mults, row.energyMj, row.settleSteps));
    appendInsideCurves(run, row);
    Q_EMIT runUpdated(static_cast<int>(m_runs.size()) - 1);
    Q_EMIT rowReady(update);
}

} // namespace sdlab::gui
