#pragma once

#include "io/event_stream.h"
#include "video/video_source.h"

#include <string>

namespace sdlab {

// A recorded event stream (the Video lab's Record Events, .sdev or CSV) played back as
// video. Frame t is frame t − 1 plus `step` × its events, from mid-grey 0.5, clamped
// to [0, 1]: x̂_t = x̂_{t−1} + θ·s_t, an event camera's reading of ON/OFF events (each
// one a step of the threshold, spec §8's delta modulation). Our delta encoder's
// reference jumps to the pixel at an event instead, so a replay of its recording
// follows the scene where a frame's change stays near θ, and lags larger jumps; a
// recording of per-count events (PD + Σ-Δ) replays their sums. Frames are resized to `width`
// (nearest pixel, aspect kept) and given as grey (a recorded RGB stream's mean of R, G
// and B weighted as OpenCV's BT.601 grey) or RGB (a grey stream's value in all three);
// no class label. A CSV recording names no frame size: its frame reaches its largest
// x and y. Every frame index from the first recorded to the last is played, those
// without events (a CSV lists none of them) unchanged. At the recorded frame rate (30
// when a CSV names none).
class EventReplaySource : public VideoSource {
  public:
    EventReplaySource(EventStream stream, double step, int width, bool colour,
                      const std::string& name);
    bool read(VideoFrame& frame) override;
    double nativeFps() const override { return m_stream.fps > 0.0 ? m_stream.fps : 30.0; }

  private:
    EventStream m_stream;
    double m_step;
    int m_width, m_height;
    bool m_colour;
    std::size_t m_next = 0;    // the next recorded frame
    std::uint32_t m_index = 0; // the frame index to play next
    Eigen::ArrayXf m_state;    // the recorded values' reconstruction, width × height × channels
};

// A file the replay reads: a .sdev file, or a CSV whose header is an event stream's.
bool isEventStreamFile(const std::string& path);

} // namespace sdlab
