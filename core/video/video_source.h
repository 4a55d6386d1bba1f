#pragma once

#include "video/synthetic_scene.h"
#include "video/video_frame.h"

#include <cstdint>
#include <memory>
#include <string>

namespace sdlab {

struct VideoSourceSettings {
    std::string source = "synthetic"; // "synthetic", "camera:N", a video file path or a URL
    int width = 160;                  // frames are resized to this width, aspect kept
    bool colour = false;              // R, G, B per pixel (VideoFrame::channels 3), else grey
    std::uint64_t seed = 1;           // synthetic scene
    double replayStep = 0.1;          // a recorded event stream: what one event adds (θ)
};

// A network stream: http://, https:// (a phone's MJPEG), rtsp:// or rtsps://.
inline bool isStreamUrl(const std::string& source) {
    return source.starts_with("http://") || source.starts_with("https://") ||
           source.starts_with("rtsp://") || source.starts_with("rtsps://");
}
// A source that plays only forward, once: a camera or a stream (no replay at other
// rates, and the live view holds it open).
inline bool isLiveSource(const std::string& source) {
    return source.starts_with("camera:") || isStreamUrl(source);
}

// Where frames come from. read() converts to grey or RGB, resizes and scales to [0, 1] on
// the calling thread (a worker, never the GUI thread); it returns false at the end of
// a file or when a camera stops delivering.
class VideoSource {
  public:
    virtual ~VideoSource() = default;
    virtual bool read(VideoFrame& frame) = 0;
    virtual double nativeFps() const = 0;
    const std::string& description() const { return m_description; }

  protected:
    std::string m_description;
};

// Opens the source the settings name; a .sdev file or an event CSV is replayed
// (event_replay_source.h). InputError with one sentence naming the source
// and the problem when a file is missing, unreadable, not a video or yields no frame,
// or when the camera is absent; an http(s):// or rtsp(s):// URL is a network stream,
// opened through FFmpeg with 5 s to connect and 5 s per frame (a read that times out
// ends the stream). OpenCV's own console messages are silenced. Defined in
// sdlab_video_opencv: OpenCV-free code reaches it as VideoBackend::openSource.
std::unique_ptr<VideoSource> openVideoSource(const VideoSourceSettings& settings);

// The synthetic scene as a source at 30 fps.
class SyntheticSource : public VideoSource {
  public:
    explicit SyntheticSource(const SyntheticSceneSettings& settings);
    bool read(VideoFrame& frame) override;
    double nativeFps() const override { return 30.0; }

  private:
    SyntheticScene m_scene;
    long m_next = 0;
};

} // namespace sdlab
