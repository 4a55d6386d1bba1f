#pragma once

#include "video/pixel_encoders.h"
#include "video/video_encoding_run.h"
#include "video/video_source.h"

#include <memory>

namespace sdlab {

// One kept frame and what the encoder made of it.
struct VideoPipelineStep {
    VideoFrame frame;
    EncodedFrame encoded;
    long index = -1;       // among the kept frames
    double readMs = 0.0;   // source reads (decimated ones too) + grey conversion + resize
    double encodeMs = 0.0; // per-pixel encode + reconstruction
    double reconstructionMse = 0.0;
};

// Source → decimation → per-pixel encoder, one frame per next() (spec §9): what
// sdlab-cli video and the Video lab's worker share. The encoder and the frame rate can
// change between frames (live sliders); the source can be swapped (a file reopened at
// its end, a fallback to the synthetic scene) while the encoder keeps its state.
class VideoPipeline {
  public:
    // InputError when the settings are invalid or fps exceeds the source's own rate.
    VideoPipeline(std::unique_ptr<VideoSource> source, const VideoEncodingSettings& settings);

    // The next kept frame; false when the source has no more (end of file, lost camera).
    bool next(VideoPipelineStep& step);

    // Retunes the encoder in place when only its parameters changed (no restart
    // transient), else builds a new one. InputError when the settings are invalid.
    void setEncoding(const VideoEncodingSettings& settings);
    // 0 = the source's own rate; InputError above it.
    void setFps(double fps);
    void setSource(std::unique_ptr<VideoSource> source);

    const VideoSource& source() const { return *m_source; }
    double fps() const { return m_fps; }
    long keptFrames() const { return m_kept; }

  private:
    std::unique_ptr<VideoSource> m_source;
    std::unique_ptr<PixelEncoder> m_encoder;
    VideoEncodingSettings m_settings;
    double m_fps = 0.0;
    double m_keepEvery = 1.0; // source frames per kept frame
    double m_nextKept = 0.0;  // source index of the next frame to keep
    long m_sourceIndex = 0;
    long m_kept = 0;
};

} // namespace sdlab
