#pragma once

#include <Eigen/Core>

namespace sdlab {

// The size of a frame: what code that is handed only its values needs to read them.
struct FrameShape {
    int width = 0;
    int height = 0;
    int channels = 1;

    Eigen::Index pixelCount() const { return static_cast<Eigen::Index>(width) * height; }
    Eigen::Index valueCount() const { return pixelCount() * channels; }
};

// One video frame: intensities in [0, 1], row-major, width × height pixels of
// `channels` values each (1 = grey, 3 = R, G, B interleaved). Every value is one
// channel of a per-pixel encoder, so colour is encoded per channel (spec §9).
// Float, not double: a 640×480 frame and the encoders' per-value state stay small
// enough to stream through the cache at video rates.
struct VideoFrame {
    int width = 0;
    int height = 0;
    int channels = 1;
    Eigen::ArrayXf pixels; // pixelCount() × channels values
    int label = -1;        // the class shown (synthetic scene), else −1

    Eigen::Index pixelCount() const { return static_cast<Eigen::Index>(width) * height; }
    Eigen::Index valueCount() const { return pixelCount() * channels; }
    FrameShape shape() const { return {width, height, channels}; }
};

} // namespace sdlab
