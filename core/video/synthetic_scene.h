#pragma once

#include "video/video_frame.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sdlab {

struct SyntheticSceneSettings {
    int width = 160;
    int height = 120;
    std::uint64_t seed = 1;
    double speed = 1.0;      // pixels per frame at width 160 (scaled with the width); 0 = still
    int framesPerShape = 60; // a new shape (class, place, direction) this often
    bool colour = false;     // RGB frames: a tinted texture, shapes in a seeded colour
};

// The built-in scene the Video lab opens on, needing no camera or file: one moving
// labelled shape (circle, square, triangle or cross) at a time, drifting and bouncing
// over a static, seeded texture. In colour the shape's colour is drawn independently
// of its class, so the class stays a matter of shape. A static background gives the encoders
// nothing to send after the first frames; the shape's edges do. Frame k is a pure function of
// (settings, k), so a scene can be replayed from any frame.
class SyntheticScene {
  public:
    explicit SyntheticScene(const SyntheticSceneSettings& settings);

    void render(long frameIndex, VideoFrame& out) const;
    static const std::vector<std::string>& classNames(); // circle, square, triangle, cross
    const SyntheticSceneSettings& settings() const { return m_settings; }

  private:
    SyntheticSceneSettings m_settings;
    Eigen::ArrayXf m_background;
};

} // namespace sdlab
