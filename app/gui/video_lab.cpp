#include "gui/video_lab.h"

#include "gui/lab_parameters.h"
#include "gui/lab_support.h"
#include "io/csv_table.h"
#include "io/input_error.h"
#include "video/synthetic_scene.h"
#include "video/video_experiment.h"
#include "video/video_plugin.h"
#include "video/video_source.h"
#include "widgets/chart_plot.h"
#include "widgets/frame_view.h"
#include "widgets/spike_raster.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace sdlab::gui {

namespace {

// The frame-rate sweep of the current source, encoder and (when learning) network.
struct VideoSweep : LabResult {
    FrameRateSweep sweep;
    bool withNetwork = false;
    QString description;
    QString fallback; // why the sweep ran on the synthetic scene instead
};

QString className(int label) {
    const auto& names = SyntheticScene::classNames();
    return label >= 0 && label < static_cast<int>(names.size())
               ? QString::fromStdString(names[static_cast<std::size_t>(label)])
               : QObject::tr("—");
}

} // namespace

VideoLab::VideoLab(const Experiment& experiment, VideoRun* run, QWidget* parent)
    : LabPage(experiment, parent), m_run(run), m_pause(new QAction(tr("&Pause Video"), this)),
      m_record(new QAction(tr("&Record Events…"), this)),
      m_restartLearning(new QAction(tr("Restart &Learning"), this)), m_status(new QLabel),
      m_prediction(new QLabel), m_input(new widgets::FrameView), m_events(new widgets::FrameView),
      m_reconstruction(new widgets::FrameView), m_error(new widgets::FrameView),
      m_tabs(new QTabWidget), m_pixel(new widgets::ChartPlot),
      m_pixelEvents(new widgets::ChartPlot), m_rate(new widgets::ChartPlot),
      m_networkRate(new widgets::ChartPlot), m_change(new widgets::ChartPlot),
      m_accuracy(new widgets::ChartPlot), m_loss(new widgets::ChartPlot),
      m_ops(new widgets::ChartPlot), m_raster(new widgets::SpikeRaster) {
    m_pause->setCheckable(true);
    m_pause->setShortcut(QKeySequence(tr("Ctrl+R")));
    m_pause->setToolTip(tr("Pause or resume the video (Ctrl+R)"));
    connect(m_pause, &QAction::toggled, this, [this](bool paused) {
        if (!paused)
            stopShowingResultFiles(); // back to the live video
        m_run->setUserPaused(paused);
    });
    m_record->setCheckable(true);
    m_record->setShortcut(QKeySequence(tr("Ctrl+Shift+R")));
    m_record->setToolTip(tr("Record the event stream to a file (Ctrl+Shift+R; again to stop): "
                            "CSV frame,x,y,value or the compact binary .sdev format (README)"));
    connect(m_record, &QAction::triggered, this, &VideoLab::toggleRecording);
    m_restartLearning->setToolTip(tr("Start the online network afresh and clear its curves"));
    connect(m_restartLearning, &QAction::triggered, m_run, &VideoRun::restartLearning);
    const auto& names = SyntheticScene::classNames();
    for (int k = 0; k <= static_cast<int>(names.size()); ++k) {
        auto* action =
            new QAction(k == 0 ? tr("Stop Teaching") : tr("Teach: %1").arg(className(k - 1)), this);
        action->setShortcut(QKeySequence(Qt::Key_0 + k));
        action->setToolTip(tr("Webcam or file: label the frames from now on as shown "
                              "(keys 1-4), or stop labelling (0) so the network only predicts"));
        connect(action, &QAction::triggered, this, [this, k] { setTeachLabel(k - 1); });
        m_teach << action;
    }

    m_input->setTitle(tr("Input (grey, resized)"));
    m_events->setTitle(tr("Events: ON vermilion, OFF blue"));
    m_reconstruction->setTitle(tr("Reconstruction (decoder)"));
    m_error->setTitle(tr("Error: recon. − input (red +, cyan −)"));
    for (widgets::FrameView* view : {m_input, m_events, m_reconstruction, m_error}) {
        view->setPlaceholder(tr("Starting the video…"));
        connect(view, &widgets::FrameView::pixelClicked, this, &VideoLab::followPixel);
    }
    m_events->setValueFormatter([this](QPoint p) {
        if (!m_last || p != m_last->pixel || m_last->traceEvents.empty())
            return tr("click to follow");
        return tr("events %1").arg(m_last->traceEvents.back());
    });

    m_pixel->setTitle(tr("Followed pixel: click any pane"));
    m_pixel->setAxisTitles(tr("frame"), tr("intensity"));
    m_pixel->setYRange(0.0, 1.0);
    m_pixel->addSeries(tr("input x"), widgets::ChartPlot::Style::Line);
    m_pixel->addSeries(tr("reconstruction"), widgets::ChartPlot::Style::Dashed);
    m_pixelEvents->setAxisTitles(tr("frame"), tr("events"));
    m_pixelEvents->addSeries(tr("signed events"), widgets::ChartPlot::Style::Stem);
    m_rate->setTitle(tr("Events / s vs frame rate (Fig. 8)"));
    m_rate->setToolTip(tr("ON + OFF events per second of the pixel encoder at each frame rate "
                          "(ICLR'18 Fig. 8: 4 s of video per rate, every n-th frame kept); "
                          "dashed: sending every pixel value every frame"));
    m_networkRate->setToolTip(
        tr("Energy per second of running the network on every frame, its state streamed "
           "from frame to frame and its weights untrained (Horowitz 32-bit integers: add "
           "0.1 pJ, multiply 3.1 pJ); dashed: the MLP of the same sizes, d_in·d_out "
           "multiply-adds per layer on every frame"));
    m_change->setToolTip(tr("ICLR'18 App. H Fig. 12: the mean ‖a_t − a_t−1‖₁ / 2(‖a_t‖₁ + "
                            "‖a_t−1‖₁) between consecutive frames of the dense MLP's input, "
                            "hidden and output activations"));
    m_rate->setAxisTitles(tr("frame rate (fps)"), tr("events / s"));
    m_rate->addSeries(tr("sweep"), widgets::ChartPlot::Style::Line);
    m_rate->addSeries(tr("live"), widgets::ChartPlot::Style::Points);
    m_rate->addSeries(tr("dense"), widgets::ChartPlot::Style::Dashed);
    m_rate->setLogarithmic(false, true);
    m_networkRate->setAxisTitles(tr("frame rate (fps)"), tr("µJ / s"));
    m_networkRate->addSeries(tr("network"), widgets::ChartPlot::Style::Line);
    m_networkRate->addSeries(tr("dense MLP"), widgets::ChartPlot::Style::Dashed);
    m_networkRate->setTitle(tr("Network energy / s (Fig. 8)"));
    m_networkRate->setLogarithmic(false, true);
    m_change->setTitle(tr("Activation change (Fig. 12)"));
    m_change->setAxisTitles(tr("frame rate (fps)"), tr("rel. change"));
    for (const std::string& layer : relativeChangeLayerNames())
        m_change->addSeries(QString::fromStdString(layer), widgets::ChartPlot::Style::Line);
    m_accuracy->setTitle(tr("Online learning: held-out test (solid), online (dashed)"));
    m_accuracy->setAxisTitles(tr("video time (s)"), tr("accuracy (%)"));
    m_accuracy->setYRange(0.0, 100.0);
    m_accuracy->addSeries(tr("test (held-out scene)"), widgets::ChartPlot::Style::Line);
    m_accuracy->addSeries(tr("online (predicted before learning)"),
                          widgets::ChartPlot::Style::Dashed);
    m_loss->setAxisTitles(tr("video time (s)"), tr("loss"));
    m_loss->addSeries(tr("loss"), widgets::ChartPlot::Style::Line);
    m_ops->setTitle(tr("Operations"));
    m_ops->setAxisTitles(tr("video time (s)"), tr("operations"));
    m_ops->addSeries(tr("training, cumulative"), widgets::ChartPlot::Style::Line);
    m_ops->addSeries(tr("inference per frame (ICLR'18 Fig. 8)"), widgets::ChartPlot::Style::Dashed);
    m_ops->setLogarithmic(false, true);
    m_raster->setAxisTitles(tr("labelled frame (last 60)"), tr("hidden unit"));

    auto* frames = new QWidget;
    auto* grid = new QGridLayout(frames);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(2);
    grid->addWidget(m_input, 0, 0);
    grid->addWidget(m_events, 0, 1);
    grid->addWidget(m_reconstruction, 1, 0);
    grid->addWidget(m_error, 1, 1);

    auto* pixelTab = new QSplitter(Qt::Vertical);
    pixelTab->addWidget(m_pixel);
    pixelTab->addWidget(m_pixelEvents);
    auto* learnTab = new QSplitter(Qt::Vertical);
    learnTab->addWidget(m_accuracy);
    learnTab->addWidget(m_loss);
    learnTab->addWidget(m_ops);
    learnTab->setSizes({300, 200, 200});
    m_tabs->addTab(learnTab, tr("Learning"));
    m_tabs->addTab(m_raster, tr("Network spikes"));
    m_tabs->addTab(pixelTab, tr("Pixel"));
    auto* rateTab = new QSplitter(Qt::Vertical);
    rateTab->addWidget(m_rate);
    rateTab->addWidget(m_networkRate);
    rateTab->addWidget(m_change);
    m_tabs->addTab(rateTab, tr("Rate vs fps"));

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    for (QAction* action : {m_pause, m_record, m_restartLearning})
        bar->addWidget(toolButton(action));
    bar->addSpacing(12);
    bar->addWidget(m_prediction);
    bar->addStretch(1);
    bar->addWidget(m_status);
    m_prediction->setTextFormat(Qt::RichText);
    m_status->setTextFormat(Qt::PlainText);

    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(frames);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({560, 440});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    connect(m_run, &VideoRun::packetReady, this, &VideoLab::onPacket);
    connect(m_run, &VideoRun::learningRestarted, this, &VideoLab::clearLearningCurves);
    connect(m_run, &VideoRun::configured, this, &VideoLab::onConfigured);
    connect(m_run, &VideoRun::message, this, [this](const QString& message) {
        m_sourceMessage = message;
        setSummary(message);
    });
    connect(m_run, &VideoRun::recordingFinished, this,
            [this](const QString& path, long long events, const QString& error) {
                m_record->setChecked(false);
                m_record->setText(tr("&Record Events…"));
                setSummary(error.isEmpty() ? tr("Recorded %1 events to %2").arg(events).arg(path)
                                           : tr("Recording %1 failed: %2").arg(path, error));
            });
}

