#include "gui/learning_lab.h"

#include "data/dataset_loaders.h"
#include "data/sample_order.h"
#include "experiment/experiment_list.h"
#include "experiments/learning_experiment.h"
#include "gui/lab_support.h"
#include "gui/tradeoff_view.h"
#include "io/input_error.h"
#include "io/json_reader.h"
#include "training/tradeoff_curves.h"
#include "training/training_report.h"
#include "widgets/chart_plot.h"
#include "widgets/image_grid_view.h"
#include "widgets/spike_raster.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QSplitter>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
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

namespace {

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

// "Spiking MLP" for a summary's "spiking-mlp"; the name as written when unknown.
QString modelTitleOf(const JsonValue& summary) {
    const QString name = summaryText(summary, "model", QObject::tr("model"));
    const std::optional<ModelKind> kind = parseModelKind(name.toStdString());
    return kind ? modelTitle(*kind) : name;
}

QWidget* boxed(const QString& title, QWidget* content) {
    auto* box = new QGroupBox(title);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(content);
    return box;
}

} // namespace

LearningLab::LearningLab(const Experiment& experiment, TrainingRuns* runs, QWidget* parent)
    : LabPage(experiment, parent), m_cache(std::make_shared<DatasetCache>()), m_runs(runs),
      m_start(new QAction(tr("&Start Training"), this)),
      m_pause(new QAction(tr("&Pause Training"), this)),
      m_stop(new QAction(tr("S&top Training"), this)),
      m_optimiseScales(new QAction(tr("Optimise &Scales (λ Sweep)"), this)),
      m_guessEarly(new QAction(tr("Guess &Early"), this)), m_xChoice(new QComboBox),
      m_progress(new QProgressBar), m_rate(new QLabel), m_accuracy(new widgets::ChartPlot),
      m_loss(new widgets::ChartPlot), m_rightTabs(new QTabWidget), m_tradeoff(new TradeoffView),
      m_settle(new widgets::ChartPlot), m_dead(new widgets::ChartPlot),
      m_spikeRate(new widgets::ChartPlot), m_layerRate(new widgets::ChartPlot),
      m_gradients(new widgets::ChartPlot), m_alignment(new widgets::ChartPlot),
      m_membranes(new widgets::ChartPlot), m_raster(new widgets::SpikeRaster),
      m_kAlpha(new widgets::ChartPlot), m_kBeta(new widgets::ChartPlot),
      m_images(new widgets::ImageGridView), m_order(new widgets::ImageGridView) {
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
    connect(m_stop, &QAction::triggered, m_runs, &TrainingRuns::stop);
    auto* clear = new QAction(tr("&Clear Runs"), this);
    clear->setToolTip(tr("Remove the finished runs and the trade-off curves from the charts"));
    connect(clear, &QAction::triggered, m_runs, &TrainingRuns::clear);
    connect(clear, &QAction::triggered, m_tradeoff, &TradeoffView::clearCurves);
    m_optimiseScales->setShortcut(QKeySequence(tr("Ctrl+Alt+S")));
    m_optimiseScales->setToolTip(
        tr("Thesis ch. 4 (Fig. 4.4, Table B.1): train a ReLU net of these layers on this data "
           "set, freeze it, optimise its rounding net's scales for λ from 1e-10 to 1e-5 and "
           "draw the rounding and Σ-Δ nets' error against their additions in the Trade-off "
           "view (Ctrl+Alt+S; as sdlab-cli scales)"));
    m_guessEarly->setShortcut(QKeySequence(tr("Ctrl+Alt+E")));
    m_guessEarly->setToolTip(
        tr("DSN Fig. 3: train this spiking MLP or LIF network, then draw the error it would "
           "make answering after each of its T steps against the compute spent so far, with "
           "a dense net of the same layers as a point (Ctrl+Alt+E; as sdlab-cli early)"));
    connect(m_optimiseScales, &QAction::triggered, this,
            [this] { startTradeoff(*findExperiment("scales")); });
    connect(m_guessEarly, &QAction::triggered, this,
            [this] { startTradeoff(*findExperiment("early")); });

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
    m_progress->setMaximumWidth(160);
    m_progress->setFormat(tr("idle"));
    m_rate->setMinimumWidth(120);

    // A tool bar rather than a row of buttons: when the window is narrow (or zoomed for
    // a lecture hall) what does not fit moves behind its » button instead of widening
    // the window past the screen.
    // Short names on the bar; the Run menu keeps the full ones.
    m_start->setIconText(tr("Start"));
    m_pause->setIconText(tr("Pause"));
    m_stop->setIconText(tr("Stop"));
    m_optimiseScales->setIconText(tr("λ Sweep"));
    m_guessEarly->setIconText(tr("Guess Early"));
    clear->setIconText(tr("Clear Runs"));
    auto* bar = new QToolBar;
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->setContentsMargins(0, 0, 0, 0);
    // The run's controls and its progress first: what overflows is the view options.
    for (QAction* action : {m_start, m_pause, m_stop})
        bar->addAction(action);
    bar->addWidget(m_progress);
    bar->addWidget(m_rate);
    bar->addSeparator();
    for (QAction* action : {m_optimiseScales, m_guessEarly})
        bar->addAction(action);
    bar->addSeparator();
    bar->addWidget(new QLabel(tr("x axis: ")));
    bar->addWidget(m_xChoice);
    bar->addAction(clear);

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
    m_dead->setAxisTitles(tr("training samples"), tr("% silent"));
    m_dead->setTitle(tr("Units that never fired, per layer"));
    m_dead->setYRange(0.0, 100.0);
    m_dead->setToolTip(tr("LIF network: each layer's units that never fired over the last tenth "
                          "of an epoch (layer 1 solid, 2 dashed, 3 dotted, the output last); "
                          "rises when the threshold is too high or the surrogate too thin"));
    gains->addTab(m_dead, tr("Dead"));
    m_spikeRate->setAxisTitles(tr("training samples"), tr("spikes/sample"));
    m_spikeRate->setTitle(tr("Spikes per sample"));
    m_spikeRate->setToolTip(
        tr("LIF network: spikes of every layer but the input per training sample"));
    gains->addTab(m_spikeRate, tr("Spikes"));
    m_layerRate->setAxisTitles(tr("training samples"), tr("spikes/unit/step"));
    m_layerRate->setTitle(tr("Firing rate per layer"));
    m_layerRate->setToolTip(tr("LIF network: each layer's spikes per unit per time step over "
                               "the last tenth of an epoch (the rate bounds' r, eqs 41-42)"));
    gains->addTab(m_layerRate, tr("Rates"));
    m_gradients->setAxisTitles(tr("training samples"), tr("‖∂L/∂W‖"));
    m_gradients->setLogarithmic(false, true);
    m_gradients->setTitle(tr("Weight-gradient norm per layer"));
    m_gradients->setToolTip(tr("LIF network: Frobenius norm of each layer's minibatch weight "
                               "gradient, mean over the last tenth of an epoch; vanishing "
                               "norms in the lower layers mean dead units or a thin surrogate"));
    gains->addTab(m_gradients, tr("‖∇W‖"));
    m_alignment->setAxisTitles(tr("training samples"), tr("cosine"));
    m_alignment->setYRange(-1.0, 1.0);
    m_alignment->setTitle(tr("Local vs distant gradient"));
    m_alignment->setToolTip(
        tr("Initialized EqProp: per layer of its feed-forward net (but the top), the cosine of "
           "the local gradient ∂L_l/∂φ_l and the distant one Σ_{j>l} ∂L_j/∂φ_l (eq. 7.4), "
           "measured every 10th sample, mean of the last 50; positive: the local losses "
           "alone push each layer as backprop would"));
    gains->addTab(m_alignment, tr("Alignment"));
    m_gainTabs = gains;
    gains->setToolTip(tr("The PD auto-tuner's gains per layer (ICLR'18 App. E.2), kα = "
                         "kd/(kp + kd) and kβ = 1/(kp + kd): forward solid, backward dashed"));

    auto* curves = new QSplitter(Qt::Horizontal);
    curves->setChildrenCollapsible(false);
    curves->addWidget(m_accuracy);
    m_rightTabs->addTab(m_loss, tr("Loss"));
    m_rightTabs->addTab(m_tradeoff, tr("Trade-off"));
    m_rightTabs->setTabToolTip(1, tr("Test error against what one prediction costs: finished "
                                     "runs, scale optimisations and early guessing"));
    curves->addWidget(m_rightTabs);
    auto* details = new QSplitter(Qt::Horizontal);
    m_membranes->setAxisTitles(tr("time step t"), tr("membrane U"));
    m_membranes->setTitle(tr("Output membranes"));
    m_membranes->setToolTip(tr("LIF network: each output unit's membrane over the T steps of "
                               "the last training sample, the label's in colour, the other "
                               "classes grey, the threshold dashed; the title names the label "
                               "and the class highest at the last step"));
    auto* sampleTabs = new QTabWidget;
    sampleTabs->addTab(m_raster, tr("Raster"));
    sampleTabs->addTab(m_membranes, tr("Output membranes"));
    details->addWidget(boxed(tr("Spikes of the chosen layer · membranes"), sampleTabs));
    details->addWidget(boxed(tr("Inside the model: PD gains · settling · spiking"), gains));
    m_order->setToolTip(tr("The first training samples of an epoch, in the order training visits "
                           "them (Sample order): shuffled, or temporal, a nearest-neighbour "
                           "chain in which consecutive samples look alike (ICLR'18 §3.1, "
                           "thesis Fig. 4.3), what lets PD and Σ-Δ networks send little"));
    auto* imageTabs = new QTabWidget;
    imageTabs->addTab(m_images, tr("Test images"));
    imageTabs->addTab(m_order, tr("Training order"));
    details->addWidget(boxed(tr("Test images · the training order"), imageTabs));
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(curves);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({460, 300});
    details->setSizes({320, 260, 320});
    curves->setSizes({500, 500}); // the trade-off tab's legend needs no more than half
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(bar);
    layout->addWidget(splitter, 1);

    connect(m_runs, &TrainingRuns::stateChanged, this, &LearningLab::updateActions);
    connect(m_runs, &TrainingRuns::runsChanged, this, &LearningLab::rebuildCurves);
    connect(m_runs, &TrainingRuns::runUpdated, this, &LearningLab::refreshRun);
    connect(m_runs, &TrainingRuns::snapshotReady, this, &LearningLab::onSnapshot);
    connect(m_runs, &TrainingRuns::rowReady, this, &LearningLab::onRow);
    connect(m_runs, &TrainingRuns::outcomeReady, this, &LearningLab::onFinished);
    connect(m_runs, &TrainingRuns::tradeoffReady, this, &LearningLab::onTradeoffReady);
    connect(m_runs, &TrainingRuns::tradeoffProgress, this, [this](double fraction) {
        m_progress->setValue(static_cast<int>(1000.0 * fraction));
        m_progress->setFormat(QStringLiteral("%p%"));
    });
    updateActions();
    rebuildCurves();
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
        setup->firstSamples =
            firstSamplesOfOrder(dataset.train, setup->settings.order, setup->settings.seed, 0, 24);
        return setup;
    };
}

