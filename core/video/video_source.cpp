#include "video/video_source.h"

#include "io/input_error.h"
#include "video/event_replay_source.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <opencv2/core.hpp>
#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>
#include <vector>

namespace sdlab {

namespace {

constexpr int kStreamTimeoutMs = 5000;

// Grey or RGB (interleaved), `width` wide (aspect kept, at least 1×1), float in [0, 1].
void convertFrame(const cv::Mat& input, int width, bool colour, VideoFrame& out, cv::Mat& converted,
                  cv::Mat& small) {
    const int channels = input.channels();
    if (colour)
        cv::cvtColor(input, converted,
                     channels == 1   ? cv::COLOR_GRAY2RGB
                     : channels == 4 ? cv::COLOR_BGRA2RGB
                                     : cv::COLOR_BGR2RGB);
    else if (channels == 3)
        cv::cvtColor(input, converted, cv::COLOR_BGR2GRAY);
    else if (channels == 4)
        cv::cvtColor(input, converted, cv::COLOR_BGRA2GRAY);
    else
        converted = input;
    const int height = std::max(1, static_cast<int>(std::lround(static_cast<double>(width) *
                                                                converted.rows / converted.cols)));
    cv::resize(converted, small, cv::Size(width, height), 0, 0, cv::INTER_AREA);
    out.width = width;
    out.height = height;
    out.channels = colour ? 3 : 1;
    out.label = -1;
    out.pixels.resize(out.valueCount());
    cv::Mat target(height, width, CV_32FC(out.channels), out.pixels.data());
    small.convertTo(target, CV_32F, small.depth() == CV_16U ? 1.0 / 65535.0 : 1.0 / 255.0);
}

class CaptureSource : public VideoSource {
  public:
    // cv::VideoCapture shares its backend on copy and has no move, so the source opens
    // its own capture rather than taking one.
    CaptureSource(int width, bool colour, std::string description)
        : m_width(width), m_colour(colour) {
        m_description = std::move(description);
    }
    cv::VideoCapture& capture() { return m_capture; }
    bool read(VideoFrame& frame) override {
        try { // a corrupt stream may throw instead of returning false
            if (m_pending.empty() && !m_capture.read(m_pending))
                return false;
        } catch (const cv::Exception&) {
            return false;
        }
        if (m_pending.empty() || m_pending.cols <= 0 || m_pending.rows <= 0)
            return false;
        convertFrame(m_pending, m_width, m_colour, frame, m_converted, m_small);
        m_pending.release();
        return true;
    }
    double nativeFps() const override { return m_fps; }
    // The first frame, read at open time to prove the source works; the frame rate.
    bool prime() {
        const double fps = m_capture.get(cv::CAP_PROP_FPS);
        m_fps = fps > 0.0 && fps < 1000.0 ? fps : 30.0;
        try {
            return m_capture.read(m_pending) && !m_pending.empty();
        } catch (const cv::Exception&) {
            return false;
        }
    }

