#include "gui/video_thread.h"

#include "io/event_stream.h"
#include "io/input_error.h"
#include "video/channel_reduction.h"
#include "video/video_pipeline.h"
#include "video/video_plugin.h"

#include <QFileInfo>
#include <chrono>
#include <cmath>
#include <deque>

namespace sdlab::gui {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Spike colours as the rasters: ON vermilion, OFF blue, over a near-black ground.
constexpr float kOn[3] = {0xD5, 0x5E, 0x00};
constexpr float kOff[3] = {0x00, 0x72, 0xB2};
constexpr float kGround = 0x18;

uchar toByte(float v) {
    return static_cast<uchar>(std::lround(std::clamp(v, 0.0F, 1.0F) * 255.0F));
}

// Grey (one channel) or RGB (three, interleaved) values in [0, 1].
QImage frameImage(const Eigen::ArrayXf& values, const FrameShape& shape) {
    const bool colour = shape.channels == 3;
    QImage image(shape.width, shape.height,
                 colour ? QImage::Format_RGB888 : QImage::Format_Grayscale8);
    const int rowValues = shape.width * shape.channels;
    for (int y = 0; y < shape.height; ++y) {
        uchar* line = image.scanLine(y);
        const float* row = values.data() + static_cast<std::ptrdiff_t>(y) * rowValues;
        for (int v = 0; v < rowValues; ++v)
            line[v] = toByte(row[v]);
    }
    return image;
}

// Fading ON/OFF traces (each in [0, 1]) blended over the ground colour.
QImage eventImage(const Eigen::ArrayXf& on, const Eigen::ArrayXf& off, int width, int height) {
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        const std::ptrdiff_t row = static_cast<std::ptrdiff_t>(y) * width;
        for (int x = 0; x < width; ++x) {
            const float a = on(row + x), b = off(row + x);
            int c[3];
            for (int k = 0; k < 3; ++k)
                c[k] = std::min(255, static_cast<int>(kGround + a * (kOn[k] - kGround) +
                                                      b * (kOff[k] - kGround)));
            line[x] = qRgb(c[0], c[1], c[2]);
        }
    }
    return image;
}

// Reconstruction − input: red where the receiver sees too bright, cyan too dark, black
// where it is right; full colour at an error of 0.5.
QImage errorImage(const Eigen::ArrayXf& error, int width, int height) {
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        const std::ptrdiff_t row = static_cast<std::ptrdiff_t>(y) * width;
        for (int x = 0; x < width; ++x) {
            const float e = 2.0F * error(row + x);
            const int level = toByte(std::abs(e));
            line[x] = e >= 0.0F ? qRgb(level, level / 5, level / 5) : qRgb(level / 5, level, level);
        }
    }
    return image;
}

bool sameSource(const VideoSourceSettings& a, const VideoSourceSettings& b) {
    return a.source == b.source && a.width == b.width && a.seed == b.seed && a.colour == b.colour;
}

} // namespace

VideoThread::VideoThread(QObject* parent) : QThread(parent) {
    qRegisterMetaType<VideoPacketPtr>();
}

VideoThread::~VideoThread() {
    stop();
    wait();
}

void VideoThread::configure(const VideoLabConfig& config) {
    {
        const std::lock_guard lock(m_mutex);
        m_config = config;
    }
    m_wake.notify_all();
    if (!isRunning() && !m_stop.load())
        start();
}

void VideoThread::setPaused(bool paused) {
    m_paused.store(paused);
    m_wake.notify_all();
}

void VideoThread::setFollowedPixel(QPoint pixel) {
    const std::lock_guard lock(m_mutex);
    m_pixel = pixel;
}

void VideoThread::startRecording(const QString& path, bool binary) {
    const std::lock_guard lock(m_mutex);
    m_recordPath = path;
    m_recordBinary = binary;
    m_recordStart = true;
    m_recordStop = false;
}

void VideoThread::stopRecording() {
    const std::lock_guard lock(m_mutex);
    m_recordStop = true;
    m_recordStart = false;
}

