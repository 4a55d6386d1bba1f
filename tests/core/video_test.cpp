// Video sources and per-pixel encoders (spec §9, issue 7): event counts follow the
// encoders' definitions on hand-made frames; a static scene sends nothing after the
// transient; reconstruction error falls as kd grows; bad sources give one message.
#include "coding/pd_decoder.h"
#include "coding/pd_encoder.h"
#include "coding/sigma_delta_quantizer.h"
#include "io/event_stream.h"
#include "io/input_error.h"
#include "video/channel_reduction.h"
#include "video/pd_pixel_kernel.h"
#include "video/pixel_encoders.h"
#include "video/synthetic_scene.h"
#include "video/video_source.h"

#include <array>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>
#include <random>

namespace sdlab {
namespace {

Eigen::ArrayXf frameOf(std::initializer_list<float> values) {
    Eigen::ArrayXf f(static_cast<Eigen::Index>(values.size()));
    Eigen::Index i = 0;
    for (float v : values)
        f(i++) = v;
    return f;
}

// The AVX2 kernel is the SSE2 one bit for bit (the encoder picks by processor), on 50
// frames of random pixels with large, negative, half-way and tiny values mixed in.
TEST(PdPixelKernel, Avx2AndSse2GiveTheSameBits) {
    if (!cpuHasAvx2())
        GTEST_SKIP() << "this processor has no AVX2";
    constexpr int n = 1000;
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> pixel(-2.0F, 3.0F);
    const float special[] = {0.5F, -0.5F, 1e9F, -1e9F, 0.0F, -0.0F, 1e-30F, 8388608.5F};
    std::array<std::vector<float>, 5> a, b; // last, phi, y, events, reconstruction
    for (auto* side : {&a, &b})
        for (auto& v : *side)
            v.assign(n, 0.0F);
    const PdPixelGains gains{0.3F, 1.7F, 0.85F, 0.6F};
    std::vector<float> x(n);
    long events = 0;
    for (int frame = 0; frame < 50; ++frame) {
        for (int i = 0; i < n; ++i)
            x[i] = i % 37 == 0 ? special[(i / 37 + frame) % 8] : pixel(rng);
        const PdPixelCounts sse2 = pdPixelBlockSse2(gains, x.data(), a[0].data(), a[1].data(),
                                                    a[2].data(), a[3].data(), a[4].data(), n);
        const PdPixelCounts avx2 = pdPixelBlockAvx2(gains, x.data(), b[0].data(), b[1].data(),
                                                    b[2].data(), b[3].data(), b[4].data(), n);
        ASSERT_EQ(sse2.on, avx2.on) << "frame " << frame;
        ASSERT_EQ(sse2.off, avx2.off) << "frame " << frame;
        events += sse2.on + sse2.off;
        for (std::size_t k = 0; k < a.size(); ++k)
            ASSERT_EQ(std::memcmp(a[k].data(), b[k].data(), n * sizeof(float)), 0)
                << "array " << k << ", frame " << frame;
    }
    EXPECT_GT(events, 50L * n / 2); // the kernels had work to do
}

TEST(PdPixelEncoder, HandWorkedPixelAndTheCoreChainAgree) {
    // kp = 0.5, kd = 1 on x = 1, 1, 1, 0: a = 1.5, 0.5, 0.5, −1; φ + a rounds to
    // s = 2, 0, 1, −2 (half away from zero), so 3 ON and 2 OFF events.
    PdPixelEncoder encoder({0.5, 1.0});
    EncodedFrame out;
    const float expected[] = {2, 0, 1, -2};
    long on = 0, off = 0;
    // The same pixel through core's scalar PD encoder, Q and decoder, in double.
    PdEncoder enc({0.5, 1.0});
    SigmaDeltaQuantizer q;
    PdDecoder dec({0.5, 1.0});
    int k = 0;
    for (float x : {1.0F, 1.0F, 1.0F, 0.0F}) {
        encoder.encode(frameOf({x, 0.25F}), out);
        EXPECT_EQ(out.events(0), expected[k]) << "frame " << k;
        const double s = q.step(enc.step(x));
        EXPECT_EQ(out.events(0), static_cast<float>(s));
        EXPECT_NEAR(out.reconstruction(0), dec.step(s), 1e-6);
        on += out.eventsOn;
        off += out.eventsOff;
        ++k;
    }
    // Pixel 1 (x = 0.25 constant): a = 0.375, 0.125, 0.125, 0.125 → φ = .375, .5 → 1 spike.
    EXPECT_EQ(on, 3 + 1);
    EXPECT_EQ(off, 2);
}

TEST(DeltaPixelEncoder, OnOffThresholdsAndRefractoryPeriod) {
    DeltaPixelEncoder plain(0.1F, 0.1F, 0);
    DeltaPixelEncoder refractory(0.1F, 0.1F, 2);
    EncodedFrame a, b;
    const float frames[] = {0.5F, 0.7F, 0.7F, 0.55F, 0.55F};
    const float plainEvents[] = {0, 1, 0, -1, 0};
    const float quietEvents[] = {0, 1, 0, 0, -1}; // frames 3 and 4 are quiet after the ON
    for (int k = 0; k < 5; ++k) {
        plain.encode(frameOf({frames[k]}), a);
        refractory.encode(frameOf({frames[k]}), b);
        EXPECT_EQ(a.events(0), plainEvents[k]) << k;
        EXPECT_EQ(b.events(0), quietEvents[k]) << k;
    }
    EXPECT_FLOAT_EQ(a.reconstruction(0), 0.55F); // the reference follows the events
    // Asymmetric thresholds: a fall of 0.15 passes θ_off = 0.1 but a rise of 0.15 not θ_on = 0.2.
    DeltaPixelEncoder asymmetric(0.2F, 0.1F, 0);
    asymmetric.encode(frameOf({0.5F, 0.5F}), a);
    asymmetric.encode(frameOf({0.65F, 0.35F}), a);
    EXPECT_EQ(a.events(0), 0.0F);
    EXPECT_EQ(a.events(1), -1.0F);
    EXPECT_EQ(a.eventsOn, 0);
    EXPECT_EQ(a.eventsOff, 1);
}

TEST(RatePixelEncoder, FiresWithProbabilityXAndIsSeeded) {
    RatePixelEncoder encoder(10.0, 5), again(10.0, 5);
    Eigen::ArrayXf frame = Eigen::ArrayXf::LinSpaced(1000, 0.0F, 1.0F);
    EncodedFrame out, other;
    long total = 0;
    for (int k = 0; k < 200; ++k) {
        encoder.encode(frame, out);
        again.encode(frame, other);
        ASSERT_TRUE((out.events == other.events).all());
        total += out.eventsOn;
        EXPECT_EQ(out.eventsOff, 0);
    }
    // Expected 200 · Σx = 200 · 500 = 100 000; the standard deviation is under 300.
    EXPECT_NEAR(static_cast<double>(total), 100000.0, 1500.0);
    EXPECT_NEAR(out.reconstruction.mean(), 0.5, 0.05);
}

SyntheticSceneSettings stillScene() {
    SyntheticSceneSettings s;
    s.width = 64;
    s.height = 48;
    s.speed = 0.0;
    s.framesPerShape = 1000;
    return s;
}

TEST(VideoEncoders, AStaticSceneSendsNothingAfterTheTransient) {
    const SyntheticScene scene(stillScene());
    VideoFrame frame;
    DeltaPixelEncoder delta(0.05F, 0.05F, 0);
    PdPixelEncoder pureDerivative({0.0, 2.0}); // kp = 0: only changes are sent
    PdPixelEncoder pd({0.2, 2.0});
    EncodedFrame out;
    long deltaLate = 0, derivativeLate = 0, pdTotal = 0;
    const int frames = 50;
    for (int k = 0; k < frames; ++k) {
        scene.render(k, frame);
        delta.encode(frame.pixels, out);
        deltaLate += k > 0 ? out.eventsOn + out.eventsOff : 0;
        pureDerivative.encode(frame.pixels, out);
        derivativeLate += k > 0 ? out.eventsOn + out.eventsOff : 0;
        pd.encode(frame.pixels, out);
        pdTotal += out.eventsOn - out.eventsOff;
    }
    EXPECT_EQ(deltaLate, 0);
    EXPECT_EQ(derivativeLate, 0);
    // With kp > 0 the proportional term keeps sending kp·x per frame on average:
    // Σ s = Σ a − φ_T = (kp·frames + kd)·Σx − φ_T, with |φ_T| ≤ ½ per pixel.
    const double sumX = frame.pixels.cast<double>().sum();
    EXPECT_NEAR(static_cast<double>(pdTotal), (0.2 * frames + 2.0) * sumX,
                0.5 * static_cast<double>(frame.pixelCount()));
}

TEST(VideoEncoders, ReconstructionErrorFallsAsKdGrows) {
    SyntheticSceneSettings s = stillScene();
    s.speed = 1.0;
    const SyntheticScene scene(s);
    VideoFrame frame;
    double previous = 1e9;
    for (double kd : {1.0, 4.0, 16.0}) {
        PdPixelEncoder encoder({0.5, kd});
        EncodedFrame out;
        double squared = 0.0;
        long count = 0;
        for (int k = 0; k < 60; ++k) {
            scene.render(k, frame);
            encoder.encode(frame.pixels, out);
            if (k >= 10) {
                squared += (out.reconstruction - frame.pixels).square().cast<double>().sum();
                count += frame.pixelCount();
            }
        }
        const double mse = squared / static_cast<double>(count);
        EXPECT_LT(mse, previous) << "kd = " << kd;
        previous = mse;
    }
}

TEST(SyntheticScene, FramesAreReproducibleLabelledAndInRange) {
    SyntheticSceneSettings s;
    s.framesPerShape = 10;
    const SyntheticScene scene(s);
    VideoFrame a, b;
    std::vector<int> labels;
    for (long k = 0; k < 200; k += 10) {
        scene.render(k, a);
        labels.push_back(a.label);
        EXPECT_GE(a.pixels.minCoeff(), 0.0F);
        EXPECT_LE(a.pixels.maxCoeff(), 1.0F);
    }
    scene.render(57, a);
    scene.render(57, b);
    EXPECT_TRUE((a.pixels == b.pixels).all());
    EXPECT_EQ(a.width * a.height, a.pixelCount());
    std::sort(labels.begin(), labels.end());
    EXPECT_EQ(std::unique(labels.begin(), labels.end()) - labels.begin(), 4); // all four shapes
}

TEST(ChannelReduction, MeanSumAndAbsoluteSumPerPixel) {
    // Two RGB pixels, interleaved: (0.1, 0.2, 0.6) and (−1, 2, −4).
    const Eigen::ArrayXf values = frameOf({0.1F, 0.2F, 0.6F, -1.0F, 2.0F, -4.0F});
    Eigen::ArrayXf out;
    channelMean(values, 3, out);
    ASSERT_EQ(out.size(), 2);
    EXPECT_FLOAT_EQ(out(0), 0.3F);
    EXPECT_FLOAT_EQ(out(1), -1.0F);
    channelSum(values, 3, out);
    EXPECT_FLOAT_EQ(out(0), 0.9F);
    EXPECT_FLOAT_EQ(out(1), -3.0F);
    channelAbsSum(values, 3, out);
    EXPECT_FLOAT_EQ(out(1), 7.0F);
    channelSum(values, 1, out); // one channel: a copy
    EXPECT_TRUE((out == values).all());
    EXPECT_THROW(channelMean(values, 4, out), std::invalid_argument);
}

// In colour the scene is the grey scene's shapes, paths and labels, drawn in a colour;
// every value stays in [0, 1] and the texture is the grey one tinted.
TEST(SyntheticScene, ColourFramesShareTheGreySceneAndInterleaveRgb) {
    SyntheticSceneSettings s;
    s.framesPerShape = 10;
    const SyntheticScene grey(s);
    s.colour = true;
    const SyntheticScene colour(s);
    VideoFrame g, c;
    for (long k = 0; k < 120; k += 7) {
        grey.render(k, g);
        colour.render(k, c);
        ASSERT_EQ(c.channels, 3);
        ASSERT_EQ(c.pixels.size(), 3 * g.pixels.size());
        EXPECT_EQ(c.label, g.label);
        EXPECT_GE(c.pixels.minCoeff(), 0.0F);
        EXPECT_LE(c.pixels.maxCoeff(), 1.0F);
        // Where the grey frame shows the texture untouched (no shape, no antialiasing),
        // the colour frame is that texture times the tint (0.85, 1, 1.3).
        int checked = 0;
        for (Eigen::Index i = 0; i < g.pixels.size(); ++i) {
            if (g.pixels(i) > 0.46F)
                continue; // the shape (0.95) or its antialiased edge
            EXPECT_NEAR(c.pixels(3 * i), 0.85F * g.pixels(i), 1e-6F);
            EXPECT_NEAR(c.pixels(3 * i + 1), g.pixels(i), 1e-6F);
            EXPECT_NEAR(c.pixels(3 * i + 2), 1.3F * g.pixels(i), 1e-6F);
            ++checked;
        }
        EXPECT_GT(checked, g.pixels.size() / 2);
    }
}

// Each value is one channel of the per-pixel encoder: encoding an RGB stream equals
// encoding its R, G and B planes as three separate grey streams, event for event.
TEST(VideoEncoders, ColourIsEncodedPerChannel) {
    SyntheticSceneSettings s;
    s.colour = true;
    const SyntheticScene scene(s);
    PdPixelEncoder rgb(PdParams{0.1, 2.0});
    std::array<PdPixelEncoder, 3> planes{PdPixelEncoder(PdParams{0.1, 2.0}),
                                         PdPixelEncoder(PdParams{0.1, 2.0}),
                                         PdPixelEncoder(PdParams{0.1, 2.0})};
    VideoFrame frame;
    EncodedFrame whole, part;
    long planeEvents = 0, wholeEvents = 0;
    for (long k = 0; k < 40; ++k) {
        scene.render(k, frame);
        rgb.encode(frame.pixels, whole);
        wholeEvents += whole.eventsOn + whole.eventsOff;
        for (int c = 0; c < 3; ++c) {
            const Eigen::ArrayXf plane = Eigen::Map<const Eigen::ArrayXf, 0, Eigen::InnerStride<3>>(
                frame.pixels.data() + c, frame.pixelCount());
            planes[static_cast<std::size_t>(c)].encode(plane, part);
            planeEvents += part.eventsOn + part.eventsOff;
            for (Eigen::Index i = 0; i < plane.size(); ++i) {
                ASSERT_EQ(whole.events(3 * i + c), part.events(i)) << "frame " << k;
                ASSERT_EQ(whole.reconstruction(3 * i + c), part.reconstruction(i));
            }
        }
    }
    EXPECT_EQ(wholeEvents, planeEvents);
    EXPECT_GT(wholeEvents, 0);
}

class VideoFiles : public ::testing::Test {
  protected:
    std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("sdlab_video_test_" + std::to_string(::getpid()));
    void SetUp() override { std::filesystem::create_directories(dir); }
    void TearDown() override { std::filesystem::remove_all(dir); }
};

std::string messageOf(const VideoSourceSettings& settings) {
    try {
        openVideoSource(settings);
    } catch (const InputError& error) {
        return error.what();
    }
    return {};
}

TEST_F(VideoFiles, AGeneratedClipIsReadResizedAndEnds) {
    const std::string path = (dir / "clip.avi").string();
    {
        cv::VideoWriter writer(path, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 25.0,
                               cv::Size(320, 240));
        ASSERT_TRUE(writer.isOpened());
        for (int k = 0; k < 12; ++k) {
            cv::Mat image(240, 320, CV_8UC3, cv::Scalar(40, 40, 40));
            cv::rectangle(image, cv::Rect(10 + 10 * k, 100, 40, 40), cv::Scalar(250, 250, 250),
                          cv::FILLED);
            writer.write(image);
        }
    }
    VideoSourceSettings settings;
    settings.source = path;
    settings.width = 80;
    auto source = openVideoSource(settings);
    EXPECT_NEAR(source->nativeFps(), 25.0, 0.01);
    VideoFrame frame;
    int frames = 0;
    while (source->read(frame)) {
        EXPECT_EQ(frame.width, 80);
        EXPECT_EQ(frame.height, 60);
        EXPECT_GT(frame.pixels.maxCoeff(), 0.8F);
        EXPECT_LT(frame.pixels.minCoeff(), 0.3F);
        ++frames;
    }
    EXPECT_EQ(frames, 12);
}

// A clip of one BGR colour, (B, G, R) = (50, 100, 200): in colour the frame holds R, G, B
// in that order; in grey it holds the luma 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601,
// OpenCV's COLOR_BGR2GRAY). MJPG is lossy, hence the tolerance of 4/255.
TEST_F(VideoFiles, ColourClipsKeepRgbPerPixelAndGreyIsTheirLuma) {
    const std::string path = (dir / "colour.avi").string();
    {
        cv::VideoWriter writer(path, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 25.0,
                               cv::Size(64, 48));
        ASSERT_TRUE(writer.isOpened());
        for (int k = 0; k < 3; ++k)
            writer.write(cv::Mat(48, 64, CV_8UC3, cv::Scalar(50, 100, 200)));
    }
    VideoSourceSettings settings;
    settings.source = path;
    settings.width = 16;
    settings.colour = true;
    VideoFrame frame;
    ASSERT_TRUE(openVideoSource(settings)->read(frame));
    EXPECT_EQ(frame.channels, 3);
    EXPECT_EQ(frame.width, 16);
    EXPECT_EQ(frame.height, 12);
    ASSERT_EQ(frame.pixels.size(), 16 * 12 * 3);
    const Eigen::Map<const Eigen::ArrayXf, 0, Eigen::InnerStride<3>> red(frame.pixels.data(), 192);
    const Eigen::Map<const Eigen::ArrayXf, 0, Eigen::InnerStride<3>> green(frame.pixels.data() + 1,
                                                                           192);
    const Eigen::Map<const Eigen::ArrayXf, 0, Eigen::InnerStride<3>> blue(frame.pixels.data() + 2,
                                                                          192);
    constexpr float tolerance = 4.0F / 255.0F;
    EXPECT_LT((red - 200.0F / 255.0F).abs().maxCoeff(), tolerance);
    EXPECT_LT((green - 100.0F / 255.0F).abs().maxCoeff(), tolerance);
    EXPECT_LT((blue - 50.0F / 255.0F).abs().maxCoeff(), tolerance);
    settings.colour = false;
    ASSERT_TRUE(openVideoSource(settings)->read(frame));
    EXPECT_EQ(frame.channels, 1);
    ASSERT_EQ(frame.pixels.size(), 16 * 12);
    const float luma = (0.299F * 200 + 0.587F * 100 + 0.114F * 50) / 255.0F;
    EXPECT_LT((frame.pixels - luma).abs().maxCoeff(), tolerance);
}

TEST_F(VideoFiles, BadSourcesGiveOneMessageNamingThem) {
    VideoSourceSettings settings;
    settings.source = (dir / "missing.avi").string();
    EXPECT_NE(messageOf(settings).find("does not exist"), std::string::npos);
    EXPECT_NE(messageOf(settings).find("missing.avi"), std::string::npos);

    settings.source = (dir / "garbage.avi").string();
    std::ofstream(settings.source) << "RIFF this is not a video at all";
    const std::string garbage = messageOf(settings);
    EXPECT_NE(garbage.find("garbage.avi"), std::string::npos) << garbage;

    settings.source = dir.string();
    EXPECT_NE(messageOf(settings).find("not a regular file"), std::string::npos);

    settings.source = "camera:42";
    EXPECT_NE(messageOf(settings).find("no camera 42"), std::string::npos);
    settings.source = "camera:x";
    EXPECT_NE(messageOf(settings).find("camera number"), std::string::npos);
    settings.source = "synthetic";
    settings.width = 2;
    EXPECT_NE(messageOf(settings).find("width"), std::string::npos);
}

TEST(VideoSource, OpenCvsBuggySampleFailsCleanlyOrPlays) {
    // opencv-doc ships a deliberately broken clip; either it is refused with a
    // message, or it opens and reads to its end without crashing.
    const std::string path = "/usr/share/doc/opencv-doc/examples/data/Megamind_bugy.avi";
    if (!std::filesystem::exists(path))
        GTEST_SKIP() << "opencv-doc is not installed";
    VideoSourceSettings settings;
    settings.source = path;
    settings.width = 64;
    try {
        auto source = openVideoSource(settings);
        VideoFrame frame;
        int frames = 0;
        while (frames < 10000 && source->read(frame))
            ++frames;
        EXPECT_GT(frames, 0);
    } catch (const InputError& error) {
        EXPECT_NE(std::string(error.what()).find("Megamind_bugy.avi"), std::string::npos);
    }
}

} // namespace
} // namespace sdlab