  private:
    cv::VideoCapture m_capture;
    int m_width;
    bool m_colour;
    double m_fps = 30.0;
    cv::Mat m_pending, m_converted, m_small;
};

// OpenCV's logger, and FFmpeg's own (a damaged file prints "error while decoding
// block" per frame otherwise): OpenCV sets FFmpeg's level from OPENCV_FFMPEG_LOGLEVEL
// when its FFmpeg backend first starts; -8 is AV_LOG_QUIET. A level the user set wins.
// Both are process-wide by nature; the sources report every problem themselves.
void silenceOpenCv() {
    cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT);
    ::setenv("OPENCV_FFMPEG_LOGLEVEL", "-8", 0);
}

// The URL as messages and the status bar show it: without a user name or password.
std::string withoutCredentials(const std::string& url) {
    const std::size_t scheme = url.find("://");
    const std::size_t at = url.find('@', scheme + 3);
    const std::size_t slash = url.find('/', scheme + 3);
    if (scheme == std::string::npos || at == std::string::npos ||
        (slash != std::string::npos && at > slash))
        return url;
    return url.substr(0, scheme + 3) + url.substr(at + 1);
}

// A phone's MJPEG over HTTP or a network camera's RTSP, through FFmpeg, with timeouts so
// a silent address or a stalled stream ends in a message instead of a hang.
std::unique_ptr<VideoSource> openStream(const VideoSourceSettings& settings) {
    const std::string shown = withoutCredentials(settings.source);
    auto stream = std::make_unique<CaptureSource>(settings.width, settings.colour, shown);
    const std::vector<int> timeouts{cv::CAP_PROP_OPEN_TIMEOUT_MSEC, kStreamTimeoutMs,
                                    cv::CAP_PROP_READ_TIMEOUT_MSEC, kStreamTimeoutMs};
    try {
        stream->capture().open(settings.source, cv::CAP_FFMPEG, timeouts);
    } catch (const cv::Exception&) {
        // reported below
    }
    const std::string seconds = std::to_string(kStreamTimeoutMs / 1000);
    if (!stream->capture().isOpened())
        throw InputError("video stream " + quoted(shown) + " could not be opened within " +
                         seconds + " s (no server there, or not a video stream)");
    if (!stream->prime())
        throw InputError("video stream " + quoted(shown) + " sent no frame within " + seconds +
                         " s");
    return stream;
}

} // namespace

SyntheticSource::SyntheticSource(const SyntheticSceneSettings& settings) : m_scene(settings) {
    m_description = "synthetic scene (seed " + std::to_string(settings.seed) + ")";
}

bool SyntheticSource::read(VideoFrame& frame) {
    m_scene.render(m_next++, frame);
    return true;
}

std::unique_ptr<VideoSource> openVideoSource(const VideoSourceSettings& settings) {
    if (settings.width < 8 || settings.width > 4096)
        throw InputError("video width " + std::to_string(settings.width) + " is outside 8..4096");
    const std::string& source = settings.source;
    if (source == "synthetic" || source.empty()) {
        SyntheticSceneSettings scene;
        scene.width = settings.width;
        scene.height = std::max(1, settings.width * 3 / 4);
        scene.seed = settings.seed;
        scene.colour = settings.colour;
        return std::make_unique<SyntheticSource>(scene);
    }
    silenceOpenCv();
    if (source.starts_with("camera:")) {
        const std::string number = source.substr(7);
        int index = -1;
        const auto [end, error] =
            std::from_chars(number.data(), number.data() + number.size(), index);
        if (error != std::errc() || end != number.data() + number.size() || index < 0 || index > 99)
            throw InputError("video source " + quoted(source) +
                             ": the camera number must be 0..99");
        auto camera =
            std::make_unique<CaptureSource>(settings.width, settings.colour, "camera " + number);
        try {
            camera->capture().open(index, cv::CAP_V4L2);
        } catch (const cv::Exception&) {
            // reported below as absent
        }
        if (!camera->capture().isOpened() || !camera->prime())
            throw InputError("video source " + quoted(source) + ": no camera " + number +
                             " is available (none connected, or it is in use)");
        return camera;
    }
    if (isStreamUrl(source))
        return openStream(settings);
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::exists(source, ec))
        throw InputError("video file " + quoted(source) + " does not exist");
    if (!fs::is_regular_file(source, ec))
        throw InputError("video file " + quoted(source) + " is not a regular file");
    if (isEventStreamFile(source)) // a recording replayed: no OpenCV needed
        return std::make_unique<EventReplaySource>(readEventStream(source), settings.replayStep,
                                                   settings.width, settings.colour, quoted(source));
    auto file = std::make_unique<CaptureSource>(settings.width, settings.colour,
                                                fs::path(source).filename().string());
    try {
        file->capture().open(source, cv::CAP_FFMPEG);
    } catch (const cv::Exception&) {
        // reported below as not readable
    }
    if (!file->capture().isOpened())
        throw InputError("video file " + quoted(source) +
                         " could not be opened as a video (unsupported or corrupt)");
    if (!file->prime())
        throw InputError("video file " + quoted(source) + " has no readable frame (corrupt?)");
    return file;
}

} // namespace sdlab