VideoLab::~VideoLab() = default;

ComputeFunction VideoLab::computeFunction() const {
    return [shown = m_shown](const ParameterValues& v, ComputeControl& control) -> LabResultPtr {
        const VideoLabConfig config = videoLabConfigFrom(v);
        auto sweep = std::make_shared<VideoSweep>();
        if (!shown->load()) { // OpenCV is loaded when the lab is first shown, not before
            sweep->description = QObject::tr("computed when the lab is shown");
            return sweep;
        }
        VideoEncodingSettings s = config.encoding;
        if (isLiveSource(s.source.source)) {
            // A camera or a stream cannot be replayed at ten rates, and the live view
            // holds it open (a phone may serve one client only).
            sweep->description = isStreamUrl(s.source.source)
                                     ? QObject::tr("stream (no sweep: only the live rate)")
                                     : QObject::tr("webcam (no sweep: only the live rate)");
            return sweep;
        }
        FrameRateSweepSettings settings;
        if (config.learn)
            settings.network = config.learning;
        sweep->withNetwork = config.learn;
        const ProgressCallback progress = [&control](std::size_t done, std::size_t total) {
            return control.report(static_cast<long>(done), static_cast<long>(total));
        };
        try {
            sweep->sweep = runFrameRateSweep(videoBackend(), s, settings, progress);
        } catch (const InputError& error) {
            sweep->fallback = QString::fromStdString(error.what());
            s.source.source = "synthetic";
            sweep->sweep = runFrameRateSweep(videoBackend(), s, settings, progress);
        }
        if (sweep->sweep.cancelled)
            return nullptr;
        sweep->description = sweep->fallback.isEmpty()
                                 ? QString::fromStdString(sweep->sweep.description)
                                 : QObject::tr("synthetic scene");
        return sweep;
    };
}

