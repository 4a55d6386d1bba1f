#pragma once

#include "video/online_video_learner.h"
#include "video/video_encoding_run.h"
#include "widgets/spike_raster.h"

#include <QImage>
#include <QMetaType>
#include <QPoint>
#include <QThread>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace sdlab::gui {

// What the Video lab asks of its worker; applied at the next frame.
struct VideoLabConfig {
    VideoEncodingSettings encoding; // source, encoder and fps
    bool learn = true;
    OnlineLearningSettings learning;
    double fade = 0.8; // event display: what an event's colour keeps per frame
};

// One displayed frame and the figures around it; immutable once emitted.
struct VideoPacket {
    QImage input, events, reconstruction, error;
    QString source;
    long frame = 0;
    double fps = 0.0;             // the pipeline's rate
    double measuredFps = 0.0;     // frames processed per wall-clock second
    double eventsPerSecond = 0.0; // over the last second of video
    long eventsOn = 0, eventsOff = 0;
    double readMs = 0.0, encodeMs = 0.0, learnMs = 0.0, renderMs = 0.0;
    double reconstructionMse = 0.0;
    // The followed pixel over the last frames (oldest first).
    QPoint pixel{-1, -1};
    std::vector<double> traceFrame, traceSignal, traceReconstruction, traceEvents;
    // Online learning
    int label = -1, predicted = -1;
    double networkOps = 0.0;            // adds + mults of running the network on this frame
    std::vector<VideoLearnRow> newRows; // curve rows since the previous packet
    std::vector<widgets::RasterEvent> hiddenSpikes; // the hidden layer's, last frames (LIF: units
                                                    // that fired in the frame's T steps)
    int hiddenUnits = 0, rasterFrames = 0;
    bool learning = false;
    int learnerGeneration = 0; // changes when the network starts afresh (curves restart)
};
using VideoPacketPtr = std::shared_ptr<const VideoPacket>;

// The Video lab's worker: source → encoder → learner → display images, frame after frame
// at the chosen rate, off the GUI thread. Frames are converted and the images drawn
// here; the GUI only swaps them in. A packet is emitted only once the GUI has taken the
// previous one (acknowledge()), so a slow display drops frames instead of queueing
// them, while encoding and learning still see every frame. A source that cannot be
// opened or stops (camera unplugged) is reported and replaced by the synthetic scene;
// a file loops. The destructor stops and joins.
class VideoThread : public QThread {
    Q_OBJECT
  public:
    explicit VideoThread(QObject* parent = nullptr);
    ~VideoThread() override;

    void configure(const VideoLabConfig& config); // starts the thread on first use
    void setPaused(bool paused);
    bool isPaused() const { return m_paused.load(); }
    void setFollowedPixel(QPoint pixel);
    void setTeachLabel(int label) { m_teachLabel.store(label); } // −1: predict only
    void restartLearning() { m_restartLearning.store(true); }
    void acknowledge() { m_displayPending.store(false); }
    // Recording: events from the next frame on; stopRecording() renames the file into
    // place (no half-written file under the chosen name).
    void startRecording(const QString& path, bool binary);
    void stopRecording();
    bool isRecording() const { return m_recording.load(); }
    void stop();

    static constexpr int kTraceFrames = 150;
    static constexpr int kRasterFrames = 60;

  Q_SIGNALS:
    void packetReady(sdlab::gui::VideoPacketPtr packet);
    void sourceMessage(const QString& message); // a fallback or a problem, for the status bar
    void recordingFinished(const QString& path, long long events, const QString& error);

  protected:
    void run() override;

  private:
    friend class VideoWorker; // the loop's state and steps (video_thread.cpp)
    // What the GUI asked for since the previous frame, taken under the lock.
    struct Requests {
        std::optional<VideoLabConfig> config;
        QPoint pixel{-1, -1};
        bool recordStart = false, recordStop = false;
        QString recordPath;
        bool recordBinary = true;
    };
    Requests takeRequests(); // waits while paused
    void waitUntil(std::chrono::steady_clock::time_point time);

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<VideoLabConfig> m_config;           // guarded by m_mutex
    QPoint m_pixel{-1, -1};                           // guarded by m_mutex
    QString m_recordPath;                             // guarded by m_mutex
    bool m_recordBinary = true;                       // guarded by m_mutex
    bool m_recordStart = false, m_recordStop = false; // guarded by m_mutex
    std::atomic<bool> m_recording{false};
    std::atomic<bool> m_paused{false};
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_displayPending{false};
    std::atomic<bool> m_restartLearning{false};
    std::atomic<int> m_teachLabel{-1};
};

} // namespace sdlab::gui

Q_DECLARE_METATYPE(sdlab::gui::VideoPacketPtr)
