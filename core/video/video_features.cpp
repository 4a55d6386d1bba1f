#include "video/video_features.h"

#include "io/input_error.h"
#include "util/name_table.h"
#include "video/channel_reduction.h"
#include "video/video_backend.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace sdlab {

namespace {

constexpr std::array<std::pair<const char*, VideoFeatures>, 2> kFeatureNames{{
    {"events", VideoFeatures::Events},
    {"reconstruction", VideoFeatures::Reconstruction},
}};

} // namespace

std::optional<VideoFeatures> parseVideoFeatures(std::string_view name) {
    return lookupName(kFeatureNames, name);
}

const char* videoFeaturesName(VideoFeatures features) {
    return nameIn(kFeatureNames, features);
}

std::string validationError(const VideoFeatureSettings& s) {
    if (s.gridWidth < 4 || s.gridWidth > 256)
        return "the input grid must be 4..256 cells wide";
    if (!(s.eventDecay >= 0.0) || s.eventDecay >= 1.0)
        return "the event trace decay must be in [0, 1)";
    return {};
}

VideoFeatureExtractor::VideoFeatureExtractor(const VideoFeatureSettings& settings,
                                             const VideoBackend& backend)
    : m_settings(settings), m_backend(&backend) {
    if (const std::string error = validationError(settings); !error.empty())
        throw InputError(error);
    m_input.setZero(settings.size());
    m_grid.setZero(settings.size());
}

const Eigen::VectorXd& VideoFeatureExtractor::extract(const EncodedFrame& encoded,
                                                      const FrameShape& shape) {
    const int width = shape.width, height = shape.height;
    const Eigen::Index pixels = shape.pixelCount();
    if (pixels <= 0 || shape.channels < 1 || encoded.events.size() != shape.valueCount() ||
        encoded.reconstruction.size() != shape.valueCount())
        throw InputError("video features: the encoded frame does not match its size");
    if (m_trace.size() != pixels)
        m_trace.setZero(pixels);
    if (shape.channels == 1) {
        m_trace =
            (static_cast<float>(m_settings.eventDecay) * m_trace + encoded.events.abs()).min(1.0F);
    } else {
        channelAbsSum(encoded.events, shape.channels, m_perPixel);
        m_trace = (static_cast<float>(m_settings.eventDecay) * m_trace + m_perPixel).min(1.0F);
    }
    placeWindow(width, height);
    if (m_settings.features == VideoFeatures::Reconstruction && shape.channels > 1)
        channelMean(encoded.reconstruction, shape.channels, m_perPixel);
    const Eigen::ArrayXf& map = m_settings.features == VideoFeatures::Events ? m_trace
                                : shape.channels == 1 ? encoded.reconstruction
                                                      : m_perPixel;
    m_backend->resizeArea(map.data(), width, m_window.x, m_window.y, m_window.width,
                          m_window.height, m_grid.data(), m_settings.gridWidth,
                          m_settings.gridHeight());
    m_input = m_grid.cast<double>().matrix();
    if (m_settings.features == VideoFeatures::Reconstruction)
        m_input.array() -= m_input.mean(); // contrast: the shape, not the lighting
    m_input = m_input.array().min(1.0).max(-1.0).matrix();
    return m_input;
}

void VideoFeatureExtractor::placeWindow(int width, int height) {
    if (!m_settings.centred) {
        m_window = {0, 0, width, height};
        return;
    }
    m_window.height = std::clamp(height / 2, 1, height);
    m_window.width = std::clamp(m_window.height * 4 / 3, 1, width);
    // Where the most is happening: PD coding with kp > 0 keeps every pixel sending a
    // few events, spread evenly, while a moving shape sends many in one place. So pool
    // the trace onto 8 × 6 blocks and take the busiest block, then the centre of mass
    // of the trace above its mean around it. The frame's centre while nothing moves.
    constexpr int kBlocksX = 8, kBlocksY = 6;
    std::array<float, std::size_t{kBlocksX} * kBlocksY> blocks{};
    m_backend->resizeArea(m_trace.data(), width, 0, 0, width, height, blocks.data(), kBlocksX,
                          kBlocksY);
    // The first largest block in row-major order, as cv::minMaxLoc finds it.
    const auto busiest = static_cast<int>(
        std::distance(blocks.begin(), std::max_element(blocks.begin(), blocks.end())));
    const double high = blocks[static_cast<std::size_t>(busiest)];
    double cx = width / 2.0, cy = height / 2.0;
    const double mean = m_backend->mean(m_trace.data(), width, height);
    if (high > mean + 1e-6) {
        const double blockWidth = width / double{kBlocksX}, blockHeight = height / double{kBlocksY};
        const int blockColumn = busiest % kBlocksX, blockRow = busiest / kBlocksX;
        const double bx = (blockColumn + 0.5) * blockWidth, by = (blockRow + 0.5) * blockHeight;
        const int x0 =
            std::clamp(static_cast<int>(bx - m_window.width / 2.0), 0, width - m_window.width);
        const int y0 =
            std::clamp(static_cast<int>(by - m_window.height / 2.0), 0, height - m_window.height);
        double mass = 0.0, sx = 0.0, sy = 0.0;
        for (int y = y0; y < y0 + m_window.height; ++y) {
            const float* row = m_trace.data() + static_cast<std::ptrdiff_t>(y) * width;
            for (int x = x0; x < x0 + m_window.width; ++x) {
                const double w = std::max(0.0, static_cast<double>(row[x]) - mean);
                mass += w;
                sx += w * (x + 0.5);
                sy += w * (y + 0.5);
            }
        }
        cx = mass > 0.0 ? sx / mass : bx;
        cy = mass > 0.0 ? sy / mass : by;
    }
    m_window.x = std::clamp(static_cast<int>(std::lround(cx - m_window.width / 2.0)), 0,
                            width - m_window.width);
    m_window.y = std::clamp(static_cast<int>(std::lround(cy - m_window.height / 2.0)), 0,
                            height - m_window.height);
}

} // namespace sdlab