void VideoLab::showSweep(const FrameRateSweep& sweep, bool withNetwork, const QString& title) {
    QList<QPointF> events, dense, network, denseNetwork;
    std::vector<QList<QPointF>> change(relativeChangeLayerNames().size());
    for (const FrameRateRow& row : sweep.rows) {
        events << QPointF(row.fps, std::max(row.eventsPerFrame * row.fps, 1e-3));
        dense << QPointF(row.fps, row.valuesPerFrame * row.fps); // every value, every frame
        if (!withNetwork)
            continue;
        constexpr double picoToMicro = 1e-6;
        network << QPointF(row.fps,
                           std::max(networkEnergyPjPerFrame(row) * row.fps * picoToMicro, 1e-6));
        denseNetwork << QPointF(row.fps, denseEnergyPjPerFrame(row) * row.fps * picoToMicro);
        for (std::size_t l = 0; l < change.size() && l < row.relativeChange.size(); ++l)
            change[l] << QPointF(row.fps, row.relativeChange[l]);
    }
    m_rate->setSeriesData(0, events);
    m_rate->setSeriesData(2, dense);
    m_rate->setTitle(tr("Events / s: %1").arg(title));
    m_networkRate->setSeriesData(0, network);
    m_networkRate->setSeriesData(1, denseNetwork);
    m_networkRate->setTitle(withNetwork ? tr("Network energy / s (Fig. 8)")
                                        : tr("Network: turn on Learn"));
    for (std::size_t l = 0; l < change.size(); ++l)
        m_change->setSeriesData(static_cast<int>(l), change[l]);
}