void LearningLab::showResult(const LabResultPtr& result) {
    // The session has handed the setup to its runs already; the page shows its data.
    const auto setup = std::dynamic_pointer_cast<const LearningSetup>(result);
    if (!setup || m_runs->isRunning())
        return;
    setSummary(tr("Ready: %1 — Start (Ctrl+R) trains it").arg(setup->description));
    showExamples();
    showOrder(*setup);
}

void LearningLab::showOrder(const LearningSetup& setup) {
    const LabelledImages& train = setup.data->train;
    std::vector<widgets::CaptionedImage> images;
    for (std::size_t k = 0; k < setup.firstSamples.size(); ++k) {
        const std::uint32_t index = setup.firstSamples[k];
        images.push_back(
            {widgets::ImageGridView::greyImage(train.image(index), train.cols, train.rows),
             tr("%1: %2").arg(k + 1).arg(className(*setup.data, train.labels[index])), false});
    }
    m_order->setImages(std::move(images));
}

void LearningLab::showExamples() {
    const ImageDataset& dataset = *m_runs->setup()->data;
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
    return {{QStringLiteral("accuracy"), m_accuracy},
            {QStringLiteral("loss"), m_loss},
            {QStringLiteral("tradeoff"), m_tradeoff->plot()},
            {QStringLiteral("spikes"), m_raster},
            {QStringLiteral("k-alpha"), m_kAlpha},
            {QStringLiteral("k-beta"), m_kBeta},
            {QStringLiteral("settle-steps"), m_settle},
            {QStringLiteral("dead-units"), m_dead},
            {QStringLiteral("spikes-per-sample"), m_spikeRate},
            {QStringLiteral("layer-rates"), m_layerRate},
            {QStringLiteral("gradient-norms"), m_gradients},
            {QStringLiteral("gradient-alignment"), m_alignment},
            {QStringLiteral("output-membranes"), m_membranes},
            {QStringLiteral("test-images"), m_images},
            {QStringLiteral("training-order"), m_order}};
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
    return {m_start, m_pause, m_stop, m_optimiseScales, m_guessEarly};
}

