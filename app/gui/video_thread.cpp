#include "gui/video_thread.h"

#include "io/event_stream.h"
#include "io/input_error.h"
#include "video/channel_reduction.h"
#include "video/video_pipeline.h"

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

// Everything the loop owns; lives on the worker thread only.
struct WorkerState {
    VideoLabConfig config;
    std::unique_ptr<VideoPipeline> pipeline;
    bool synthetic = true;
    std::unique_ptr<OnlineVideoLearner> learner;
    std::size_t rowsSent = 0;
    int learnerGeneration = 0;
    Eigen::ArrayXf onFade, offFade;
    Eigen::ArrayXf scratch, perPixel, perPixelError; // per-channel work and per-pixel views
    std::deque<std::array<double, 4>> trace;         // frame, signal, reconstruction, events
    QPoint tracedPixel{-1, -1};
    std::deque<std::vector<UnitSpike>> hidden; // the PD network's hidden spikes per frame
    std::unique_ptr<EventStreamWriter> recorder;
    std::deque<std::pair<Clock::time_point, long>> lastSecond; // frame times and events
};

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

void VideoThread::run() {
    WorkerState state;
    VideoPipelineStep step;
    auto nextFrameAt = Clock::now();
    const auto finishRecording = [&](const QString& error) {
        if (!state.recorder)
            return;
        QString message = error;
        const QString path = QString::fromStdString(state.recorder->path().string());
        const long long events = state.recorder->eventCount();
        if (message.isEmpty()) {
            try {
                state.recorder->finish();
            } catch (const std::exception& e) {
                message = QString::fromStdString(e.what());
            }
        }
        state.recorder.reset(); // an unfinished recorder removes its temporary file
        m_recording.store(false);
        Q_EMIT recordingFinished(path, events, message);
    };
    const auto openSource = [&](const VideoEncodingSettings& encoding) {
        VideoEncodingSettings settings = encoding;
        std::unique_ptr<VideoSource> source;
        try {
            source = openVideoSource(settings.source);
        } catch (const InputError& error) {
            Q_EMIT sourceMessage(tr("%1 — showing the synthetic scene instead")
                                     .arg(QString::fromStdString(error.what())));
            settings.source.source = "synthetic";
            source = openVideoSource(settings.source);
        }
        state.synthetic = settings.source.source == "synthetic";
        if (settings.fps > source->nativeFps()) {
            Q_EMIT sourceMessage(tr("%1 runs at %2 fps; it can only be slowed down, not sped up")
                                     .arg(QString::fromStdString(source->description()))
                                     .arg(source->nativeFps(), 0, 'g', 3));
            settings.fps = 0.0;
        }
        state.pipeline = std::make_unique<VideoPipeline>(std::move(source), settings);
        state.onFade.resize(0);
        finishRecording({}); // a new frame size ends a recording
    };
    const auto newLearner = [&] {
        state.learner.reset();
        state.rowsSent = 0;
        ++state.learnerGeneration;
        state.hidden.clear();
        if (!state.config.learn)
            return;
        state.learner = std::make_unique<OnlineVideoLearner>(state.config.learning);
        if (state.synthetic) { // only the synthetic scene has labels to test on
            VideoEncodingSettings test = state.config.encoding;
            test.source.width = std::min(test.source.width, 160);
            state.learner->setTestSet(syntheticTestSet(test, state.config.learning.input, 200));
        }
    };

    while (!m_stop.load()) {
        std::optional<VideoLabConfig> config;
        QPoint pixel;
        bool recordStart = false, recordStop = false;
        QString recordPath;
        bool recordBinary = true;
        {
            std::unique_lock lock(m_mutex);
            // While paused (also while the lab is hidden) nothing is opened or read, so a
            // webcam stays free; a new configuration waits until the video resumes.
            m_wake.wait(lock, [&] { return m_stop.load() || !m_paused.load() || m_recordStop; });
            config.swap(m_config);
            pixel = m_pixel;
            std::swap(recordStart, m_recordStart);
            std::swap(recordStop, m_recordStop);
            recordPath = m_recordPath;
            recordBinary = m_recordBinary;
        }
        if (m_stop.load())
            break;
        try {
            if (config) {
                const VideoLabConfig old = state.config;
                state.config = *config;
                if (!state.pipeline || !sameSource(old.encoding.source, config->encoding.source) ||
                    config->encoding.encoding != old.encoding.encoding) {
                    openSource(config->encoding);
                    newLearner();
                } else {
                    state.pipeline->setEncoding(config->encoding);
                    const double native = state.pipeline->source().nativeFps();
                    state.pipeline->setFps(config->encoding.fps > native ? 0.0
                                                                         : config->encoding.fps);
                    if (old.learn != config->learn || old.learning != config->learning)
                        newLearner();
                }
                nextFrameAt = Clock::now();
            }
        } catch (const std::exception& error) {
            Q_EMIT sourceMessage(QString::fromStdString(error.what()));
        }
        if (m_restartLearning.exchange(false))
            newLearner();
        if (recordStop)
            finishRecording({});
        if (m_paused.load() || !state.pipeline)
            continue; // woken to stop a recording, or paused meanwhile

        // One frame. A source that throws (a file deleted under a loop, a driver error)
        // is reported and replaced by the synthetic scene, like one that cannot open.
        bool got = false;
        try {
            got = state.pipeline->next(step);
        } catch (const std::exception& error) {
            Q_EMIT sourceMessage(
                tr("%1: %2 — showing the synthetic scene instead")
                    .arg(QString::fromStdString(state.pipeline->source().description()),
                         QString::fromStdString(error.what())));
            VideoEncodingSettings synthetic = state.config.encoding;
            synthetic.source.source = "synthetic";
            openSource(synthetic);
            newLearner();
            continue;
        }
        if (!got) {
            if (state.synthetic) // cannot happen; guard against a busy loop
                break;
            const bool isFile = !state.config.encoding.source.source.starts_with("camera:");
            std::unique_ptr<VideoSource> again;
            if (isFile) { // loop the file
                try {
                    again = openVideoSource(state.config.encoding.source);
                } catch (const InputError&) { // gone or changed since: fall back below
                }
            }
            if (again) {
                state.pipeline->setSource(std::move(again));
            } else {
                Q_EMIT sourceMessage(
                    tr("%1 stopped delivering frames — showing the synthetic scene instead")
                        .arg(QString::fromStdString(state.pipeline->source().description())));
                VideoEncodingSettings synthetic = state.config.encoding;
                synthetic.source.source = "synthetic";
                openSource(synthetic);
                newLearner();
            }
            continue;
        }
        const int width = step.frame.width, height = step.frame.height;
        const Eigen::Index pixels = step.frame.pixelCount();
        if (recordStart) {
            finishRecording({});
            try {
                state.recorder = std::make_unique<EventStreamWriter>(
                    recordPath.toStdString(),
                    recordBinary ? EventStreamFormat::Binary : EventStreamFormat::Csv, width,
                    height, step.frame.channels, state.pipeline->fps());
                m_recording.store(true);
            } catch (const std::exception& e) {
                Q_EMIT recordingFinished(recordPath, 0, QString::fromStdString(e.what()));
            }
        }
        if (state.recorder) {
            try {
                state.recorder->addFrame(static_cast<std::uint32_t>(step.index),
                                         step.encoded.events);
            } catch (const std::exception& e) {
                finishRecording(QString::fromStdString(e.what()));
            }
        }

        // Learning.
        const auto learnStart = Clock::now();
        int label = -1, predicted = -1;
        if (state.learner) {
            label = state.synthetic ? step.frame.label : m_teachLabel.load();
            predicted = state.learner->observe(step.index, step.encoded, step.frame.shape(), label)
                            .predicted;
            if (label >= 0) {
                std::vector<UnitSpike> spikes;
                state.learner->model().lastSpikes(1, spikes);
                state.hidden.push_back(std::move(spikes));
                if (state.hidden.size() > static_cast<std::size_t>(kRasterFrames))
                    state.hidden.pop_front();
            }
        }
        const double learnMs = msSince(learnStart);

        // Statistics over the last second of wall time.
        const auto now = Clock::now();
        state.lastSecond.emplace_back(now, step.encoded.eventsOn + step.encoded.eventsOff);
        while (state.lastSecond.size() > 1 &&
               now - state.lastSecond.front().first > std::chrono::seconds(1))
            state.lastSecond.pop_front();

        // The followed pixel.
        if (pixel != state.tracedPixel) {
            state.trace.clear();
            state.tracedPixel = pixel;
        }
        const int channels = step.frame.channels;
        if (pixel.x() >= 0 && pixel.x() < width && pixel.y() >= 0 && pixel.y() < height) {
            // A colour pixel shows its channels' mean signal and reconstruction and the
            // sum of its channels' events.
            const Eigen::Index first =
                (static_cast<Eigen::Index>(pixel.y()) * width + pixel.x()) * channels;
            const double n = channels;
            state.trace.push_back({static_cast<double>(step.index),
                                   step.frame.pixels.segment(first, channels).sum() / n,
                                   step.encoded.reconstruction.segment(first, channels).sum() / n,
                                   step.encoded.events.segment(first, channels).sum()});
            if (state.trace.size() > static_cast<std::size_t>(kTraceFrames))
                state.trace.pop_front();
        }

        // Fading event display, updated every frame so it does not depend on the GUI. A
        // colour pixel's ON (OFF) trace adds its channels' ON (OFF) events.
        if (state.onFade.size() != pixels) {
            state.onFade.setZero(pixels);
            state.offFade.setZero(pixels);
        }
        const auto fade = static_cast<float>(state.config.fade);
        state.scratch = step.encoded.events.max(0.0F);
        channelSum(state.scratch, channels, state.perPixel);
        state.onFade = (fade * state.onFade + state.perPixel).min(1.0F);
        state.scratch = (-step.encoded.events).max(0.0F);
        channelSum(state.scratch, channels, state.perPixel);
        state.offFade = (fade * state.offFade + state.perPixel).min(1.0F);

        if (!m_displayPending.load()) {
            const auto renderStart = Clock::now();
            auto packet = std::make_shared<VideoPacket>();
            packet->input = frameImage(step.frame.pixels, step.frame.shape());
            packet->events = eventImage(state.onFade, state.offFade, width, height);
            packet->reconstruction = frameImage(step.encoded.reconstruction, step.frame.shape());
            // The error per pixel: its channels' mean, so a colour error shows as one sign.
            state.scratch = step.encoded.reconstruction - step.frame.pixels;
            channelMean(state.scratch, channels, state.perPixelError);
            packet->error = errorImage(state.perPixelError, width, height);
            packet->source = QString::fromStdString(state.pipeline->source().description());
            packet->frame = step.index;
            packet->fps = state.pipeline->fps();
            const double span =
                std::chrono::duration<double>(now - state.lastSecond.front().first).count();
            long events = 0;
            for (const auto& [time, count] : state.lastSecond)
                events += count;
            const auto frames = static_cast<double>(state.lastSecond.size());
            packet->measuredFps = span > 0.0 ? (frames - 1.0) / span : 0.0;
            packet->eventsPerSecond = static_cast<double>(events) / frames * packet->fps;
            packet->eventsOn = step.encoded.eventsOn;
            packet->eventsOff = step.encoded.eventsOff;
            packet->readMs = step.readMs;
            packet->encodeMs = step.encodeMs;
            packet->learnMs = learnMs;
            packet->reconstructionMse = step.reconstructionMse;
            packet->pixel = state.tracedPixel;
            for (const auto& [frame, signal, reconstruction, eventCount] : state.trace) {
                packet->traceFrame.push_back(frame);
                packet->traceSignal.push_back(signal);
                packet->traceReconstruction.push_back(reconstruction);
                packet->traceEvents.push_back(eventCount);
            }
            packet->label = label;
            packet->predicted = predicted;
            packet->learning = state.learner != nullptr;
            packet->learnerGeneration = state.learnerGeneration;
            if (state.learner) {
                const auto& curve = state.learner->curve();
                packet->newRows.assign(curve.begin() + static_cast<std::ptrdiff_t>(state.rowsSent),
                                       curve.end());
                state.rowsSent = curve.size();
                packet->hiddenUnits = state.config.learning.hidden;
                packet->rasterFrames = kRasterFrames;
                int f = 1;
                for (const auto& frameSpikes : state.hidden) {
                    for (const UnitSpike& s : frameSpikes)
                        packet->hiddenSpikes.push_back({f, s.unit, static_cast<float>(s.value)});
                    ++f;
                }
            }
            packet->renderMs = msSince(renderStart);
            m_displayPending.store(true);
            Q_EMIT packetReady(std::move(packet));
        }

        // Pace to the frame rate; after a long stall, start afresh instead of racing.
        nextFrameAt += std::chrono::duration_cast<Clock::duration>(
            std::chrono::duration<double>(1.0 / state.pipeline->fps()));
        if (Clock::now() - nextFrameAt > std::chrono::milliseconds(500))
            nextFrameAt = Clock::now();
        std::unique_lock lock(m_mutex);
        m_wake.wait_until(lock, nextFrameAt, [&] { return m_stop.load() || m_config.has_value(); });
    }
    finishRecording({});
}

} // namespace sdlab::gui
