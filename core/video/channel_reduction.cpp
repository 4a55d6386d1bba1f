#include "video/channel_reduction.h"

#include <stdexcept>

namespace sdlab {

namespace {

// values viewed as a channels × pixels matrix: one column per pixel.
Eigen::Map<const Eigen::MatrixXf> perPixelColumns(const Eigen::ArrayXf& values, int channels) {
    if (channels < 1 || values.size() % channels != 0)
        throw std::invalid_argument("channel reduction: the values are not whole pixels");
    return {values.data(), channels, values.size() / channels};
}

} // namespace

void channelMean(const Eigen::ArrayXf& values, int channels, Eigen::ArrayXf& out) {
    const auto columns = perPixelColumns(values, channels);
    out = columns.colwise().mean().transpose().array();
}

void channelSum(const Eigen::ArrayXf& values, int channels, Eigen::ArrayXf& out) {
    const auto columns = perPixelColumns(values, channels);
    out = columns.colwise().sum().transpose().array();
}

void channelAbsSum(const Eigen::ArrayXf& values, int channels, Eigen::ArrayXf& out) {
    const auto columns = perPixelColumns(values, channels);
    out = columns.cwiseAbs().colwise().sum().transpose().array();
}

} // namespace sdlab