namespace sdlab {
namespace {

// An 8 × 2 grey recording: frame 7 an ON event of 2 at value 1 and an OFF at value 9,
// frame 8 none, frame 9 five ON at value 1 (beyond white) and one at the last pixel (a
// CSV holds no frame size: its frame reaches the largest x and y).
void recordForReplay(const std::filesystem::path& path, EventStreamFormat format) {
    EventStreamWriter writer(path, format, 8, 2, 1, 25.0);
    Eigen::ArrayXf events = Eigen::ArrayXf::Zero(16);
    events(1) = 2.0F;
    events(9) = -1.0F;
    writer.addFrame(7, events);
    writer.addFrame(8, Eigen::ArrayXf::Zero(16));
    events.setZero();
    events(1) = 5.0F;
    events(15) = 1.0F;
    writer.addFrame(9, events);
    writer.finish();
}

// Issue 22 item 7: a recording played back as a source, x̂ += θ·s from mid-grey.
TEST(EventReplay, ARecordingPlaysAsTheDeltaReconstructionOfItsEvents) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("sdlab_replay_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    recordForReplay(dir / "r.sdev", EventStreamFormat::Binary);
    recordForReplay(dir / "r.csv", EventStreamFormat::Csv);
    const float grey = 0.5F, on = 0.5F + 0.1F * 2.0F, off = 0.5F - 0.1F;
    Eigen::ArrayXf first = Eigen::ArrayXf::Constant(16, grey);
    first(1) = on;
    first(9) = off;
    for (const char* name : {"r.sdev", "r.csv"}) {
        SCOPED_TRACE(name);
        VideoSourceSettings settings;
        settings.source = (dir / name).string();
        settings.width = 8;
        settings.replayStep = 0.1;
        const auto source = openVideoSource(settings);
        EXPECT_DOUBLE_EQ(source->nativeFps(), name == std::string("r.sdev") ? 25.0 : 30.0);
        VideoFrame frame;
        ASSERT_TRUE(source->read(frame));
        ASSERT_EQ(frame.width, 8);
        ASSERT_EQ(frame.height, 2);
        EXPECT_EQ(frame.label, -1);
        EXPECT_TRUE((frame.pixels == first).all());
        ASSERT_TRUE(source->read(frame)); // frame 8: no events (a CSV does not list it)
        EXPECT_TRUE((frame.pixels == first).all());
        ASSERT_TRUE(source->read(frame));
        EXPECT_FLOAT_EQ(frame.pixels(1), 1.0F); // 0.7 + 0.5, clamped to white
        EXPECT_FALSE(source->read(frame));
    }
    // Twice the width: each recorded pixel covers two by two; colour: grey in R, G and B.
    VideoSourceSettings wide;
    wide.source = (dir / "r.sdev").string();
    wide.width = 16;
    wide.colour = true;
    VideoFrame frame;
    ASSERT_TRUE(openVideoSource(wide)->read(frame));
    ASSERT_EQ(frame.height, 4);
    ASSERT_EQ(frame.channels, 3);
    for (const int at : {2, 3, 18, 19}) // recorded value 1 is (1, 0): pixels (2..3, 0..1)
        for (int c = 0; c < 3; ++c)
            EXPECT_FLOAT_EQ(frame.pixels(at * 3 + c), on) << at << ", " << c;
    EXPECT_FLOAT_EQ(frame.pixels(0), grey);
    // A truncated recording is refused by name.
    const std::string bytes = [&] {
        std::ifstream in(dir / "r.sdev", std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }();
    std::ofstream(dir / "cut.sdev", std::ios::binary) << bytes.substr(0, bytes.size() - 3);
    VideoSourceSettings cut;
    cut.source = (dir / "cut.sdev").string();
    try {
        openVideoSource(cut);
        ADD_FAILURE() << "a truncated recording was opened";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("cut.sdev"), std::string::npos) << e.what();
    }
    std::filesystem::remove_all(dir);
}

} // namespace
} // namespace sdlab