void VideoThread::stop() {
    m_stop.store(true);
    m_wake.notify_all();
}

// The loop's state and its steps, one method each; lives on the worker thread only.
// Problems leave as the thread's sourceMessage and recordingFinished signals.
class VideoWorker {
  public:
    explicit VideoWorker(VideoThread& thread) : m_thread(thread) {}
    ~VideoWorker() { finishRecording({}); }
    VideoWorker(const VideoWorker&) = delete;
    VideoWorker& operator=(const VideoWorker&) = delete;

    bool hasPipeline() const { return m_pipeline != nullptr; }
    bool ended() const { return m_ended; } // the endless synthetic scene ended
    Clock::time_point nextFrameAt() const { return m_nextFrameAt; }

    // A new configuration: retune in place, or reopen the source when it changed.
    void configure(const VideoLabConfig& config) {
        const VideoLabConfig old = m_config;
        m_config = config;
        if (!m_pipeline || !sameSource(old.encoding.source, config.encoding.source) ||
            config.encoding.encoding != old.encoding.encoding) {
            openSource(config.encoding);
            newLearner();
        } else {
            m_pipeline->setEncoding(config.encoding);
            const double native = m_pipeline->source().nativeFps();
            m_pipeline->setFps(config.encoding.fps > native ? 0.0 : config.encoding.fps);
            if (old.learn != config.learn || old.learning != config.learning)
                newLearner();
        }
        m_nextFrameAt = Clock::now();
    }

    void newLearner() {
        m_learner.reset();
        m_rowsSent = 0;
        ++m_learnerGeneration;
        m_hidden.clear();
        if (!m_config.learn)
            return;
        m_learner = std::make_unique<OnlineVideoLearner>(m_config.learning, videoBackend());
        if (m_synthetic) { // only the synthetic scene has labels to test on
            VideoEncodingSettings test = m_config.encoding;
            test.source.width = std::min(test.source.width, 160);
            m_learner->setTestSet(
                syntheticTestSet(videoBackend(), test, m_config.learning.input, 200));
        }
    }

    // The next frame into m_step. False when there was none: the source was replaced
    // (a file loops; a source that throws or stops falls back to the synthetic scene).
    bool readFrame() {
        bool got = false;
        try {
            got = m_pipeline->next(m_step);
        } catch (const std::exception& error) { // a file deleted under a loop, a driver error
            fallBack(QObject::tr("%1: %2 — showing the synthetic scene instead")
                         .arg(sourceName(), QString::fromStdString(error.what())));
            return false;
        }
        if (got)
            return true;
        if (m_synthetic) { // cannot happen; guard against a busy loop
            m_ended = true;
            return false;
        }
        std::unique_ptr<VideoSource> again;
        // A file loops; a stream that ended is reconnected once (a phone's server
        // restarted); a camera that stopped is gone.
        if (!m_config.encoding.source.source.starts_with("camera:")) {
            try {
                again = videoBackend().openSource(m_config.encoding.source);
            } catch (const InputError&) { // gone or changed since: fall back below
            }
        }
        if (again)
            m_pipeline->setSource(std::move(again));
        else
            fallBack(QObject::tr("%1 stopped delivering frames — showing the synthetic scene "
                                 "instead")
                         .arg(sourceName()));
        return false;
    }

    // Starts, feeds or ends the recording of the frame's events.
    void record(const VideoThread::Requests& requests) {
        if (requests.recordStart) {
            finishRecording({});
            try {
                m_recorder = std::make_unique<EventStreamWriter>(
                    requests.recordPath.toStdString(),
                    requests.recordBinary ? EventStreamFormat::Binary : EventStreamFormat::Csv,
                    m_step.frame.width, m_step.frame.height, m_step.frame.channels,
                    m_pipeline->fps());
                m_thread.m_recording.store(true);
            } catch (const std::exception& e) {
                Q_EMIT m_thread.recordingFinished(requests.recordPath, 0,
                                                  QString::fromStdString(e.what()));
            }
        }
        if (!m_recorder)
            return;
        try {
            m_recorder->addFrame(static_cast<std::uint32_t>(m_step.index), m_step.encoded.events);
        } catch (const std::exception& e) {
            finishRecording(QString::fromStdString(e.what()));
        }
    }

