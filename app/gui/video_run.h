#pragma once

#include "gui/lab_run.h"
#include "gui/video_thread.h"

#include <QPointF>
#include <vector>

namespace sdlab {
struct Experiment;
}

namespace sdlab::gui {

// The Video lab's live run: its worker thread, configured from the session's newest
// values (sliders act on the next frame), the online network's curve rows since it last
// started afresh and the live events-per-second point of each frame rate tried. Paused
// while the lab is hidden or the user paused it, so a webcam is free then. The page
// draws the packets this forwards.
class VideoRun : public LabRun {
    Q_OBJECT
  public:
    explicit VideoRun(const Experiment& experiment, QObject* parent = nullptr);

    bool isRunning() const override { return m_thread.isRunning() && !m_thread.isPaused(); }
    bool quitNeedsConfirmation() const override { return false; } // live: nothing to lose
    void stop() override;                                         // and joins the worker
    void parametersChanged(const widgets::ParameterValues& values) override;

    void setShown(bool shown); // a hidden lab uses no CPU
    void setUserPaused(bool paused);
    void setFollowedPixel(QPoint pixel) { m_thread.setFollowedPixel(pixel); }
    void setTeachLabel(int label) { m_thread.setTeachLabel(label); } // −1: predict only
    void restartLearning();
    // Records the events from the next frame on (.csv: CSV, otherwise binary .sdev).
    void startRecording(const QString& path);
    void stopRecording() { m_thread.stopRecording(); }
    bool isRecording() const { return m_thread.isRecording(); }
    // The page drew the last packet: the worker may send the next.
    void acknowledge() { m_thread.acknowledge(); }

    const VideoLabConfig& config() const { return m_config; }
    const std::vector<VideoLearnRow>& learningRows() const { return m_rows; }
    const std::vector<QPointF>& liveRate() const { return m_liveRate; } // (fps, events/s)

  Q_SIGNALS:
    void packetReady(sdlab::gui::VideoPacketPtr packet); // rows and rates already updated
    void learningRestarted();                            // the curves start afresh
    void configured();                                   // config() changed
    void message(const QString& text);                   // a source fallback, a refused setting
    void recordingFinished(const QString& path, long long events, const QString& error);

  private:
    void onPacket(const VideoPacketPtr& packet);
    void applyPause();

    const Experiment& m_experiment;
    VideoThread m_thread;
    VideoLabConfig m_config;
    bool m_shown = false;
    bool m_userPaused = false;
    int m_learnerGeneration = -1;
    std::vector<VideoLearnRow> m_rows;
    std::vector<QPointF> m_liveRate;
};

// The live view's settings: `sdlab-cli video`'s encoding and learner, plus the display.
VideoLabConfig videoLabConfigFrom(const ParameterValues& values);

} // namespace sdlab::gui
