#include "video/synthetic_scene.h"

#include <array>
#include <cmath>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <random>

namespace sdlab {

namespace {

struct ShapePlan {
    int label;
    double x0, y0, vx, vy, size;
    cv::Scalar colour; // R, G, B
};

// Bright enough to stand out from the texture in every channel's mean.
constexpr std::array<std::array<double, 3>, 6> kShapeColours{{{0.95, 0.95, 0.95},
                                                              {0.95, 0.55, 0.20},
                                                              {0.30, 0.80, 0.95},
                                                              {0.95, 0.85, 0.25},
                                                              {0.50, 0.95, 0.45},
                                                              {0.95, 0.45, 0.70}}};
// The texture's tint per channel (R, G, B): a cool grey-blue ground.
constexpr std::array<float, 3> kTint{0.85F, 1.0F, 1.3F};

// The shape shown in segment `segment` of the scene: drawn from a generator seeded by
// (seed, segment), so any frame can be rendered without the ones before it.
ShapePlan planFor(const SyntheticSceneSettings& s, long segment) {
    std::mt19937_64 engine(s.seed * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(segment));
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    ShapePlan p{};
    p.label = static_cast<int>(engine() % 4);
    p.size = (0.12 + 0.08 * unit(engine)) * std::min(s.width, s.height);
    p.x0 = p.size + unit(engine) * (s.width - 2 * p.size);
    p.y0 = p.size + unit(engine) * (s.height - 2 * p.size);
    const double angle = 2.0 * 3.141592653589793 * unit(engine);
    const double speed = s.speed * s.width / 160.0;
    p.vx = speed * std::cos(angle);
    p.vy = speed * std::sin(angle);
    if (s.colour) { // drawn last, so grey and colour scenes share shapes and paths
        const auto& c = kShapeColours[engine() % kShapeColours.size()];
        p.colour = cv::Scalar(c[0], c[1], c[2]);
    } else {
        p.colour = cv::Scalar(0.95);
    }
    return p;
}

// Position after t frames, reflected at the walls.
double bounce(double start, double velocity, double t, double low, double high) {
    const double span = high - low;
    if (span <= 0.0)
        return low;
    double p = std::fmod(start - low + velocity * t, 2.0 * span);
    if (p < 0.0)
        p += 2.0 * span;
    return low + (p <= span ? p : 2.0 * span - p);
}

} // namespace

SyntheticScene::SyntheticScene(const SyntheticSceneSettings& settings) : m_settings(settings) {
    // Texture: seeded noise, blurred into soft blobs, kept in [0.15, 0.45] so the
    // bright shapes stand out.
    cv::Mat noise(settings.height, settings.width, CV_32F);
    cv::RNG rng(settings.seed);
    rng.fill(noise, cv::RNG::UNIFORM, 0.0, 1.0);
    const double sigma = std::max(1.0, settings.width / 40.0);
    cv::GaussianBlur(noise, noise, cv::Size(0, 0), sigma);
    cv::normalize(noise, noise, 0.15, 0.45, cv::NORM_MINMAX);
    if (!settings.colour) {
        m_background = Eigen::Map<const Eigen::ArrayXf>(noise.ptr<float>(), noise.total());
        return;
    }
    // The same texture, tinted: R, G, B interleaved.
    const Eigen::Map<const Eigen::ArrayXf> grey(noise.ptr<float>(), noise.total());
    m_background.resize(3 * grey.size());
    for (Eigen::Index i = 0; i < grey.size(); ++i)
        for (int c = 0; c < 3; ++c)
            m_background(3 * i + c) = grey(i) * kTint[static_cast<std::size_t>(c)];
}

void SyntheticScene::render(long frameIndex, VideoFrame& out) const {
    const SyntheticSceneSettings& s = m_settings;
    const long perShape = std::max(1, s.framesPerShape);
    const long segment = frameIndex / perShape;
    const ShapePlan p = planFor(s, segment);
    const double t = static_cast<double>(frameIndex % perShape);
    const double cx = bounce(p.x0, p.vx, t, p.size, s.width - p.size);
    const double cy = bounce(p.y0, p.vy, t, p.size, s.height - p.size);

    out.width = s.width;
    out.height = s.height;
    out.channels = s.colour ? 3 : 1;
    out.label = p.label;
    out.pixels = m_background;
    cv::Mat image(s.height, s.width, CV_32FC(out.channels),
                  out.pixels.data()); // draws into out.pixels
    const cv::Scalar& bright = p.colour;
    const auto r = static_cast<int>(p.size);
    const cv::Point c(static_cast<int>(std::lround(cx)), static_cast<int>(std::lround(cy)));
    switch (p.label) {
    case 0:
        cv::circle(image, c, r, bright, cv::FILLED, cv::LINE_AA);
        break;
    case 1:
        cv::rectangle(image, c - cv::Point(r, r), c + cv::Point(r, r), bright, cv::FILLED);
        break;
    case 2: {
        const std::vector<cv::Point> corners{c + cv::Point(0, -r), c + cv::Point(r, r),
                                             c + cv::Point(-r, r)};
        cv::fillConvexPoly(image, corners, bright, cv::LINE_AA);
        break;
    }
    default: {
        const int w = std::max(1, r / 3);
        cv::rectangle(image, c - cv::Point(r, w), c + cv::Point(r, w), bright, cv::FILLED);
        cv::rectangle(image, c - cv::Point(w, r), c + cv::Point(w, r), bright, cv::FILLED);
    }
    }
}

} // namespace sdlab
