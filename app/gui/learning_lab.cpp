#include "gui/learning_lab.h"

#include "data/dataset_loaders.h"
#include "experiments/learning_experiment.h"
#include "gui/lab_support.h"
#include "io/input_error.h"
#include "training/training_report.h"
#include "widgets/chart_plot.h"
#include "widgets/image_grid_view.h"
#include "widgets/spike_raster.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <map>
#include <mutex>

namespace sdlab::gui {

// Data sets loaded so far, by name: Fashion-MNIST takes about a second to read, and
// every parameter edit re-checks the setup. Shared by the worker and the page.
class DatasetCache {
  public:
    std::shared_ptr<const ImageDataset> get(const std::string& name) {
        {
            const std::lock_guard lock(m_mutex);
            if (auto it = m_sets.find(name); it != m_sets.end())
                return it->second;
        }
        auto data = std::make_shared<const ImageDataset>(loadDatasetByName(name));
        const std::lock_guard lock(m_mutex);
        m_sets[name] = data;
        return data;
    }

  private:
    std::mutex m_mutex;
    std::map<std::string, std::shared_ptr<const ImageDataset>> m_sets;
};

// The checked parameters: the data set and the settings a run would use.
struct LearningSetup : LabResult {
    std::shared_ptr<const ImageDataset> data;
    TrainingSettings settings;
    int rasterLayer = 1;
    QString description; // "PDNN 400-200-10 on digits (4000 train, 1000 test)"
};

namespace {

// The curves fed by snapshots (online accuracy, loss, kα, kβ; 5 a second) keep at most
// this many points each: a 200-epoch run otherwise grew memory by about 1.2 MiB a minute.
constexpr std::size_t kMaxSnapshotPoints = 4000;
// Runs on the charts at once, started or opened; the oldest leaves for a new one.
constexpr std::size_t kMaxRuns = 6;

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
    }
    return {};
}

QString compact(double value) {
    if (value >= 1e9)
        return QStringLiteral("%1G").arg(value / 1e9, 0, 'f', 2);
    if (value >= 1e6)
        return QStringLiteral("%1M").arg(value / 1e6, 0, 'f', 2);
    if (value >= 1e3)
        return QStringLiteral("%1k").arg(value / 1e3, 0, 'f', 1);
    return QString::number(value, 'f', 0);
}

QString className(const ImageDataset& data, int label) {
    return label >= 0 && label < data.classCount()
               ? QString::fromStdString(data.classNames[static_cast<std::size_t>(label)])
               : QString::number(label);
}

QWidget* boxed(const QString& title, QWidget* content) {
    auto* box = new QGroupBox(title);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(content);
    return box;
}

} // namespace

