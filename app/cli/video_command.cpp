#include "command.h"
#include "io/csv_table.h"
#include "io/input_error.h"
#include "io/json_writer.h"
#include "video/video_encoding_run.h"

#include <cstdio>
#include <limits>

namespace sdlab::cli {

int runVideo(const CliOptions& options) {
    VideoEncodingSettings s;
    s.source.source = options.text("source", "synthetic");
    s.source.width = static_cast<int>(options.integer("width", 160, 8, 4096));
    s.seed = static_cast<std::uint64_t>(
        options.integer("seed", 1, 0, std::numeric_limits<long>::max()));
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
    const auto out = outputDirectory(options);

    long lastReported = -1;
    const VideoEncodingResult result =
        runVideoEncoding(s, [&](std::size_t done, std::size_t total) {
            const long percent = static_cast<long>(100 * done / total);
            if (percent / 10 != lastReported / 10) {
                std::fprintf(stderr, "\rvideo: %3ld%% (%zu frames)", percent, done);
                lastReported = percent;
            }
            return true;
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
    bundle.stage("frames.csv", csv.text());
    bundle.stage("summary.json", summary.text());
    commitOutputs(bundle, out);
    std::fprintf(stderr, "video: %s, %zu frames of %dx%d at %.3g fps, %.4g events/s -> %s\n",
                 result.description.c_str(), result.rows.size(), result.width, result.height,
                 result.fps, events / n * result.fps, out.string().c_str());
    return 0;
}

} // namespace sdlab::cli
