#pragma once

#include <QImage>
#include <QObject>
#include <QSize>
#include <QString>
#include <QThreadPool>
#include <QTimer>
#include <atomic>
#include <memory>
#include <mutex>

namespace sdlab {
class VideoFileWriter;
}

namespace sdlab::gui {

class LabPage;

struct AnimationSettings {
    // .mp4, .avi, .mkv or .mov: a video in that container (the first codec Debian's
    // OpenCV writes for it, MJPG as the fallback); .png: a numbered sequence
    // NAME-0001.png, NAME-0002.png, ... beside it.
    QString path;
    double fps = 25.0;
    QSize size;           // of every frame; the page is drawn scaled into it
    double seconds = 5.0; // a lab without playback (the live Video lab): how long
    int maxFrames = 1500; // a longer playback is sampled evenly
};

// File > Record Animation (issue 23 item 2): the lab's playback, position by position,
// or a live lab for `seconds`, rendered frame by frame from its widgets (QWidget::render
// into an image, not a screen grab, so it works offscreen and drops nothing), written on
// a worker thread under a temporary name and renamed into place at the end; a cancel
// or a failure leaves nothing behind. Rendering happens on the GUI thread, one frame per
// event-loop turn, so the window stays responsive. Emits finished() exactly once.
class AnimationRecorder : public QObject {
    Q_OBJECT
  public:
    AnimationRecorder(LabPage* page, AnimationSettings settings, QObject* parent = nullptr);
    ~AnimationRecorder() override;

    // Checks the settings (false and `error` naming the problem) and starts.
    bool start(QString* error);
    void cancel();
    int frameCount() const { return m_total; }

    // One frame: the page drawn into an RGB image of `size`.
    static QImage renderFrame(QWidget* page, QSize size);
    // The file the sequence's frame `index` (0-based) goes to.
    static QString sequenceFramePath(const QString& path, int index);

  Q_SIGNALS:
    void progress(int done, int total);
    // `message` says what was written, or why nothing was.
    void finished(bool ok, const QString& message);

  private:
    void renderNext();
    void finish(bool ok, const QString& message);
    void fail(const QString& message); // from the worker thread too
    QString error();
    bool isSequence() const;

    LabPage* m_page;
    AnimationSettings m_settings;
    bool m_playback = false;
    int m_total = 0;
    int m_rendered = 0;
    int m_startPosition = 0;
    std::atomic<int> m_written{0};
    std::atomic<bool> m_failed{false};
    std::mutex m_errorMutex;
    QString m_error;
    QString m_temporary; // the video file, or the directory of the sequence
    std::unique_ptr<VideoFileWriter> m_writer;
    QThreadPool m_pool; // one thread: frames are written in order
    QTimer m_tick;
    bool m_done = false;
};

} // namespace sdlab::gui