LearningLab::LearningLab(const Experiment& experiment, QWidget* parent)
    : LabPage(experiment, parent), m_cache(std::make_shared<DatasetCache>()),
      m_start(new QAction(tr("&Start Training"), this)),
      m_pause(new QAction(tr("&Pause Training"), this)),
      m_stop(new QAction(tr("S&top Training"), this)), m_xChoice(new QComboBox),
      m_progress(new QProgressBar), m_rate(new QLabel), m_accuracy(new widgets::ChartPlot),
      m_loss(new widgets::ChartPlot), m_settle(new widgets::ChartPlot),
      m_raster(new widgets::SpikeRaster), m_kAlpha(new widgets::ChartPlot),
      m_kBeta(new widgets::ChartPlot), m_images(new widgets::ImageGridView) {
    m_start->setShortcut(QKeySequence(tr("Ctrl+R")));
    m_start->setToolTip(tr("Train a new network with the current parameters (Ctrl+R); "
                           "finished runs stay on the charts"));
    m_pause->setShortcut(QKeySequence(tr("Ctrl+Shift+R")));
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Pause or resume the run (Ctrl+Shift+R)"));
    m_stop->setShortcut(QKeySequence(tr("Ctrl+.")));
    m_stop->setToolTip(tr("Stop the run (Ctrl+.): the model finishes its pending updates "
                          "and the curve keeps its last row"));
    connect(m_start, &QAction::triggered, this, [this] { startRun(); });
    connect(m_pause, &QAction::triggered, this, &LearningLab::togglePause);
    connect(m_stop, &QAction::triggered, this, &LearningLab::stopRun);
    auto* clear = new QAction(tr("&Clear Runs"), this);
    clear->setToolTip(tr("Remove the finished runs from the charts"));
    connect(clear, &QAction::triggered, this, &LearningLab::clearRuns);

    m_xChoice->addItems({tr("samples"), tr("operations (adds + mults)"), tr("energy (mJ)")});
    m_xChoice->setToolTip(tr("Horizontal axis of the accuracy and loss curves: training "
                             "samples seen, training operations, or their energy with the "
                             "Horowitz 32-bit integer figures (ICLR'18 Fig. 5)"));
    connect(m_xChoice, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_xAxis = static_cast<XAxis>(index);
        rebuildCurves();
    });
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setMaximumWidth(200);
    m_progress->setFormat(tr("idle"));
    m_rate->setMinimumWidth(120);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    for (QAction* action : {m_start, m_pause, m_stop})
        bar->addWidget(toolButton(action));
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("x axis:")));
    bar->addWidget(m_xChoice);
    bar->addWidget(toolButton(clear));
    bar->addStretch(1);
    bar->addWidget(m_rate);
    bar->addWidget(m_progress);

    m_accuracy->setAxisTitles(xTitle(), tr("accuracy (%)"));
    m_accuracy->setYRange(0.0, 100.0);
    m_accuracy->setTitle(tr("Accuracy: test (solid), online training (dashed)"));
    m_loss->setAxisTitles(xTitle(), tr("training loss"));
    m_loss->setLogarithmic(false, true);
    m_loss->setTitle(tr("Training loss"));
    m_raster->setAxisTitles(tr("time step over recent samples"), tr("unit"));
    m_kAlpha->setAxisTitles(tr("training samples"), tr("kα"));
    m_kAlpha->setYRange(0.0, 1.0);
    m_kBeta->setAxisTitles(tr("training samples"), tr("kβ"));
    m_kBeta->setLogarithmic(false, true);
    auto* gains = new QTabWidget;
    gains->addTab(m_kAlpha, tr("kα"));
    gains->addTab(m_kBeta, tr("kβ"));
    m_settle->setAxisTitles(tr("training samples"), tr("steps"));
    m_settle->setTitle(tr("Settling steps per sample"));
    m_settle->setToolTip(tr("EqProp: free + clamped steps per training sample (T⁻ + T⁺; fewer when "
                            "a phase converges)"));
    gains->addTab(m_settle, tr("Settling"));
    m_gainTabs = gains;
    gains->setToolTip(tr("The PD auto-tuner's gains per layer (ICLR'18 App. E.2), kα = "
                         "kd/(kp + kd) and kβ = 1/(kp + kd): forward solid, backward dashed"));

    auto* curves = new QSplitter(Qt::Horizontal);
    curves->addWidget(m_accuracy);
    curves->addWidget(m_loss);
    auto* details = new QSplitter(Qt::Horizontal);
    details->addWidget(boxed(tr("Spikes of the chosen layer"), m_raster));
    details->addWidget(boxed(tr("PD gains · EqProp settling"), gains));
    details->addWidget(boxed(tr("Test images"), m_images));
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(curves);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({460, 300});
    details->setSizes({320, 260, 320});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    connect(&m_thread, &TrainingThread::snapshotReady, this, &LearningLab::onSnapshot);
    connect(&m_thread, &TrainingThread::rowReady, this, &LearningLab::onRow);
    connect(&m_thread, &TrainingThread::runFinished, this, &LearningLab::onFinished);
    updateActions();
}

LearningLab::~LearningLab() = default;

ComputeFunction LearningLab::computeFunction() const {
    return [cache = m_cache](const ParameterValues& v, ComputeControl&) -> LabResultPtr {
        auto setup = std::make_shared<LearningSetup>();
        setup->settings = trainingSettingsFrom(v); // what `sdlab-cli train` would run
        setup->rasterLayer = static_cast<int>(v.integer("raster-layer"));
        setup->data = cache->get(datasetNameFrom(v));
        const ImageDataset& dataset = *setup->data;
        setup->description =
            QObject::tr("%1 %2 on %3 (%4 train, %5 test)")
                .arg(modelTitle(setup->settings.model),
                     QString::fromStdString(layerSizesText(
                         setup->settings.hidden, dataset.inputSize(), dataset.classCount())),
                     QString::fromStdString(dataset.name))
                .arg(dataset.train.size())
                .arg(dataset.test.size());
        return setup;
    };
}