bool LearningLab::startTradeoff(const Experiment& experiment) {
    std::map<std::string, ParameterValue> fixed;
    if (experiment.id == "scales")
        fixed["model"] = std::string("sigma-delta"); // the net whose scales it optimises
    QString error;
    if (!m_runs->startTradeoff(experiment, fixed, &error)) {
        if (!error.isEmpty())
            setSummary(tr("%1: %2").arg(experiment.id == "scales" ? tr("Cannot optimise scales")
                                                                  : tr("Cannot guess early"),
                                        error));
        return false;
    }
    m_rightTabs->setCurrentWidget(m_tradeoff);
    m_progress->setValue(0);
    m_progress->setFormat(tr("training…"));
    setSummary(experiment.id == "scales"
                   ? tr("Optimising scales: training %1 as a ReLU net, then a λ sweep")
                         .arg(m_runs->setup()->description)
                   : tr("Guessing early: training %1, then reading it out after each step")
                         .arg(m_runs->setup()->description));
    return true;
}

void LearningLab::onTradeoffReady(const ExperimentOutcomePtr& outcome) {
    m_rate->clear();
    if (outcome->cancelled) {
        m_progress->setFormat(tr("stopped"));
        setSummary(tr("Stopped; the Trade-off view is unchanged"));
        return;
    }
    if (!outcome->error.isEmpty()) {
        m_progress->setFormat(tr("failed"));
        setSummary(tr("The trade-off run failed: %1").arg(outcome->error));
        return;
    }
    try {
        const std::string* summaryFile = outcome->file("summary.json");
        const JsonValue summary =
            summaryFile ? parseJson(*summaryFile, "summary.json") : JsonValue{};
        const QString source =
            tr("%1 %2").arg(summaryText(summary, "dataset"), summaryText(summary, "layers"));
        if (const std::string* table = outcome->file("tradeoff.csv")) {
            std::vector<TradeoffCurve> curves =
                tradeoffCurvesOfScales(readScalesTradeoff(*table, "tradeoff.csv"));
            if (const std::string* scales = outcome->file("scales.csv")) // click a point
                attachScales(curves, readScales(*scales, "scales.csv"));
            m_tradeoff->addCurves(source, std::move(curves));
        } else if (const std::string* early = outcome->file("early.csv"))
            m_tradeoff->addCurves(
                source, tradeoffCurvesOfEarly(CsvTable::parse(*early, "early.csv"), &summary,
                                              modelTitleOf(summary).toStdString()));
    } catch (const InputError& e) {
        setSummary(tr("The trade-off run's result could not be read: %1")
                       .arg(QString::fromStdString(e.what())));
        return;
    }
    m_progress->setFormat(tr("done"));
    m_rightTabs->setCurrentWidget(m_tradeoff);
    setSummary(tr("%1 — in the Trade-off view").arg(outcome->line));
}

