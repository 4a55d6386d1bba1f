#pragma once

#include <Eigen/Core>

namespace sdlab {

// One grey video frame: intensities in [0, 1], row-major, width × height values.
// Float, not double: a 640×480 frame and the encoders' per-pixel state stay small
// enough to stream through the cache at video rates.
struct VideoFrame {
    int width = 0;
    int height = 0;
    Eigen::ArrayXf pixels;
    int label = -1; // the class shown (synthetic scene), else −1

    Eigen::Index pixelCount() const { return static_cast<Eigen::Index>(width) * height; }
};

} // namespace sdlab