void LearningLab::showResult(const LabResultPtr& result) {
    m_setup = std::dynamic_pointer_cast<const LearningSetup>(result);
    if (!m_setup)
        return;
    if (!isRunning()) {
        setSummary(tr("Ready: %1 — Start (Ctrl+R) trains it").arg(m_setup->description));
        showExamples();
    }
    updateActions();
}

void LearningLab::showExamples() {
    const ImageDataset& dataset = *m_setup->data;
    std::vector<widgets::CaptionedImage> images;
    const std::size_t count = std::min<std::size_t>(24, dataset.test.size());
    for (std::size_t i = 0; i < count; ++i) {
        // Spread over the test set, which some sources order by class.
        const std::size_t k = (i * 97) % dataset.test.size();
        images.push_back({widgets::ImageGridView::greyImage(dataset.test.image(k),
                                                            dataset.test.cols, dataset.test.rows),
                          className(dataset, dataset.test.labels[k]), false});
    }
    m_images->setImages(std::move(images));
    m_images->setPlaceholder(QString());
}

std::vector<std::pair<QString, widgets::ExportablePlot*>> LearningLab::plots() {
    return {{QStringLiteral("accuracy"), m_accuracy}, {QStringLiteral("loss"), m_loss},
            {QStringLiteral("spikes"), m_raster},     {QStringLiteral("k-alpha"), m_kAlpha},
            {QStringLiteral("k-beta"), m_kBeta},      {QStringLiteral("settle-steps"), m_settle},
            {QStringLiteral("test-images"), m_images}};
}

QString LearningLab::parameterNote(const widgets::ParameterValues& values) const {
    const QString model = values.value(QStringLiteral("model")).toString();
    QString applies;
    if (model == QStringLiteral("pdnn"))
        applies = tr("the PD network group");
    else if (model == QStringLiteral("spiking-mlp"))
        applies = tr("the Spiking MLP group");
    else if (model == QStringLiteral("sigma-delta"))
        applies = tr("the Σ-Δ net group");
    else if (model.contains(QStringLiteral("eqprop")))
        applies = tr("the Equilibrium Propagation group");
    else
        applies = tr("no model group (the MLP sends no spikes)");
    return tr("This model reads %1. Parameters apply to the next run; a run keeps the "
              "settings it started with.")
        .arg(applies);
}

QList<QAction*> LearningLab::runActions() const {
    return {m_start, m_pause, m_stop};
}

void LearningLab::parametersEdited(const widgets::ParameterValues& values) {
    m_values = values;
    updateActions();
}

bool LearningLab::isRunning() const {
    return m_thread.isRunning();
}

const CurveRow* LearningLab::lastRow() const {
    return m_runs.empty() || m_runs.back().rows.empty() ? nullptr : &m_runs.back().rows.back();
}

bool LearningLab::startRun() {
    if (isRunning() || !setupIsCurrent())
        return false;
    if (m_runs.size() == kMaxRuns) // the oldest leaves the charts
        m_runs.erase(m_runs.begin());
    m_running = m_setup;
    const TrainingSettings& s = m_running->settings;
    Run run;
    run.name = tr("%1 %2").arg(m_runsStarted + 1).arg(modelTitle(s.model));
    if (s.model == ModelKind::Pdnn)
        run.name += QStringLiteral(" ") + QString::fromLatin1(updateRuleName(s.update));
    if (s.model == ModelKind::SpikingMlp)
        run.name += QStringLiteral(" ") + QString::fromLatin1(optimizerName(s.optimizer)).toUpper();
    if (s.order == SampleOrderKind::Temporal)
        run.name += tr(" temporal");
    // The colour stays with the run when older runs leave.
    run.color = widgets::ChartPlot::seriesColor(m_runsStarted++);
    m_runs.push_back(std::move(run));
    rebuildCurves();
    const QString gainsTitle = s.model == ModelKind::Pdnn ? QString() : tr("PD network only");
    for (widgets::ChartPlot* plot : {m_kAlpha, m_kBeta}) {
        plot->removeAllSeries();
        plot->setTitle(gainsTitle);
    }
    if (isEquilibriumModel(s.model))
        m_gainTabs->setCurrentWidget(m_settle);
    else if (s.model == ModelKind::Pdnn && m_gainTabs->currentWidget() == m_settle)
        m_gainTabs->setCurrentWidget(m_kAlpha);
    m_images->setImages({});
    m_images->setPlaceholder(tr("Misclassified test images appear at the first test point"));
    m_raster->setEvents({}, 0, 0);
    m_progress->setValue(0);
    m_progress->setFormat(tr("starting…"));
    m_thread.startRun(m_running->data, s, m_running->rasterLayer);
    setSummary(tr("Training %1").arg(m_running->description));
    updateActions();
    return true;
}