bool LearningLab::startRun() {
    if (!m_runs->start())
        return false;
    onRunStarted();
    return true;
}

void LearningLab::onRunStarted() {
    const std::shared_ptr<const LearningSetup> running = m_runs->running();
    const TrainingSettings& s = running->settings;
    const QString gainsTitle = s.model == ModelKind::Pdnn ? QString() : tr("PD network only");
    for (widgets::ChartPlot* plot : {m_kAlpha, m_kBeta}) {
        plot->removeAllSeries();
        plot->setTitle(gainsTitle);
    }
    if (isEquilibriumModel(s.model))
        m_gainTabs->setCurrentWidget(m_settle);
    else if (s.model == ModelKind::Lif)
        m_gainTabs->setCurrentWidget(m_dead);
    else if (s.model == ModelKind::Pdnn && m_gainTabs->currentWidget() == m_settle)
        m_gainTabs->setCurrentWidget(m_kAlpha);
    m_images->setImages({});
    m_images->setPlaceholder(tr("Misclassified test images appear at the first test point"));
    m_raster->setEvents({}, 0, 0);
    m_membranes->removeAllSeries();
    m_membranes->setTitle(s.model == ModelKind::Lif ? tr("Output membranes")
                                                    : tr("LIF network only"));
    m_progress->setValue(0);
    m_progress->setFormat(tr("starting…"));
    setSummary(tr("Training %1").arg(running->description));
}