void VideoLab::showResult(const LabResultPtr& result) {
    const auto* swept = dynamic_cast<const VideoSweep*>(result.get());
    if (!swept)
        return;
    const FrameRateSweep& sweep = swept->sweep;
    showSweep(sweep, swept->withNetwork, swept->description);
    if (!swept->fallback.isEmpty()) {
        setSummary(tr("%1 — showing the synthetic scene instead").arg(swept->fallback));
    } else if (!sweep.rows.empty()) {
        const FrameRateRow &low = sweep.rows.front(), &high = sweep.rows.back();
        QString network;
        if (swept->withNetwork)
            network = tr("; network %1 ops/frame at %2 fps, %3 at %4 fps (dense %5)")
                          .arg(formatNumber(high.netAddsPerFrame + high.netMultsPerFrame, 3))
                          .arg(high.fps)
                          .arg(formatNumber(low.netAddsPerFrame + low.netMultsPerFrame, 3))
                          .arg(low.fps)
                          .arg(formatNumber(high.denseMultsPerFrame, 3));
        setSummary(tr("%1: %2 events/s at %3 fps, %4 at %5 fps%6 (frame-rate sweep)")
                       .arg(swept->description, formatNumber(high.eventsPerFrame * high.fps, 3))
                       .arg(high.fps)
                       .arg(formatNumber(low.eventsPerFrame * low.fps, 3))
                       .arg(low.fps)
                       .arg(network));
    } else {
        setSummary(tr("Video: %1").arg(swept->description));
    }
}

std::vector<std::pair<QString, widgets::ExportablePlot*>> VideoLab::plots() {
    return {{tr("Input"), m_input},
            {tr("Events"), m_events},
            {tr("Reconstruction"), m_reconstruction},
            {tr("Error"), m_error},
            {tr("Followed pixel"), m_pixel},
            {tr("Followed pixel events"), m_pixelEvents},
            {tr("Events per second vs frame rate"), m_rate},
            {tr("Network energy per second vs frame rate"), m_networkRate},
            {tr("Relative change of activations vs frame rate"), m_change},
            {tr("Learning accuracy"), m_accuracy},
            {tr("Learning loss"), m_loss},
            {tr("Learning operations"), m_ops},
            {tr("Hidden spikes"), m_raster}};
}

QString VideoLab::parameterNote(const widgets::ParameterValues& v) const {
    const double kp = v.value(QStringLiteral("kp")).toDouble();
    const double kd = v.value(QStringLiteral("kd")).toDouble();
    // The teaching label is not shown here: the note refreshes only on parameter edits;
    // the bar above the panes shows it with every frame.
    return tr("PD decoder: kα = %1, kβ = %2")
        .arg(formatNumber(kd / (kp + kd), 3), formatNumber(1.0 / (kp + kd), 3));
}

QList<QAction*> VideoLab::runActions() const {
    QList<QAction*> actions{m_pause, m_record, m_restartLearning};
    actions << m_teach;
    return actions;
}