void LearningLab::togglePause() {
    if (!isRunning())
        return;
    const bool pause = !m_thread.isPaused();
    m_thread.setPaused(pause);
    m_pause->setChecked(pause);
    m_progress->setFormat(pause ? tr("paused at %p%") : QStringLiteral("%p%"));
    setSummary(pause ? tr("Paused — Ctrl+Shift+R resumes")
                     : tr("Training %1").arg(m_running->description));
}

void LearningLab::stopRun() {
    if (isRunning())
        m_thread.stop();
}

bool LearningLab::setupIsCurrent() const {
    return m_setup && m_setup->parameters == m_values;
}

void LearningLab::updateActions() {
    const bool running = isRunning();
    m_start->setEnabled(!running && setupIsCurrent());
    m_pause->setEnabled(running);
    m_stop->setEnabled(running);
    if (!running)
        m_pause->setChecked(false);
}

double LearningLab::xOf(const Point& p) const {
    switch (m_xAxis) {
    case XAxis::Operations:
        return p.operations;
    case XAxis::Energy:
        return p.energyMj;
    case XAxis::Samples:
        break;
    }
    return p.samples;
}

QString LearningLab::xTitle() const {
    switch (m_xAxis) {
    case XAxis::Operations:
        return tr("training operations (adds + mults)");
    case XAxis::Energy:
        return tr("training energy (mJ, 32-bit int)");
    case XAxis::Samples:
        break;
    }
    return tr("training samples");
}

void LearningLab::rebuildCurves() {
    m_accuracy->removeAllSeries();
    m_loss->removeAllSeries();
    m_settle->removeAllSeries();
    m_accuracy->setAxisTitles(xTitle(), tr("accuracy (%)"));
    m_loss->setAxisTitles(xTitle(), tr("training loss"));
    for (Run& run : m_runs) {
        run.testSeries = m_accuracy->addSeries(run.name + tr(" test"),
                                               widgets::ChartPlot::Style::Line, run.color);
        run.trainSeries = m_accuracy->addSeries(run.name + tr(" train"),
                                                widgets::ChartPlot::Style::Dashed, run.color);
        run.lossSeries = m_loss->addSeries(run.name, widgets::ChartPlot::Style::Line, run.color);
        run.settleSeries =
            m_settle->addSeries(run.name, widgets::ChartPlot::Style::Line, run.color);
        refreshRun(run);
    }
}

void LearningLab::refreshRun(const Run& run) {
    const auto points = [this](const std::vector<Point>& values) {
        QList<QPointF> out;
        out.reserve(static_cast<qsizetype>(values.size()));
        for (const Point& p : values)
            out.append(QPointF(xOf(p), p.value));
        return out;
    };
    m_accuracy->setSeriesData(run.testSeries, points(run.testAccuracy));
    m_accuracy->setSeriesData(run.trainSeries, points(run.trainAccuracy));
    m_loss->setSeriesData(run.lossSeries, points(run.loss));
    QList<QPointF> settle; // always against samples: steps per sample is a rate
    for (const Point& p : run.settleSteps)
        settle.append(QPointF(p.samples, p.value));
    m_settle->setSeriesData(run.settleSeries, settle);
}