void LearningLab::togglePause() {
    if (!m_runs->isTraining())
        return;
    const bool pause = !m_runs->isPaused();
    m_runs->setPaused(pause);
    m_progress->setFormat(pause ? tr("paused at %p%") : QStringLiteral("%p%"));
    setSummary(pause ? tr("Paused — Ctrl+Shift+R resumes")
                     : tr("Training %1").arg(m_runs->running()->description));
}

void LearningLab::updateActions() {
    const bool running = m_runs->isRunning();
    m_start->setEnabled(m_runs->canStart());
    m_pause->setChecked(m_runs->isTraining() && m_runs->isPaused());
    m_pause->setEnabled(m_runs->isTraining());
    m_stop->setEnabled(running);
    // A trade-off run trains a network of its own: not beside another run.
    const bool canRun = !running && m_runs->setup();
    m_optimiseScales->setEnabled(canRun);
    m_guessEarly->setEnabled(canRun);
}

double LearningLab::xOf(const TrainingCurvePoint& p) const {
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
    m_spikeRate->removeAllSeries();
    for (widgets::ChartPlot* plot : {m_dead, m_layerRate, m_gradients, m_alignment})
        plot->removeAllSeries();
    m_accuracy->setAxisTitles(xTitle(), tr("accuracy (%)"));
    m_loss->setAxisTitles(xTitle(), tr("training loss"));
    m_series.clear();
    showInsideTabsOf(m_runs->runs());
    m_tradeoff->setRuns(m_runs->runs());
    for (const TrainingCurves& run : m_runs->runs()) {
        const QColor color = widgets::ChartPlot::seriesColor(run.colorIndex);
        RunSeries series;
        series.test =
            m_accuracy->addSeries(run.name + tr(" test"), widgets::ChartPlot::Style::Line, color);
        series.train = m_accuracy->addSeries(run.name + tr(" train"),
                                             widgets::ChartPlot::Style::Dashed, color);
        series.loss = m_loss->addSeries(run.name, widgets::ChartPlot::Style::Line, color);
        series.settle = m_settle->addSeries(run.name, widgets::ChartPlot::Style::Line, color);
        series.spikes = m_spikeRate->addSeries(run.name, widgets::ChartPlot::Style::Line, color);
        m_series.push_back(series);
        refreshRun(static_cast<int>(m_series.size()) - 1);
    }
}