void VideoLab::onConfigured() {
    // The frame-rate sweep follows through the lab's computation.
    const bool learning = m_run->config().learn;
    if (!learning && m_tabs->currentIndex() <= 1)
        m_tabs->setCurrentIndex(3); // nothing learns: show the frame-rate sweep
    else if (learning && !m_wasLearning && m_tabs->currentIndex() == 3)
        m_tabs->setCurrentIndex(0); // learning just turned on (a preset): show it learn
    m_wasLearning = learning;
    m_sourceMessage.clear();
}

int VideoLab::learningRows() const {
    return static_cast<int>(m_run->learningRows().size());
}

void VideoLab::followPixel(QPoint pixel) {
    m_run->setFollowedPixel(pixel);
    for (widgets::FrameView* view : {m_input, m_events, m_reconstruction, m_error})
        view->setMarkedPixel(pixel);
    m_pixel->setTitle(tr("Pixel (%1, %2): input and reconstruction").arg(pixel.x()).arg(pixel.y()));
    m_tabs->setCurrentIndex(2);
}

void VideoLab::showEvent(QShowEvent* event) {
    LabPage::showEvent(event);
    m_run->setShown(true);
    if (!m_shown->exchange(true))
        Q_EMIT recomputeRequested(); // the frame-rate sweep, held back until now
}

void VideoLab::hideEvent(QHideEvent* event) {
    m_run->setShown(false); // no CPU for a lab nobody sees
    LabPage::hideEvent(event);
}

void VideoLab::setTeachLabel(int label) {
    m_run->setTeachLabel(label);
    setSummary(label >= 0
                   ? tr("Teaching “%1”: frames are labelled until 0 is pressed (the synthetic "
                        "scene labels its own frames)")
                         .arg(className(label))
                   : tr("Not teaching: the network only predicts"));
}

void VideoLab::toggleRecording() {
    if (m_run->isRecording() || !m_record->isChecked()) {
        m_run->stopRecording();
        return;
    }
    QString selected;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Record Events"), QStringLiteral("events.sdev"),
        tr("Binary event stream (*.sdev);;CSV frame,x,y,value (*.csv)"), &selected);
    if (path.isEmpty()) {
        m_record->setChecked(false);
        return;
    }
    recordTo(path);
}

void VideoLab::recordTo(const QString& path) {
    m_run->startRecording(path);
    m_record->setChecked(true);
    m_record->setText(tr("Stop &Recording"));
    setSummary(tr("Recording events to %1…").arg(path));
}

void VideoLab::clearLearningCurves() {
    for (widgets::ChartPlot* plot : {m_accuracy, m_loss, m_ops})
        for (int i = 0; i < plot->seriesCount(); ++i)
            plot->setSeriesData(i, QList<QPointF>{});
}

void VideoLab::onPacket(const VideoPacketPtr& packet) {
    if (isShowingResultFiles()) { // a frame in flight when a result was opened
        m_run->acknowledge();
        return;
    }
    m_last = packet;
    ++m_framesShown;
    const QString inputTitle = packet->input.format() == QImage::Format_Grayscale8
                                   ? tr("Input (grey, resized)")
                                   : tr("Input (R, G, B, resized)");
    if (m_input->title() != inputTitle)
        m_input->setTitle(inputTitle);
    m_input->setImage(packet->input);
    m_events->setImage(packet->events);
    m_reconstruction->setImage(packet->reconstruction);
    m_error->setImage(packet->error);

    if (!packet->traceFrame.empty()) {
        QList<QPointF> signal, reconstruction, events;
        for (std::size_t i = 0; i < packet->traceFrame.size(); ++i) {
            signal << QPointF(packet->traceFrame[i], packet->traceSignal[i]);
            reconstruction << QPointF(packet->traceFrame[i], packet->traceReconstruction[i]);
            events << QPointF(packet->traceFrame[i], packet->traceEvents[i]);
        }
        m_pixel->setSeriesData(0, signal);
        m_pixel->setSeriesData(1, reconstruction);
        m_pixelEvents->setSeriesData(0, events);
    }

    if (m_framesShown % 15 == 0)
        m_rate->setSeriesData(1,
                              QList<QPointF>(m_run->liveRate().begin(), m_run->liveRate().end()));

    const double fps = packet->fps;
    if (!packet->newRows.empty())
        showLearningCurves(m_run->learningRows(), fps);
    if (packet->learning && packet->hiddenUnits > 0 && m_framesShown % 3 == 0)
        m_raster->setEvents(packet->hiddenSpikes, packet->hiddenUnits, packet->rasterFrames);

    if (packet->learning) {
        const bool right = packet->label >= 0 && packet->label == packet->predicted;
        m_prediction->setText(
            packet->label >= 0
                ? tr("shown <b>%1</b> · network says <b style='color:%3'>%2</b>")
                      .arg(className(packet->label), className(packet->predicted),
                           right ? QStringLiteral("#009E73") : QStringLiteral("#D55E00"))
                : tr("network says <b>%1</b> · press 1-4 to teach")
                      .arg(className(packet->predicted)));
    } else {
        m_prediction->setText(tr("learning off"));
    }
    updateSummary(*packet);
    m_run->acknowledge();
}