void LearningLab::onSnapshot(const TrainingSnapshotPtr& snapshot) {
    if (m_runs.empty())
        return;
    Run& run = m_runs.back();
    const TrainingSnapshot& s = *snapshot;
    const double ops = static_cast<double>(s.adds + s.mults);
    if (s.samples > 0 && (run.trainAccuracy.empty() ||
                          run.trainAccuracy.back().samples < static_cast<double>(s.samples))) {
        run.trainAccuracy.push_back({double(s.samples), ops, s.energyMj, 100.0 * s.trainAccuracy});
        run.loss.push_back({double(s.samples), ops, s.energyMj, s.loss});
        thinWhenOver(run.trainAccuracy, kMaxSnapshotPoints); // the two stay aligned
        thinWhenOver(run.loss, kMaxSnapshotPoints);
        refreshRun(run);
    }
    if (s.rasterChannels > 0) {
        m_raster->setEvents(s.spikes, s.rasterChannels, s.rasterSteps);
        m_raster->setAxisTitles(s.stepsPerSample > 1
                                    ? tr("time step (last %1 samples × T = %2)")
                                          .arg(s.rasterSteps / s.stepsPerSample)
                                          .arg(s.stepsPerSample)
                                    : tr("training sample (last %1)").arg(s.rasterSteps),
                                tr("unit of layer %1").arg(m_running ? m_running->rasterLayer : 0));
    }
    updateGains(s);
    if (s.totalSamples > 0)
        m_progress->setValue(static_cast<int>(1000.0 * double(s.samples) / double(s.totalSamples)));
    if (!m_thread.isPaused())
        m_progress->setFormat(QStringLiteral("%p%"));
    m_rate->setText(tr("%1 samples/s").arg(compact(s.samplesPerSecond)));
    if (!m_thread.isPaused() && m_running) {
        const double epoch = double(s.samples) / double(m_running->data->train.size());
        setSummary(tr("Training %1 — epoch %2 of %3, %4 ops/sample")
                       .arg(m_running->description)
                       .arg(epoch, 0, 'f', 2)
                       .arg(m_running->settings.epochs)
                       .arg(compact(s.samples ? ops / double(s.samples) : 0.0)));
    }
}

void LearningLab::updateGains(const TrainingSnapshot& s) {
    const std::size_t layers = s.forwardGains.size();
    if (layers == 0)
        return;
    if (m_kAlpha->seriesCount() == 0) {
        for (std::size_t l = 0; l < layers; ++l) {
            const QColor color = widgets::ChartPlot::seriesColor(static_cast<int>(l));
            for (widgets::ChartPlot* plot : {m_kAlpha, m_kBeta}) {
                plot->addSeries(tr("%1 fwd").arg(l + 1), widgets::ChartPlot::Style::Line, color);
                plot->addSeries(tr("%1 back").arg(l + 1), widgets::ChartPlot::Style::Dashed, color);
            }
        }
    }
    const auto append = [&](widgets::ChartPlot* plot, int series, double value) {
        QList<QPointF> points = plot->seriesData(series);
        points.append(QPointF(double(s.samples), value));
        thinWhenOver(points, kMaxSnapshotPoints);
        plot->setSeriesData(series, std::move(points));
    };
    for (std::size_t l = 0; l < layers && 2 * l + 1 < std::size_t(m_kAlpha->seriesCount()); ++l) {
        const int forward = static_cast<int>(2 * l);
        append(m_kAlpha, forward, s.forwardGains[l].kAlpha());
        append(m_kBeta, forward, s.forwardGains[l].kBeta());
        if (l < s.backwardGains.size()) {
            append(m_kAlpha, forward + 1, s.backwardGains[l].kAlpha());
            append(m_kBeta, forward + 1, s.backwardGains[l].kBeta());
        }
    }
}