    void finishRecording(const QString& error) {
        if (!m_recorder)
            return;
        QString message = error;
        const QString path = QString::fromStdString(m_recorder->path().string());
        const long long events = m_recorder->eventCount();
        if (message.isEmpty()) {
            try {
                m_recorder->finish();
            } catch (const std::exception& e) {
                message = QString::fromStdString(e.what());
            }
        }
        m_recorder.reset(); // an unfinished recorder removes its temporary file
        m_thread.m_recording.store(false);
        Q_EMIT m_thread.recordingFinished(path, events, message);
    }

    // The online network sees the frame: labelled by the scene, or by the teacher's key.
    void learn(int teachLabel) {
        const auto start = Clock::now();
        m_label = m_predicted = -1;
        if (m_learner) {
            m_label = m_synthetic ? m_step.frame.label : teachLabel;
            const VideoLearnStep step =
                m_learner->observe(m_step.index, m_step.encoded, m_step.frame.shape(), m_label);
            m_predicted = step.predicted;
            m_networkOps = static_cast<double>(step.inferenceAdds + step.inferenceMults);
            if (m_label >= 0) {
                m_hidden.push_back(m_learner->hiddenSpikes());
                if (m_hidden.size() > static_cast<std::size_t>(VideoThread::kRasterFrames))
                    m_hidden.pop_front();
            }
        }
        m_learnMs = msSince(start);
    }

    // Frame times and event counts over the last second of wall time.
    void countEvents() {
        const auto now = Clock::now();
        m_lastSecond.emplace_back(now, m_step.encoded.eventsOn + m_step.encoded.eventsOff);
        while (m_lastSecond.size() > 1 &&
               now - m_lastSecond.front().first > std::chrono::seconds(1))
            m_lastSecond.pop_front();
    }

    // The followed pixel's trace. A colour pixel shows its channels' mean signal and
    // reconstruction and the sum of its channels' events.
    void follow(QPoint pixel) {
        if (pixel != m_tracedPixel) {
            m_trace.clear();
            m_tracedPixel = pixel;
        }
        const int width = m_step.frame.width, channels = m_step.frame.channels;
        if (pixel.x() < 0 || pixel.x() >= width || pixel.y() < 0 ||
            pixel.y() >= m_step.frame.height)
            return;
        const Eigen::Index first =
            (static_cast<Eigen::Index>(pixel.y()) * width + pixel.x()) * channels;
        const double n = channels;
        m_trace.push_back({static_cast<double>(m_step.index),
                           m_step.frame.pixels.segment(first, channels).sum() / n,
                           m_step.encoded.reconstruction.segment(first, channels).sum() / n,
                           m_step.encoded.events.segment(first, channels).sum()});
        if (m_trace.size() > static_cast<std::size_t>(VideoThread::kTraceFrames))
            m_trace.pop_front();
    }

    // Fading event display, updated every frame so it does not depend on the GUI. A
    // colour pixel's ON (OFF) trace adds its channels' ON (OFF) events.
    void fadeEvents() {
        const Eigen::Index pixels = m_step.frame.pixelCount();
        const int channels = m_step.frame.channels;
        if (m_onFade.size() != pixels) {
            m_onFade.setZero(pixels);
            m_offFade.setZero(pixels);
        }
        const auto fade = static_cast<float>(m_config.fade);
        m_scratch = m_step.encoded.events.max(0.0F);
        channelSum(m_scratch, channels, m_perPixel);
        m_onFade = (fade * m_onFade + m_perPixel).min(1.0F);
        m_scratch = (-m_step.encoded.events).max(0.0F);
        channelSum(m_scratch, channels, m_perPixel);
        m_offFade = (fade * m_offFade + m_perPixel).min(1.0F);
    }