void VideoLab::showLearningCurves(const std::vector<VideoLearnRow>& rows, double fps) {
    QList<QPointF> test, online, loss, ops, inference;
    for (const VideoLearnRow& row : rows) {
        const double t = static_cast<double>(row.frame) / std::max(1.0, fps);
        if (row.testAccuracy >= 0.0)
            test << QPointF(t, 100.0 * row.testAccuracy);
        online << QPointF(t, 100.0 * row.trainAccuracy);
        loss << QPointF(t, row.loss);
        ops << QPointF(t, static_cast<double>(row.adds + row.mults));
        if (row.inferenceAdds + row.inferenceMults > 0.0)
            inference << QPointF(t, row.inferenceAdds + row.inferenceMults);
    }
    m_accuracy->setSeriesData(0, test);
    m_accuracy->setSeriesData(1, online);
    m_loss->setSeriesData(0, loss);
    m_ops->setSeriesData(0, ops);
    m_ops->setSeriesData(1, inference);
}

bool VideoLab::openResult(const QString& directory, QString* error) {
    (void)error; // every defect of the files is an InputError naming them
    const QDir dir(directory);
    if (!QFileInfo(dir.filePath(QStringLiteral("frames.csv"))).isFile() &&
        QFileInfo(dir.filePath(QStringLiteral("rate.csv"))).isFile())
        return openSweepResult(directory);
    const CsvTable frames =
        CsvTable::read(dir.filePath(QStringLiteral("frames.csv")).toStdString());
    const std::vector<double>& on = frames.column("events_on");
    const std::vector<double>& off = frames.column("events_off");
    const JsonValue summary = readResultSummary(directory);
    const auto number = [&summary](const char* key, double fallback) {
        return summaryNumber(summary, key, fallback);
    };
    const double fps = number("fps", 30.0);
    double events = 0.0;
    for (std::size_t i = 0; i < on.size(); ++i)
        events += on[i] + off[i];
    const double eventsPerSecond = events / static_cast<double>(on.size()) * fps;
    std::vector<VideoLearnRow> rows;
    const QString learnPath = dir.filePath(QStringLiteral("learn.csv"));
    if (QFileInfo(learnPath).isFile()) {
        const CsvTable learn = CsvTable::read(learnPath.toStdString());
        for (std::size_t i = 0; i < learn.rowCount(); ++i) {
            VideoLearnRow row;
            row.frame = std::lround(learn.column("frame")[i]);
            row.samples = std::lround(learn.column("samples")[i]);
            row.trainAccuracy = learn.column("train_acc")[i];
            row.testAccuracy = learn.column("test_acc")[i];
            row.loss = learn.column("loss")[i];
            row.adds = static_cast<std::uint64_t>(learn.column("adds")[i]);
            row.mults = static_cast<std::uint64_t>(learn.column("mults")[i]);
            row.energyMj = learn.column("energy_mj")[i];
            if (learn.hasColumn("inference_adds")) { // results written since issue 21 item 4
                row.inferenceAdds = learn.column("inference_adds")[i];
                row.inferenceMults = learn.column("inference_mults")[i];
            }
            rows.push_back(row);
        }
    }

    pauseForResultFiles();
    const double values = number("width", 0.0) * number("height", 0.0) *
                          (summaryText(summary, "channels") == QStringLiteral("rgb") ? 3.0 : 1.0);
    m_rate->setSeriesData(0, QList<QPointF>{});
    m_rate->setSeriesData(1, QList<QPointF>{QPointF(fps, std::max(eventsPerSecond, 1e-3))});
    m_rate->setSeriesData(2, values > 0.0 ? QList<QPointF>{QPointF(fps, values * fps)}
                                          : QList<QPointF>{});
    m_rate->setTitle(tr("Events per second at %1 fps: opened %2/").arg(fps).arg(dir.dirName()));
    clearLearningCurves();
    showLearningCurves(rows, fps);
    m_tabs->setCurrentIndex(rows.empty() ? 3 : 0);
    m_prediction->setText(tr("opened result"));
    setSummary(tr("Opened %1: %2, %3 frames at %4 fps, %5 events/s%6")
                   .arg(directory, summaryText(summary, "source", tr("its source")))
                   .arg(on.size())
                   .arg(fps)
                   .arg(formatNumber(eventsPerSecond, 4))
                   .arg(rows.empty() ? QString()
                                     : tr(", %1 learning rows, final test accuracy %2 %")
                                           .arg(rows.size())
                                           .arg(100.0 * rows.back().testAccuracy, 0, 'f', 1)));
    return true;
}