void LearningLab::showInsideTabsOf(const std::vector<TrainingCurves>& runs) {
    // Only the views some run on the charts fills: seven tabs did not fit the box, and a
    // "PD network only" tab beside a LIF run says nothing. No run, or an opened result of
    // an unknown model: every tab.
    const auto any = [&runs](auto&& predicate) {
        return runs.empty() || std::any_of(runs.begin(), runs.end(), [&](const TrainingCurves& r) {
                   return !r.model || predicate(*r.model);
               });
    };
    const bool pd = any([](ModelKind m) { return m == ModelKind::Pdnn; });
    const bool settles = any(isEquilibriumModel);
    const bool spikes = any([](ModelKind m) {
        return m == ModelKind::Lif || m == ModelKind::Pdnn || m == ModelKind::SpikingMlp;
    });
    const bool gradients = any([](ModelKind m) { return m == ModelKind::Lif; });
    const bool initialized = any([](ModelKind m) { return m == ModelKind::InitEqProp; });
    const std::pair<QWidget*, bool> tabs[] = {{m_kAlpha, pd},           {m_kBeta, pd},
                                              {m_settle, settles},      {m_dead, spikes},
                                              {m_spikeRate, spikes},    {m_layerRate, spikes},
                                              {m_gradients, gradients}, {m_alignment, initialized}};
    const bool none =
        std::none_of(std::begin(tabs), std::end(tabs), [](const auto& tab) { return tab.second; });
    for (const auto& [page, visible] : tabs) // an MLP fills none: all rather than an empty box
        m_gainTabs->setTabVisible(m_gainTabs->indexOf(page), visible || none);
}

void LearningLab::refreshRun(int index) {
    if (index < 0 || index >= static_cast<int>(m_series.size()))
        return;
    const TrainingCurves& run = m_runs->runs()[static_cast<std::size_t>(index)];
    const RunSeries& series = m_series[static_cast<std::size_t>(index)];
    const auto points = [this](const std::vector<TrainingCurvePoint>& values) {
        QList<QPointF> out;
        out.reserve(static_cast<qsizetype>(values.size()));
        for (const TrainingCurvePoint& p : values)
            out.append(QPointF(xOf(p), p.value));
        return out;
    };
    m_accuracy->setSeriesData(series.test, points(run.testAccuracy));
    m_accuracy->setSeriesData(series.train, points(run.trainAccuracy));
    m_loss->setSeriesData(series.loss, points(run.loss));
    QList<QPointF> settle; // always against samples: steps per sample is a rate
    for (const TrainingCurvePoint& p : run.settleSteps)
        settle.append(QPointF(p.samples, p.value));
    m_settle->setSeriesData(series.settle, settle);
    const auto perSample = [](const std::vector<TrainingCurvePoint>& values) {
        QList<QPointF> out; // against samples, as settling: rates, not totals
        for (const TrainingCurvePoint& p : values)
            out.append(QPointF(p.samples, p.value));
        return out;
    };
    m_spikeRate->setSeriesData(series.spikes, perSample(run.spikesPerSample));
    // Per layer: the run's colour, the layer told by the line style. Series join as the
    // first row with per-layer data arrives.
    const QColor color = widgets::ChartPlot::seriesColor(run.colorIndex);
    RunSeries& mutableSeries = m_series[static_cast<std::size_t>(index)];
    const auto layerCurves = [&](widgets::ChartPlot* plot, std::vector<int>& ids,
                                 const std::vector<std::vector<TrainingCurvePoint>>& curves,
                                 bool lastIsOutput = true) {
        static constexpr widgets::ChartPlot::Style styles[] = {widgets::ChartPlot::Style::Line,
                                                               widgets::ChartPlot::Style::Dashed,
                                                               widgets::ChartPlot::Style::Dotted};
        while (ids.size() < curves.size()) {
            const std::size_t l = ids.size();
            const QString layer =
                lastIsOutput && l + 1 == curves.size() ? tr("out") : tr("L%1").arg(l + 1);
            // The layer first: a narrow legend elides the end of the name.
            ids.push_back(plot->addSeries(layer + QStringLiteral(" · ") + run.name,
                                          styles[std::min<std::size_t>(l, 2)], color));
        }
        for (std::size_t l = 0; l < curves.size(); ++l)
            plot->setSeriesData(ids[l], perSample(curves[l]));
    };
    layerCurves(m_dead, mutableSeries.layerDead, run.layerDeadPercent);
    layerCurves(m_layerRate, mutableSeries.layerRates, run.layerRates);
    layerCurves(m_gradients, mutableSeries.layerGradients, run.layerGradientNorms);
    layerCurves(m_alignment, mutableSeries.layerAlignment, run.layerAlignment, false);
}