    // The images and figures of this frame for the display.
    VideoPacketPtr packet() {
        const auto start = Clock::now();
        const int width = m_step.frame.width, height = m_step.frame.height;
        auto packet = std::make_shared<VideoPacket>();
        packet->input = frameImage(m_step.frame.pixels, m_step.frame.shape());
        packet->events = eventImage(m_onFade, m_offFade, width, height);
        packet->reconstruction = frameImage(m_step.encoded.reconstruction, m_step.frame.shape());
        // The error per pixel: its channels' mean, so a colour error shows as one sign.
        m_scratch = m_step.encoded.reconstruction - m_step.frame.pixels;
        channelMean(m_scratch, m_step.frame.channels, m_perPixelError);
        packet->error = errorImage(m_perPixelError, width, height);
        packet->source = sourceName();
        packet->frame = m_step.index;
        packet->fps = m_pipeline->fps();
        const double span =
            std::chrono::duration<double>(m_lastSecond.back().first - m_lastSecond.front().first)
                .count();
        long events = 0;
        for (const auto& [time, count] : m_lastSecond)
            events += count;
        const auto frames = static_cast<double>(m_lastSecond.size());
        packet->measuredFps = span > 0.0 ? (frames - 1.0) / span : 0.0;
        packet->eventsPerSecond = static_cast<double>(events) / frames * packet->fps;
        packet->eventsOn = m_step.encoded.eventsOn;
        packet->eventsOff = m_step.encoded.eventsOff;
        packet->readMs = m_step.readMs;
        packet->encodeMs = m_step.encodeMs;
        packet->learnMs = m_learnMs;
        packet->reconstructionMse = m_step.reconstructionMse;
        packet->pixel = m_tracedPixel;
        for (const auto& [frame, signal, reconstruction, eventCount] : m_trace) {
            packet->traceFrame.push_back(frame);
            packet->traceSignal.push_back(signal);
            packet->traceReconstruction.push_back(reconstruction);
            packet->traceEvents.push_back(eventCount);
        }
        packet->label = m_label;
        packet->predicted = m_predicted;
        packet->networkOps = m_networkOps;
        packet->learning = m_learner != nullptr;
        packet->learnerGeneration = m_learnerGeneration;
        if (m_learner) {
            const auto& curve = m_learner->curve();
            packet->newRows.assign(curve.begin() + static_cast<std::ptrdiff_t>(m_rowsSent),
                                   curve.end());
            m_rowsSent = curve.size();
            packet->hiddenUnits = m_config.learning.hidden;
            packet->rasterFrames = VideoThread::kRasterFrames;
            int f = 1;
            for (const auto& frameSpikes : m_hidden) {
                for (const UnitSpike& spike : frameSpikes)
                    packet->hiddenSpikes.push_back(
                        {f, spike.unit, static_cast<float>(spike.value)});
                ++f;
            }
        }
        packet->renderMs = msSince(start);
        return packet;
    }

    // Paces to the frame rate; after a long stall, starts afresh instead of racing.
    void scheduleNextFrame() {
        m_nextFrameAt += std::chrono::duration_cast<Clock::duration>(
            std::chrono::duration<double>(1.0 / m_pipeline->fps()));
        if (Clock::now() - m_nextFrameAt > std::chrono::milliseconds(500))
            m_nextFrameAt = Clock::now();
    }

  private:
    QString sourceName() const {
        return QString::fromStdString(m_pipeline->source().description());
    }

    // Opens the configured source, or the synthetic scene when it cannot be opened.
    void openSource(const VideoEncodingSettings& encoding) {
        VideoEncodingSettings settings = encoding;
        std::unique_ptr<VideoSource> source;
        try {
            source = videoBackend().openSource(settings.source);
        } catch (const InputError& error) {
            Q_EMIT m_thread.sourceMessage(QObject::tr("%1 — showing the synthetic scene instead")
                                              .arg(QString::fromStdString(error.what())));
            settings.source.source = "synthetic";
            source = videoBackend().openSource(settings.source);
        }
        m_synthetic = settings.source.source == "synthetic";
        if (settings.fps > source->nativeFps()) {
            Q_EMIT m_thread.sourceMessage(
                QObject::tr("%1 runs at %2 fps; it can only be slowed down, not sped up")
                    .arg(QString::fromStdString(source->description()))
                    .arg(source->nativeFps(), 0, 'g', 3));
            settings.fps = 0.0;
        }
        m_pipeline = std::make_unique<VideoPipeline>(std::move(source), settings);
        m_onFade.resize(0);
        finishRecording({}); // a new frame size ends a recording
    }