// The files hold figures, not frames: the live video pauses so they stay shown, and
// Resume (Ctrl+R) returns to it.
void VideoLab::pauseForResultFiles() {
    m_pause->setChecked(true);
    startShowingResultFiles();
    for (widgets::FrameView* view : {m_input, m_events, m_reconstruction, m_error}) {
        view->setImage(QImage());
        view->setPlaceholder(tr("Frames are not in a result's files: Resume (Ctrl+R) returns "
                                "to the live video"));
    }
}

bool VideoLab::openSweepResult(const QString& directory) {
    const CsvTable table =
        CsvTable::read(QDir(directory).filePath(QStringLiteral("rate.csv")).toStdString());
    const bool withNetwork = table.hasColumn("net_adds_per_frame");
    FrameRateSweep sweep;
    for (std::size_t i = 0; i < table.rowCount(); ++i) {
        FrameRateRow row;
        row.fps = table.column("fps")[i];
        row.frames = std::lround(table.column("frames")[i]);
        row.eventsPerFrame = table.column("events_per_frame")[i];
        row.reconstructionMse = table.column("recon_mse")[i];
        row.valuesPerFrame = row.fps > 0.0 ? table.column("values_per_second")[i] / row.fps : 0.0;
        if (withNetwork) {
            row.netAddsPerFrame = table.column("net_adds_per_frame")[i];
            row.netMultsPerFrame = table.column("net_mults_per_frame")[i];
            row.denseMultsPerFrame = table.column("dense_mults_per_second")[i] / row.fps;
            for (const std::string& layer : relativeChangeLayerNames())
                row.relativeChange.push_back(table.column("change_" + layer)[i]);
        }
        sweep.rows.push_back(std::move(row));
    }
    const JsonValue summary = readResultSummary(directory);
    const QString source = summaryText(summary, "source", tr("its source"));
    pauseForResultFiles();
    m_rate->setSeriesData(1, QList<QPointF>{});
    showSweep(sweep, withNetwork, tr("opened %1/").arg(QDir(directory).dirName()));
    m_tabs->setCurrentIndex(3);
    m_prediction->setText(tr("opened result"));
    setSummary(tr("Opened %1: frame-rate sweep of %2, %3 rates")
                   .arg(directory, source)
                   .arg(sweep.rows.size()));
    return true;
}

void VideoLab::updateSummary(const VideoPacket& p) {
    const QString line =
        tr("%1 · frame %2 · %3 fps shown (of %4) · %5 events/s · MSE %6 · read %7 · encode %8 · "
           "learn %9 · draw %10%11")
            .arg(p.source)
            .arg(p.frame)
            .arg(p.measuredFps, 0, 'f', 1)
            .arg(p.fps, 0, 'g', 3)
            .arg(formatNumber(p.eventsPerSecond, 3))
            .arg(formatNumber(p.reconstructionMse, 2))
            .arg(formatDuration(p.readMs), formatDuration(p.encodeMs), formatDuration(p.learnMs),
                 formatDuration(p.renderMs),
                 p.learning ? tr(" · network %1 ops/frame").arg(formatNumber(p.networkOps, 3))
                            : QString());
    m_status->setText(QStringLiteral("%1 × %2").arg(p.input.width()).arg(p.input.height()));
    if (m_framesShown % 10 == 1)
        setSummary(m_sourceMessage.isEmpty() ? line
                                             : m_sourceMessage + QStringLiteral(" · ") + line);
}

} // namespace sdlab::gui