void LearningLab::updateMembranes(const TrainingSnapshot& s) {
    const Eigen::MatrixXd& u = s.outputMembrane.potential;
    if (u.size() == 0)
        return;
    const int classes = static_cast<int>(u.cols());
    const ImageDataset* dataset = m_runs->running() ? m_runs->running()->data.get() : nullptr;
    const auto name = [&](int label) {
        return dataset ? className(*dataset, label) : QString::number(label);
    };
    if (m_membranes->seriesCount() != classes + 1) {
        m_membranes->removeAllSeries();
        for (int c = 0; c < classes; ++c)
            m_membranes->addSeries(name(c));
        m_membranes->addSeries(tr("threshold θ"), widgets::ChartPlot::Style::Dashed,
                               QColor(Qt::gray));
    }
    // The label's membrane in colour and named, the other classes grey (series c stays
    // class c, so the exported data name every trace); the title names the highest.
    int highest = 0;
    std::vector<double> trace(static_cast<std::size_t>(u.rows()));
    for (int c = 0; c < classes; ++c) {
        for (Eigen::Index t = 0; t < u.rows(); ++t)
            trace[static_cast<std::size_t>(t)] = u(t, c);
        m_membranes->setSeriesData(c, trace);
        const bool label = c == s.outputLabel;
        m_membranes->setSeriesColor(c, label ? widgets::ChartPlot::seriesColor(0)
                                             : QColor(160, 160, 160, 150));
        m_membranes->setSeriesInLegend(c, label);
        if (u(u.rows() - 1, c) > u(u.rows() - 1, highest))
            highest = c;
    }
    m_membranes->setSeriesData(classes,
                               QList<QPointF>{{1.0, s.outputMembrane.threshold},
                                              {double(u.rows()), s.outputMembrane.threshold}});
    m_membranes->setTitle(s.outputLabel >= 0 && s.outputLabel < classes
                              ? tr("Label %1 · highest %2").arg(name(s.outputLabel), name(highest))
                              : tr("Highest %1").arg(name(highest)));
}