    void fallBack(const QString& message) {
        Q_EMIT m_thread.sourceMessage(message);
        VideoEncodingSettings synthetic = m_config.encoding;
        synthetic.source.source = "synthetic";
        openSource(synthetic);
        newLearner();
    }

    VideoThread& m_thread;
    VideoLabConfig m_config;
    std::unique_ptr<VideoPipeline> m_pipeline;
    VideoPipelineStep m_step;
    bool m_synthetic = true;
    bool m_ended = false;
    Clock::time_point m_nextFrameAt = Clock::now();
    std::unique_ptr<OnlineVideoLearner> m_learner;
    std::size_t m_rowsSent = 0;
    int m_learnerGeneration = 0;
    int m_label = -1, m_predicted = -1;
    double m_learnMs = 0.0;
    double m_networkOps = 0.0;
    Eigen::ArrayXf m_onFade, m_offFade;
    Eigen::ArrayXf m_scratch, m_perPixel, m_perPixelError; // per-channel work, per-pixel views
    std::deque<std::array<double, 4>> m_trace;             // frame, signal, reconstruction, events
    QPoint m_tracedPixel{-1, -1};
    std::deque<std::vector<UnitSpike>> m_hidden; // the PD network's hidden spikes per frame
    std::unique_ptr<EventStreamWriter> m_recorder;
    std::deque<std::pair<Clock::time_point, long>> m_lastSecond; // frame times and events
};

VideoThread::Requests VideoThread::takeRequests() {
    Requests requests;
    std::unique_lock lock(m_mutex);
    // While paused (also while the lab is hidden) nothing is opened or read, so a webcam
    // stays free; a new configuration waits until the video resumes.
    m_wake.wait(lock, [&] { return m_stop.load() || !m_paused.load() || m_recordStop; });
    requests.config.swap(m_config);
    requests.pixel = m_pixel;
    std::swap(requests.recordStart, m_recordStart);
    std::swap(requests.recordStop, m_recordStop);
    requests.recordPath = m_recordPath;
    requests.recordBinary = m_recordBinary;
    return requests;
}

void VideoThread::waitUntil(Clock::time_point time) {
    std::unique_lock lock(m_mutex);
    m_wake.wait_until(lock, time, [&] { return m_stop.load() || m_config.has_value(); });
}

void VideoThread::run() {
    VideoWorker worker(*this);
    while (!m_stop.load()) {
        const Requests requests = takeRequests();
        if (m_stop.load())
            break;
        try {
            if (requests.config)
                worker.configure(*requests.config);
        } catch (const std::exception& error) {
            Q_EMIT sourceMessage(QString::fromStdString(error.what()));
        }
        if (m_restartLearning.exchange(false))
            worker.newLearner();
        if (requests.recordStop)
            worker.finishRecording({});
        if (m_paused.load())
            continue;                // woken to stop a recording, or paused meanwhile
        if (!worker.hasPipeline()) { // nothing could be opened: wait for a new setting
            waitUntil(Clock::now() + std::chrono::hours(1));
            continue;
        }
        if (!worker.readFrame()) {
            if (worker.ended())
                break;
            continue; // the source was replaced; read again
        }
        worker.record(requests);
        worker.learn(m_teachLabel.load());
        worker.countEvents();
        worker.follow(requests.pixel);
        worker.fadeEvents();
        if (!m_displayPending.exchange(true))
            Q_EMIT packetReady(worker.packet());
        worker.scheduleNextFrame();
        waitUntil(worker.nextFrameAt());
    }
}

} // namespace sdlab::gui
