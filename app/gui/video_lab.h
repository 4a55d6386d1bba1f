#pragma once

#include "gui/lab_page.h"
#include "gui/video_run.h"
#include "video/frame_rate_sweep.h"

#include <atomic>
#include <memory>

class QAction;
class QLabel;
class QTabWidget;

namespace sdlab::widgets {
class ChartPlot;
class FrameView;
class SpikeRaster;
} // namespace sdlab::widgets

namespace sdlab::gui {

// The Video lab (spec §9, ICLR'18 §3.2 and Fig. 8): a webcam, a video file or the
// built-in synthetic scene turned into per-pixel events, live. Four panes show the
// input, the ON/OFF events (fading), the receiver's reconstruction and its error; a
// clicked pixel is followed over time; the parameter computation sweeps the frame rate
// (runFrameRateSweep: events, the network's operations and its activations' change
// per frame rate) for the current source, encoder and network; a small network
// learns online from the stream (the scene's shapes, or labels taught with keys 1-4)
// with live curves and its hidden layer's spikes. Frames are read, encoded, learned
// and drawn off the GUI thread by the session's VideoRun; the page only swaps images in.
class VideoLab : public LabPage {
    Q_OBJECT
  public:
    VideoLab(const Experiment& experiment, VideoRun* run, QWidget* parent = nullptr);
    ~VideoLab() override;
    ComputeFunction computeFunction() const override;
    QString openingPreset() const override { return QStringLiteral("synthetic-pd-learning"); }
    void showResult(const LabResultPtr& result) override;
    // frames.csv, learn.csv and summary.json of `sdlab-cli video`: the events per second at
    // the result's rate and its learning curves; or rate.csv of `--fps-sweep`: the sweep.
    // The live video pauses meanwhile.
    bool openResult(const QString& directory, QString* error) override;
    std::vector<std::pair<QString, widgets::ExportablePlot*>> plots() override;
    QString parameterNote(const widgets::ParameterValues& values) const override;

    QList<QAction*> runActions() const override;

    // For tests: frames shown so far, and the last packet.
    long framesShown() const { return m_framesShown; }
    VideoPacketPtr lastPacket() const { return m_last; }
    void followPixel(QPoint pixel);
    // Starts recording the events to `path` (.csv: CSV, otherwise binary .sdev); the
    // Record action asks for the path first. Stop with the action or stopRecording().
    void recordTo(const QString& path);
    void stopRecording() { m_run->stopRecording(); }
    int learningRows() const;

  protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

  private:
    void onPacket(const VideoPacketPtr& packet);
    void onConfigured();
    void toggleRecording();
    void setTeachLabel(int label);
    void clearLearningCurves();
    void showLearningCurves(const std::vector<VideoLearnRow>& rows, double fps);
    void updateSummary(const VideoPacket& packet);
    void showSweep(const FrameRateSweep& sweep, bool withNetwork, const QString& title);
    bool openSweepResult(const QString& directory);
    void pauseForResultFiles();

    VideoRun* m_run; // owned by the session
    // Set when the page is first shown; until then the computation loads nothing.
    std::shared_ptr<std::atomic<bool>> m_shown = std::make_shared<std::atomic<bool>>(false);
    VideoPacketPtr m_last;
    long m_framesShown = 0;
    QString m_sourceMessage;
    bool m_wasLearning = false; // the learn flag at the last configuration

    QAction* m_pause;
    QAction* m_record;
    QAction* m_restartLearning;
    QList<QAction*> m_teach;
    QLabel* m_status;
    QLabel* m_prediction;
    widgets::FrameView* m_input;
    widgets::FrameView* m_events;
    widgets::FrameView* m_reconstruction;
    widgets::FrameView* m_error;
    QTabWidget* m_tabs;
    widgets::ChartPlot* m_pixel;
    widgets::ChartPlot* m_pixelEvents;
    widgets::ChartPlot* m_rate;
    widgets::ChartPlot* m_networkRate;
    widgets::ChartPlot* m_change;
    widgets::ChartPlot* m_accuracy;
    widgets::ChartPlot* m_loss;
    widgets::ChartPlot* m_ops;
    widgets::SpikeRaster* m_raster;
};

} // namespace sdlab::gui
