#include "command.h"
#include "io/csv_table.h"
#include "io/input_error.h"
#include "io/json_writer.h"
#include "training/training_settings.h"
#include "video/online_video_learner.h"
#include "video/video_encoding_run.h"
#include "video/video_pipeline.h"

#include <cstdio>
#include <limits>

namespace sdlab::cli {

namespace {

constexpr int kTestFrames = 200; // held-out synthetic frames for --learn's test accuracy

OnlineLearningSettings learningSettingsFrom(const CliOptions& options, std::uint64_t seed) {
    OnlineLearningSettings l;
    l.model = choice(
        options, "learn-model", "mlp",
        [](const std::string& name) {
            const auto model = parseModelKind(name);
            return model == ModelKind::Mlp || model == ModelKind::Pdnn ? model : std::nullopt;
        },
        "mlp, pdnn");
    l.hidden = static_cast<int>(options.integer("learn-hidden", 100, 1, 4000));
    l.learningRate = options.number("learn-lr", 0.01);
    l.input.features = choice(options, "learn-input", "reconstruction", parseVideoFeatures,
                              "events, reconstruction");
    l.input.gridWidth = static_cast<int>(options.integer("learn-grid", 32, 4, 256));
    l.replaySamples = static_cast<int>(options.integer("learn-replay", 1, 0, 100));
    l.seed = seed;
    if (const std::string error = validationError(l); !error.empty())
        throw InputError("--learn: " + error);
    return l;
}

// learn.csv and the learning figures of summary.json.
void addLearning(JsonObjectWriter& summary, OutputBundle& bundle, const OnlineVideoLearner& learner,
                 double fps) {
    CsvWriter curve({"frame", "seconds", "samples", "train_acc", "test_acc", "loss", "adds",
                     "mults", "energy_mj"});
    for (const VideoLearnRow& row : learner.curve())
        curve.addRow({static_cast<double>(row.frame), static_cast<double>(row.frame) / fps,
                      static_cast<double>(row.samples), row.trainAccuracy, row.testAccuracy,
                      row.loss, static_cast<double>(row.adds), static_cast<double>(row.mults),
                      row.energyMj});
    bundle.stage("learn.csv", curve.text());
    const OnlineLearningSettings& l = learner.settings();
    const std::vector<VideoLearnRow>& rows = learner.curve();
    const double lastTrain = rows.empty() ? 0.0 : rows.back().trainAccuracy;
    const double lastTest = rows.empty() ? 0.0 : rows.back().testAccuracy;
    summary.add("learn_model", modelName(l.model))
        .add("learn_input", videoFeaturesName(l.input.features))
        .add("learn_hidden", static_cast<long long>(l.hidden))
        .add("learn_samples", static_cast<long long>(learner.samples()))
        .add("learn_final_train_acc", lastTrain)
        .add("learn_final_test_acc", lastTest)
        .add("learn_ops_per_frame",
             learner.samples() == 0
                 ? 0.0
                 : static_cast<double>(learner.model().trainingOps().adds +
                                       learner.model().trainingOps().multiplies) /
                       static_cast<double>(learner.samples()));
}

} // namespace

int runVideo(const CliOptions& options) {
    VideoEncodingSettings s;
    s.source.source = options.text("source", "synthetic");
    s.source.width = static_cast<int>(options.integer("width", 160, 8, 4096));
    const std::string channels = options.text("channels", "grey");
    if (channels != "grey" && channels != "rgb")
        throw InputError("--channels: '" + channels + "' is not one of grey, rgb");
    s.source.colour = channels == "rgb";
    s.seed =
        static_cast<std::uint64_t>(options.integer("seed", 1, 0, std::numeric_limits<long>::max()));
    s.source.seed = s.seed;
    s.frames = options.integer("frames", 300, 1, 10'000'000);
    s.fps = options.number("fps", 0.0);
    if (options.has("fps") && !(s.fps > 0.0))
        throw InputError("--fps: must be positive");
    const std::string encoder = options.text("encoder", "pd");
    if (encoder == "pd")
        s.encoding = PixelEncoding::Pd;
    else if (encoder == "delta")
        s.encoding = PixelEncoding::Delta;
    else if (encoder == "rate")
        s.encoding = PixelEncoding::Rate;
    else
        throw InputError("--encoder: '" + encoder + "' is not one of pd, delta, rate");
    s.autoTune = options.flag("auto-tune");
    s.pd = pdParamsFrom(options, "kp", "kd", PdParams{0.1, 2.0});
    const double threshold = options.number("threshold", 0.1);
    s.onThreshold = static_cast<float>(options.number("on-threshold", threshold));
    s.offThreshold = static_cast<float>(options.number("off-threshold", threshold));
    s.refractoryFrames = static_cast<int>(options.integer("refractory", 0, 0, 1000));
    s.rateWindow = options.number("window", 10.0);
    if (const std::string error = validationError(s); !error.empty())
        throw InputError(error);
    std::unique_ptr<OnlineVideoLearner> learner;
    if (options.flag("learn")) {
        if (s.source.source != "synthetic")
            throw InputError("--learn needs labelled frames: only --source synthetic labels "
                             "its frames (the shape shown)");
        learner = std::make_unique<OnlineVideoLearner>(learningSettingsFrom(options, s.seed));
        learner->setTestSet(syntheticTestSet(s, learner->settings().input, kTestFrames));
    } else {
        for (const char* name : {"learn-model", "learn-hidden", "learn-lr", "learn-input",
                                 "learn-grid", "learn-replay"})
            if (options.has(name))
                throw InputError(std::string("--") + name + " needs --learn");
    }
    const auto out = outputDirectory(options);

    long lastReported = -1;
    const VideoEncodingResult result = runVideoEncoding(
        s,
        [&](std::size_t done, std::size_t total) {
            const long percent = static_cast<long>(100 * done / total);
            if (percent / 10 != lastReported / 10) {
                std::fprintf(stderr, "\rvideo: %3ld%% (%zu frames)", percent, done);
                lastReported = percent;
            }
            return true;
        },
        [&](const VideoPipelineStep& step) {
            if (learner)
                learner->observe(step.index, step.encoded, step.frame.shape(), step.frame.label);
        });
    std::fprintf(stderr, "\n");
    if (result.rows.empty())
        throw InputError("video source '" + s.source.source + "' gave no frame");

    CsvWriter csv({"frame", "events_on", "events_off", "recon_mse", "encode_ms"});
    double events = 0.0, mse = 0.0, ms = 0.0;
    for (const VideoFrameRow& row : result.rows) {
        csv.addRow({static_cast<double>(row.frame), static_cast<double>(row.eventsOn),
                    static_cast<double>(row.eventsOff), row.reconstructionMse, row.encodeMs});
        events += static_cast<double>(row.eventsOn + row.eventsOff);
        mse += row.reconstructionMse;
        ms += row.encodeMs;
    }
    const auto n = static_cast<double>(result.rows.size());
    JsonObjectWriter summary;
    summary.add("source", result.description)
        .add("encoder", encoder)
        .add("frames", static_cast<long long>(result.rows.size()))
        .add("width", static_cast<long long>(result.width))
        .add("height", static_cast<long long>(result.height))
        .add("channels", channels)
        .add("native_fps", result.nativeFps)
        .add("fps", result.fps)
        .add("events", events)
        .add("events_per_frame", events / n)
        .add("events_per_second", events / n * result.fps)
        .add("events_per_pixel_per_second",
             events / n * result.fps / (static_cast<double>(result.width) * result.height))
        .add("mean_recon_mse", mse / n)
        .add("mean_encode_ms", ms / n);
    if (s.encoding == PixelEncoding::Pd)
        summary.add("kp", s.pd.kp).add("kd", s.pd.kd).addBool("auto_tune", s.autoTune);
    OutputBundle bundle;
    if (learner) {
        addLearning(summary, bundle, *learner, result.fps);
    }
    bundle.stage("frames.csv", csv.text());
    bundle.stage("summary.json", summary.text());
    commitOutputs(bundle, out);
    std::fprintf(stderr, "video: %s, %zu frames of %dx%d at %.3g fps, %.4g events/s -> %s\n",
                 result.description.c_str(), result.rows.size(), result.width, result.height,
                 result.fps, events / n * result.fps, out.string().c_str());
    return 0;
}

} // namespace sdlab::cli
