#pragma once

#include <Eigen/Core>

namespace sdlab {

// Reductions of interleaved per-channel values (pixel-major: the `channels` values of
// pixel 0, then pixel 1, ...) to one value per pixel, for what looks at a pixel rather
// than a channel: the event trace a network sees, the lab's event pane, a followed
// pixel. With one channel they copy. `out` is resized only when its size differs.
void channelMean(const Eigen::ArrayXf& values, int channels, Eigen::ArrayXf& out);
void channelSum(const Eigen::ArrayXf& values, int channels, Eigen::ArrayXf& out);
void channelAbsSum(const Eigen::ArrayXf& values, int channels, Eigen::ArrayXf& out);

} // namespace sdlab
