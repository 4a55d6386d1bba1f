#include "video/video_experiment.h"

#include "experiment/common_parameters.h"
#include "io/csv_table.h"
#include "io/input_error.h"
#include "io/json_writer.h"
#include "training/training_settings.h"
#include "video/frame_rate_sweep.h"
#include "video/online_video_learner.h"
#include "video/video_encoding_run.h"
#include "video/video_pipeline.h"

#include <cstdio>

namespace sdlab {

namespace {

constexpr int kTestFrames = 200; // held-out synthetic frames for the test accuracy
constexpr double kPicoToMicro = 1e-6;

} // namespace

VideoEncodingSettings videoEncodingSettingsFrom(const ParameterValues& v) {
    VideoEncodingSettings s;
    s.source.source = v.text("source");
    s.source.width = static_cast<int>(v.integer("width"));
    s.source.colour = v.text("channels") == "rgb";
    s.seed = v.seed();
    s.source.seed = s.seed;
    s.source.replayStep = v.real("replay-step");
    s.frames = static_cast<long>(v.integer("frames"));
    s.fps = v.realOr("fps", 0.0);
    const std::string& encoder = v.text("encoder");
    s.encoding = encoder == "pd"      ? PixelEncoding::Pd
                 : encoder == "delta" ? PixelEncoding::Delta
                                      : PixelEncoding::Rate;
    s.autoTune = v.flag("auto-tune");
    s.pd = common::pdParams(v, "kp", "kd");
    s.onThreshold = static_cast<float>(v.realOr("on-threshold", v.real("threshold")));
    s.offThreshold = static_cast<float>(v.realOr("off-threshold", v.real("threshold")));
    s.refractoryFrames = static_cast<int>(v.integer("refractory"));
    s.rateWindow = v.real("window");
    if (const std::string error = validationError(s); !error.empty())
        throw InputError(error);
    return s;
}

OnlineLearningSettings onlineLearningSettingsFrom(const ParameterValues& v) {
    OnlineLearningSettings l;
    l.model = parseModelKind(v.text("learn-model")).value();
    l.hidden = static_cast<int>(v.integer("learn-hidden"));
    l.learningRate = v.realOr("learn-lr", defaultOnlineLearningRate(l.model));
    l.input.features = parseVideoFeatures(v.text("learn-input")).value();
    l.input.gridWidth = static_cast<int>(v.integer("learn-grid"));
    l.input.centred = v.text("learn-view") == "tracking";
    l.replaySamples = static_cast<int>(v.integer("learn-replay"));
    l.timeSteps = static_cast<int>(v.integer("learn-steps"));
    l.method = parseLifMethod(v.text("learn-method")).value();
    l.seed = v.seed();
    if (const std::string error = validationError(l); !error.empty())
        throw InputError("--learn: " + error);
    return l;
}

namespace {

// learn.csv and the learning figures of summary.json.
void addLearning(JsonObjectWriter& summary, OutputBundle& bundle, const OnlineVideoLearner& learner,
                 double fps, const std::vector<VideoLearnStep>& steps) {
    CsvWriter curve({"frame", "seconds", "samples", "train_acc", "test_acc", "loss", "adds",
                     "mults", "energy_mj", "inference_adds", "inference_mults"});
    for (const VideoLearnRow& row : learner.curve())
        curve.addRow({static_cast<double>(row.frame), static_cast<double>(row.frame) / fps,
                      static_cast<double>(row.samples), row.trainAccuracy, row.testAccuracy,
                      row.loss, static_cast<double>(row.adds), static_cast<double>(row.mults),
                      row.energyMj, row.inferenceAdds, row.inferenceMults});
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
    double inferenceAdds = 0.0, inferenceMults = 0.0;
    for (const VideoLearnStep& step : steps) {
        inferenceAdds += static_cast<double>(step.inferenceAdds);
        inferenceMults += static_cast<double>(step.inferenceMults);
    }
    const double frames = steps.empty() ? 1.0 : static_cast<double>(steps.size());
    summary.add("net_adds_per_frame", inferenceAdds / frames)
        .add("net_mults_per_frame", inferenceMults / frames);
    if (l.model == ModelKind::Lif)
        summary.add("learn_steps", static_cast<long long>(l.timeSteps))
            .add("learn_method", lifMethodName(l.method));
}

// --fps-sweep: rate.csv, one row per frame rate (ICLR'18 Fig. 8, App. H Fig. 12).
std::string runFrameRateSweep(const ParameterValues& v, const RunContext& context,
                              OutputBundle& bundle, const VideoBackend& backend) {
    const VideoEncodingSettings s = videoEncodingSettingsFrom(v);
    FrameRateSweepSettings settings;
    settings.secondsPerRate = v.real("sweep-seconds");
    if (v.flag("learn"))
        settings.network = onlineLearningSettingsFrom(v);
    const FrameRateSweep sweep = sdlab::runFrameRateSweep(backend, s, settings, context.progress);
    if (sweep.cancelled)
        throw RunCancelled();
    std::vector<std::string> header{
        "fps", "frames", "events_per_frame", "events_per_second", "recon_mse", "values_per_second"};
    if (settings.network) {
        for (const char* column :
             {"net_adds_per_frame", "net_mults_per_frame", "net_adds_per_second",
              "net_mults_per_second", "dense_mults_per_second", "net_energy_uj_per_second",
              "dense_energy_uj_per_second"})
            header.emplace_back(column);
        for (const std::string& layer : relativeChangeLayerNames())
            header.push_back("change_" + layer);
    }
    CsvWriter csv(header);
    for (const FrameRateRow& row : sweep.rows) {
        std::vector<double> cells{row.fps,
                                  static_cast<double>(row.frames),
                                  row.eventsPerFrame,
                                  row.eventsPerFrame * row.fps,
                                  row.reconstructionMse,
                                  row.valuesPerFrame * row.fps};
        if (settings.network) {
            cells.insert(cells.end(),
                         {row.netAddsPerFrame, row.netMultsPerFrame, row.netAddsPerFrame * row.fps,
                          row.netMultsPerFrame * row.fps, row.denseMultsPerFrame * row.fps,
                          networkEnergyPjPerFrame(row) * row.fps * kPicoToMicro,
                          denseEnergyPjPerFrame(row) * row.fps * kPicoToMicro});
            cells.insert(cells.end(), row.relativeChange.begin(), row.relativeChange.end());
        }
        csv.addRow(cells);
    }
    JsonObjectWriter summary;
    summary.add("source", sweep.description)
        .add("encoder", v.text("encoder"))
        .add("width", static_cast<long long>(sweep.width))
        .add("height", static_cast<long long>(sweep.height))
        .add("channels", v.text("channels"))
        .add("native_fps", sweep.nativeFps)
        .add("rates", static_cast<long long>(sweep.rows.size()))
        .add("seconds_per_rate", settings.secondsPerRate);
    if (!sweep.rows.empty()) {
        const FrameRateRow &low = sweep.rows.front(), &high = sweep.rows.back();
        summary.add("events_per_second_lowest_fps", low.eventsPerFrame * low.fps)
            .add("events_per_second_highest_fps", high.eventsPerFrame * high.fps);
        if (settings.network)
            summary.add("learn_model", modelName(settings.network->model))
                .add("net_adds_per_frame_lowest_fps", low.netAddsPerFrame)
                .add("net_adds_per_frame_highest_fps", high.netAddsPerFrame)
                .add("dense_mults_per_frame", high.denseMultsPerFrame);
    }
    bundle.stage("rate.csv", csv.text());
    bundle.stage("summary.json", summary.text());
    char line[200];
    std::snprintf(line, sizeof line, "%s, %zu frame rates from %.3g to %.3g fps",
                  sweep.description.c_str(), sweep.rows.size(),
                  sweep.rows.empty() ? 0.0 : sweep.rows.front().fps,
                  sweep.rows.empty() ? 0.0 : sweep.rows.back().fps);
    return line;
}

} // namespace

std::string runVideoExperiment(const ParameterValues& v, const RunContext& context,
                               OutputBundle& bundle, const VideoBackend& backend) {
    if (v.flag("fps-sweep"))
        return runFrameRateSweep(v, context, bundle, backend);
    const VideoEncodingSettings s = videoEncodingSettingsFrom(v);
    std::unique_ptr<OnlineVideoLearner> learner;
    if (v.flag("learn")) {
        // Only the synthetic scene labels its frames (the shape shown); on any other source
        // the network runs without learning, for what it costs per frame (ICLR'18 Fig. 8).
        learner = std::make_unique<OnlineVideoLearner>(onlineLearningSettingsFrom(v), backend);
        if (s.source.source == "synthetic")
            learner->setTestSet(
                syntheticTestSet(backend, s, learner->settings().input, kTestFrames));
    }
    std::vector<VideoLearnStep> learnSteps; // one per frame, with the network's cost
    long lastReported = -1;
    const VideoEncodingResult result = runVideoEncoding(
        backend, s,
        [&](std::size_t done, std::size_t total) {
            const long percent = static_cast<long>(100 * done / total);
            if (context.log && percent / 10 != lastReported / 10) {
                char line[64];
                std::snprintf(line, sizeof line, "\rvideo: %3ld%% (%zu frames)", percent, done);
                context.log(line);
                lastReported = percent;
            }
            return !context.progress || context.progress(done, total);
        },
        [&](const VideoPipelineStep& step) {
            if (learner)
                learnSteps.push_back(learner->observe(step.index, step.encoded, step.frame.shape(),
                                                      step.frame.label));
        });
    if (context.log)
        context.log("\n");
    if (result.rows.empty())
        throw InputError("video source " + sdlab::quoted(s.source.source) + " gave no frame");
    if (learner && learner->samples() == 0 && context.log)
        context.log("video: no frame had a label, so the network only ran (net_adds, "
                    "net_mults); it learns from --source synthetic\n");

    // With a network, what running it cost on each frame beside the encoder's events.
    std::vector<std::string> header{"frame", "events_on", "events_off", "recon_mse", "encode_ms"};
    if (learner) {
        header.emplace_back("net_adds");
        header.emplace_back("net_mults");
    }
    CsvWriter csv(header);
    double events = 0.0, mse = 0.0, ms = 0.0;
    for (std::size_t r = 0; r < result.rows.size(); ++r) {
        const VideoFrameRow& row = result.rows[r];
        std::vector<double> cells{static_cast<double>(row.frame), static_cast<double>(row.eventsOn),
                                  static_cast<double>(row.eventsOff), row.reconstructionMse,
                                  row.encodeMs};
        if (learner && r < learnSteps.size()) {
            cells.push_back(static_cast<double>(learnSteps[r].inferenceAdds));
            cells.push_back(static_cast<double>(learnSteps[r].inferenceMults));
        }
        csv.addRow(cells);
        events += static_cast<double>(row.eventsOn + row.eventsOff);
        mse += row.reconstructionMse;
        ms += row.encodeMs;
    }
    const auto n = static_cast<double>(result.rows.size());
    JsonObjectWriter summary;
    summary.add("source", result.description)
        .add("encoder", v.text("encoder"))
        .add("frames", static_cast<long long>(result.rows.size()))
        .add("width", static_cast<long long>(result.width))
        .add("height", static_cast<long long>(result.height))
        .add("channels", v.text("channels"))
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
    if (learner)
        addLearning(summary, bundle, *learner, result.fps, learnSteps);
    bundle.stage("frames.csv", csv.text());
    bundle.stage("summary.json", summary.text());
    char line[200];
    std::snprintf(line, sizeof line, "%s, %zu frames of %dx%d at %.3g fps, %.4g events/s",
                  result.description.c_str(), result.rows.size(), result.width, result.height,
                  result.fps, events / n * result.fps);
    return line;
}

} // namespace sdlab