void LearningLab::onRow(const TrainingRowPtr& update) {
    if (m_runs.empty() || !m_running)
        return;
    Run& run = m_runs.back();
    const CurveRow& row = update->row;
    run.rows.push_back(row);
    const double ops = static_cast<double>(row.adds + row.mults);
    // The dashed training curve comes from snapshots; the worker sends one just before
    // every row, so fast runs have a training point at each row too.
    run.testAccuracy.push_back({double(row.samples), ops, row.energyMj, 100.0 * row.testAccuracy});
    if (isEquilibriumModel(m_running->settings.model))
        run.settleSteps.push_back({double(row.samples), ops, row.energyMj, row.settleSteps});
    refreshRun(run);
    const ImageDataset& dataset = *m_running->data;
    std::vector<widgets::CaptionedImage> images;
    for (const Misclassified& m : update->misclassified)
        images.push_back(
            {widgets::ImageGridView::greyImage(dataset.test.image(m.testIndex), dataset.test.cols,
                                               dataset.test.rows),
             tr("%1 → %2").arg(className(dataset, m.label), className(dataset, m.predicted)),
             true});
    m_images->setPlaceholder(tr("No misclassified image among the test samples tried"));
    m_images->setImages(std::move(images));
}

void LearningLab::onFinished(const TrainingOutcomePtr& outcome) {
    updateActions();
    m_rate->clear();
    if (!outcome->error.isEmpty()) {
        m_progress->setFormat(tr("failed"));
        setSummary(tr("Training failed: %1").arg(outcome->error));
    } else {
        const TrainingResult& r = outcome->result;
        m_progress->setFormat(r.cancelled ? tr("stopped at %p%") : tr("done"));
        setSummary(tr("%1 %2: test accuracy %3 %, %4 adds + %5 mults per sample, %6 s")
                       .arg(r.cancelled ? tr("Stopped") : tr("Finished"),
                            m_running ? m_running->description : QString())
                       .arg(100.0 * r.finalTestAccuracy, 0, 'f', 2)
                       .arg(compact(r.addsPerSample), compact(r.multsPerSample))
                       .arg(r.seconds, 0, 'f', 1));
    }
    Q_EMIT runFinished();
}

bool LearningLab::openResult(const QString& directory, QString* error) {
    if (isRunning()) {
        if (error)
            *error = tr("a run is in progress; stop it (Ctrl+.) before opening a result");
        return false;
    }
    const std::vector<CurveRow> curve =
        readTrainingCurve(QDir(directory).filePath(QStringLiteral("curve.csv")).toStdString());
    const JsonValue summary = readResultSummary(directory);
    const QString model = summaryText(summary, "model", tr("model"));
    Run run;
    run.name =
        tr("%1 %2 from %3/").arg(model, summaryText(summary, "layers"), QDir(directory).dirName());
    run.color = widgets::ChartPlot::seriesColor(m_runsStarted++);
    const bool settles = parseModelKind(model.toStdString()).has_value() &&
                         isEquilibriumModel(*parseModelKind(model.toStdString()));
    for (const CurveRow& row : curve) {
        const double samples = static_cast<double>(row.samples);
        const double ops = static_cast<double>(row.adds + row.mults);
        run.testAccuracy.push_back({samples, ops, row.energyMj, 100.0 * row.testAccuracy});
        run.trainAccuracy.push_back({samples, ops, row.energyMj, 100.0 * row.trainAccuracy});
        run.loss.push_back({samples, ops, row.energyMj, row.loss});
        if (settles)
            run.settleSteps.push_back({samples, ops, row.energyMj, row.settleSteps});
    }
    run.rows = curve;
    if (m_runs.size() == kMaxRuns) // the oldest leaves the charts
        m_runs.erase(m_runs.begin());
    m_runs.push_back(std::move(run));
    rebuildCurves();
    const CurveRow* last = curve.empty() ? nullptr : &curve.back();
    setSummary(
        tr("Opened %1: %2 on %3, %4 rows, final test accuracy %5 %")
            .arg(directory, m_runs.back().name, summaryText(summary, "dataset", tr("its data set")))
            .arg(curve.size())
            .arg(last ? 100.0 * last->testAccuracy : 0.0, 0, 'f', 2));
    updateActions();
    return true;
}

void LearningLab::clearRuns() {
    if (isRunning()) { // keep the running one
        Run current = std::move(m_runs.back());
        m_runs.clear();
        m_runs.push_back(std::move(current));
    } else {
        m_runs.clear();
    }
    rebuildCurves();
}

} // namespace sdlab::gui
