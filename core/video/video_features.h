#pragma once

#include "video/pixel_encoders.h"
#include "video/video_frame.h"

#include <Eigen/Core>
#include <optional>
#include <string>
#include <string_view>

namespace sdlab {

struct VideoBackend;

// What a network sees of each encoded frame, pooled to a small grid.
enum class VideoFeatures {
    Events,         // a decaying trace of |events| per pixel: where things change
    Reconstruction, // the receiver's decoded image
};

std::optional<VideoFeatures> parseVideoFeatures(std::string_view name);
const char* videoFeaturesName(VideoFeatures features);

struct VideoFeatureSettings {
    VideoFeatures features = VideoFeatures::Reconstruction;
    int gridWidth = 32;      // gridWidth × gridWidth·3/4 cells
    double eventDecay = 0.7; // Events: the trace keeps this fraction each frame
    // Look where things move: pool a window (half the frame's height, 4:3) centred on
    // the event trace's centre of mass instead of the whole frame, so a shape gives
    // the same input wherever it is (an event camera's tracking window).
    bool centred = true;

    bool operator==(const VideoFeatureSettings&) const = default;
    int gridHeight() const { return gridWidth * 3 / 4 > 1 ? gridWidth * 3 / 4 : 1; }
    int size() const { return gridWidth * gridHeight(); }
};

std::string validationError(const VideoFeatureSettings& settings);

// Turns encoded frames into a network's input: the frame or the tracking window,
// area-averaged onto the grid (any source size gives the same inputs), values clipped
// to [−1, 1]. The event trace is kept per pixel, so frames must come in stream order.
// A colour frame is seen per pixel: the trace sums |events| over the channels and the
// reconstruction is their mean, so a network's input size does not depend on colour.
class VideoFeatureExtractor {
  public:
    // InputError when the settings are invalid; `backend` pools the images and must
    // outlive the extractor.
    VideoFeatureExtractor(const VideoFeatureSettings& settings, const VideoBackend& backend);
    const Eigen::VectorXd& extract(const EncodedFrame& encoded, const FrameShape& shape);
    const Eigen::VectorXd& features() const { return m_input; }
    const VideoFeatureSettings& settings() const { return m_settings; }

    // The pooled window of the last frame, in frame pixels.
    struct Window {
        int x = 0, y = 0, width = 0, height = 0;
    };
    const Window& window() const { return m_window; }

  private:
    void placeWindow(int width, int height);

    VideoFeatureSettings m_settings;
    const VideoBackend* m_backend;
    Window m_window;
    Eigen::ArrayXf m_trace;
    Eigen::ArrayXf m_perPixel; // a colour frame's events or reconstruction, per pixel
    Eigen::ArrayXf m_grid;     // the pooled window, before the contrast and the clip
    Eigen::VectorXd m_input;
};

} // namespace sdlab