void LearningLab::onSnapshot(const TrainingSnapshotPtr& snapshot) {
    const std::shared_ptr<const LearningSetup> running = m_runs->running();
    const TrainingSnapshot& s = *snapshot;
    const double ops = static_cast<double>(s.adds + s.mults);
    if (s.rasterChannels > 0) {
        m_raster->setEvents(s.spikes, s.rasterChannels, s.rasterSteps);
        m_raster->setAxisTitles(s.stepsPerSample > 1
                                    ? tr("time step (last %1 samples × T = %2)")
                                          .arg(s.rasterSteps / s.stepsPerSample)
                                          .arg(s.stepsPerSample)
                                    : tr("training sample (last %1)").arg(s.rasterSteps),
                                tr("unit of layer %1").arg(running ? running->rasterLayer : 0));
    }
    updateGains(s);
    updateMembranes(s);
    if (s.totalSamples > 0)
        m_progress->setValue(static_cast<int>(1000.0 * double(s.samples) / double(s.totalSamples)));
    if (!m_runs->isPaused())
        m_progress->setFormat(QStringLiteral("%p%"));
    m_rate->setText(tr("%1 samples/s").arg(compact(s.samplesPerSecond)));
    if (!m_runs->isPaused() && running) {
        const double epoch = double(s.samples) / double(running->data->train.size());
        setSummary(tr("Training %1 — epoch %2 of %3, %4 ops/sample")
                       .arg(running->description)
                       .arg(epoch, 0, 'f', 2)
                       .arg(running->settings.epochs)
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
        thinWhenOver(points, TrainingRuns::kMaxSnapshotPoints);
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
    const ImageDataset& dataset = *m_runs->running()->data;
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
    m_rate->clear();
    m_tradeoff->setRuns(m_runs->runs()); // the run's prediction cost joins as a point
    if (!outcome->error.isEmpty()) {
        m_progress->setFormat(tr("failed"));
        setSummary(tr("Training failed: %1").arg(outcome->error));
    } else {
        const TrainingResult& r = outcome->result;
        m_progress->setFormat(r.cancelled ? tr("stopped at %p%") : tr("done"));
        setSummary(tr("%1 %2: test accuracy %3 %; training %4 adds + %5 mults per sample, "
                      "a prediction %6 + %7; %8 s")
                       .arg(r.cancelled ? tr("Stopped") : tr("Finished"),
                            m_runs->running() ? m_runs->running()->description : QString())
                       .arg(100.0 * r.finalTestAccuracy, 0, 'f', 2)
                       .arg(compact(r.addsPerSample), compact(r.multsPerSample),
                            compact(r.inference.adds), compact(r.inference.mults))
                       .arg(r.seconds, 0, 'f', 1));
        if (r.divergedAtSample) {
            m_progress->setFormat(tr("diverged"));
            setSummary(summary() + tr(" · diverged: the loss was not finite at sample %1; a "
                                      "smaller learning rate may train")
                                       .arg(*r.divergedAtSample));
        }
    }
}

bool LearningLab::openResult(const QString& directory, QString* error) {
    if (m_runs->isRunning()) {
        if (error)
            *error = tr("a run is in progress; stop it (Ctrl+.) before opening a result");
        return false;
    }
    if (openTradeoffResult(directory))
        return true;
    std::vector<CurveRow> curve =
        readTrainingCurve(QDir(directory).filePath(QStringLiteral("curve.csv")).toStdString());
    if (const QString layers = QDir(directory).filePath(QStringLiteral("layers.csv"));
        QFileInfo::exists(layers))
        readTrainingLayers(layers.toStdString(), curve);
    if (const QString alignment =
            QDir(directory).filePath(QStringLiteral("initializer_alignment.csv"));
        QFileInfo::exists(alignment))
        readTrainingAlignment(alignment.toStdString(), curve);
    const JsonValue summary = readResultSummary(directory);
    const QString model = summaryText(summary, "model", tr("model"));
    const QString name =
        tr("%1 %2 from %3/").arg(model, summaryText(summary, "layers"), QDir(directory).dirName());
    const std::optional<ModelKind> kind = parseModelKind(model.toStdString());
    const double finalAccuracy = curve.empty() ? 0.0 : 100.0 * curve.back().testAccuracy;
    const std::size_t rows = curve.size();
    m_runs->addFinished(name, kind, std::move(curve));
    setSummary(tr("Opened %1: %2 on %3, %4 rows, final test accuracy %5 %")
                   .arg(directory, name, summaryText(summary, "dataset", tr("its data set")))
                   .arg(rows)
                   .arg(finalAccuracy, 0, 'f', 2));
    return true;
}

bool LearningLab::openTradeoffResult(const QString& directory) {
    const QDir dir(directory);
    const QString scales = dir.filePath(QStringLiteral("tradeoff.csv"));
    const QString early = dir.filePath(QStringLiteral("early.csv"));
    if (!QFileInfo::exists(scales) && !QFileInfo::exists(early))
        return false;
    const JsonValue summary = readResultSummary(directory);
    const QString source = tr("%1/").arg(dir.dirName());
    if (QFileInfo::exists(scales)) {
        std::vector<TradeoffCurve> curves =
            tradeoffCurvesOfScales(readScalesTradeoffFile(scales.toStdString()));
        const QString scaleFile = dir.filePath(QStringLiteral("scales.csv"));
        if (QFileInfo::exists(scaleFile)) // without it the curves open, and a click shows none
            attachScales(curves, readScalesFile(scaleFile.toStdString()));
        m_tradeoff->addCurves(source, std::move(curves));
    } else
        m_tradeoff->addCurves(source,
                              tradeoffCurvesOfEarly(CsvTable::read(early.toStdString()), &summary,
                                                    modelTitleOf(summary).toStdString()));
    m_rightTabs->setCurrentWidget(m_tradeoff);
    setSummary(tr("Opened %1 in the Trade-off view (%2 on %3)")
                   .arg(directory,
                        QFileInfo::exists(scales) ? tr("scale optimisation") : tr("early guessing"),
                        summaryText(summary, "dataset", tr("its data set"))));
    return true;
}

} // namespace sdlab::gui
