// The Video lab and `sdlab-cli video`: every pixel of a video as a spike channel (spec §9,
// ICLR'18 §3.2, Fig. 8), and a small network learning from the stream online. Only the
// description lives here: the run needs OpenCV and is sdlab_video's
// runVideoExperiment() (video/video_experiment.h).
#include "experiment/common_parameters.h"
#include "experiment/experiment.h"

namespace sdlab {

namespace {

using namespace common;

// Version 1 of the Video lab: the source as a choice with a file or camera field, on/off
// choices, the network's keys without "learn-", and the display's frame rate of 30.
void upgrade(std::map<std::string, ParameterValue>& values) {
    keepVersion1Defaults(values,
                         {{"learn", std::string("on")}, {"learnModel", std::string("pdnn")}});
    const auto take = [&](const char* key) {
        ParameterValue value;
        if (const auto it = values.find(key); it != values.end()) {
            value = it->second;
            values.erase(it);
        }
        return value;
    };
    const ParameterValue file = take("file"), camera = take("camera");
    if (const auto it = values.find("source"); it != values.end()) {
        const std::string kind = formatParameterValue(it->second);
        if (kind == "file")
            it->second = formatParameterValue(file);
        else if (kind == "camera")
            it->second = "camera:" + (std::holds_alternative<std::monostate>(camera)
                                          ? std::string("0")
                                          : formatParameterValue(camera));
    }
    for (const char* key : {"autoTune", "learn"})
        if (const auto it = values.find(key); it != values.end())
            if (const auto* text = std::get_if<std::string>(&it->second))
                it->second = *text == "on";
    if (const auto it = values.find("fps"); it != values.end())
        if (const double* fps = std::get_if<double>(&it->second); fps && *fps >= 30.0)
            values.erase(it); // version 1's 30 meant "the synthetic scene's own rate"
}

Parameter learnParameter(Parameter p) {
    p.needsFlag = "learn";
    p.group = "Online learning";
    return p;
}

std::vector<Parameter> parameters() {
    const std::string source = "Source", encoder = "Encoder", learning = "Online learning",
                      display = "Display";
    return {
        {.key = "source",
         .kind = ParameterKind::Text,
         .label = "Source",
         .help = "synthetic (moving labelled shapes on a seeded texture, no file or camera), a "
                 "video file OpenCV reads (opencv-doc has vtest.avi; it loops in the lab), "
                 "camera:N (/dev/videoN), or a stream: http://, https:// (a phone's MJPEG) or "
                 "rtsp:// (a network camera), 5 s to connect and per frame; a source that "
                 "fails in the lab falls back to the synthetic scene (a stream that ends is "
                 "reconnected once first)",
         .valueName = "S",
         .fallbackText = "synthetic",
         .choices = choices({{"synthetic", "Synthetic scene"}, {"camera:0", "Webcam 0"}}),
         .browse = TextBrowse::File,
         .fileFilter = "Videos (*.avi *.mp4 *.mkv *.mov *.webm *.mpg);;Recorded events (*.sdev "
                       "*.csv);;All files (*)",
         .group = source},
        {.key = "replay-step",
         .label = "Replay step θ",
         .help = "A recorded event stream as the source (.sdev or CSV from Record Events): "
                 "each event moves its pixel by θ from mid-grey (an event camera's "
                 "reading); for a delta recording give the threshold it was made with",
         .valueName = "THETA",
         .minimum = 0.001,
         .maximum = 1.0,
         .fallback = 0.1,
         .group = source,
         .decimals = 3,
         .logarithmic = true},
        {.key = "frames",
         .kind = ParameterKind::Integer,
         .label = "Frames",
         .help = "Frames to encode (fewer if a file ends first); the lab runs live",
         .valueName = "N",
         .minimum = 1,
         .maximum = 10'000'000,
         .fallback = 300,
         .group = source,
         .scope = ParameterScope::CommandLine},
        {.key = "width",
         .kind = ParameterKind::Integer,
         .label = "Width",
         .help = "Frames are resized to this width (aspect kept) before encoding; 640 for the "
                 "full 640 × 480",
         .valueName = "W",
         .minimum = 8,
         .maximum = 4096,
         .fallback = 160,
         .unit = "px",
         .group = source,
         .logarithmic = true},
        {.key = "channels",
         .kind = ParameterKind::Choice,
         .label = "Channels",
         .help = "grey: one channel per pixel; rgb: R, G and B encoded as three channels per "
                 "pixel (three times the dense cost), events counted over all of them",
         .valueName = "C",
         .fallbackText = "grey",
         .choices = choices({{"grey", "Grey"}, {"rgb", "Colour (R, G, B)"}}),
         .group = source},
        {.key = "fps",
         .label = "Frame rate",
         .help = "Decimate the source to this many frames per second; at most the source's own",
         .valueName = "F",
         .minimum = 0.0,
         .maximum = 1000.0,
         .minimumExclusive = true,
         .fallback = 30.0,
         .optional = true,
         .unsetMeans = "the source's own rate",
         .unit = "fps",
         .group = source,
         .decimals = 1},
        {.key = "fps-sweep",
         .kind = ParameterKind::Flag,
         .label = "Frame-rate sweep",
         .help = "Instead of one run, the same seconds of video at 1, 2, 3, 5, 7.5, 10, 15, 20, "
                 "25 and 30 fps up to the source's own rate (lower rates keep every n-th "
                 "frame): rate.csv, ICLR'18 Fig. 8. With --learn the network runs on every "
                 "frame (streamed, untrained: nothing is learned, so any file will do)",
         .group = source,
         .excludes = {"fps", "frames"},
         .scope = ParameterScope::CommandLine},
        {.key = "sweep-seconds",
         .label = "Seconds per rate",
         .help = "How much of the source each rate of --fps-sweep encodes (at least 4 frames)",
         .valueName = "S",
         .minimum = 0.25,
         .maximum = 600.0,
         .fallback = 4.0,
         .unit = "s",
         .group = source,
         .decimals = 2,
         .needsFlag = "fps-sweep",
         .scope = ParameterScope::CommandLine},
        seedParameter(source),
        {.key = "encoder",
         .kind = ParameterKind::Choice,
         .label = "Encoder",
         .help = "pd: a = kp·x + kd·Δx quantized by Σ-Δ, decoded by kα, kβ (ICLR'18 eqs 3-6); "
                 "delta: an event camera's ON/OFF events on intensity changes (v2e/ESIM); "
                 "rate: Bernoulli spikes with probability x",
         .valueName = "E",
         .fallbackText = "pd",
         .choices = choices({{"pd", "PD + Σ-Δ"}, {"delta", "Delta (ON/OFF)"}, {"rate", "Rate"}}),
         .group = encoder},
        kpParameter("kp", 0.1, encoder),
        kdParameter("kd", 2.0, encoder),
        {.key = "auto-tune",
         .kind = ParameterKind::Flag,
         .label = "Auto-tune kp, kd",
         .help = "pd: tune the gains to the frames' mean intensity (ICLR'18 App. E.2)",
         .group = encoder,
         .aliases = {"autoTune"}},
        {.key = "threshold",
         .label = "Threshold",
         .help = "delta: ON and OFF threshold on intensity in [0, 1]",
         .valueName = "T",
         .minimum = 0.0,
         .maximum = 1.0,
         .fallback = 0.1,
         .group = encoder,
         .decimals = 2},
        {.key = "on-threshold",
         .label = "ON threshold",
         .help = "delta: an ON event when the intensity rose this much since the pixel's last "
                 "event",
         .valueName = "T",
         .minimum = 0.0,
         .maximum = 1.0,
         .fallback = 0.1,
         .optional = true,
         .unsetMeans = "--threshold",
         .group = encoder,
         .decimals = 2,
         .aliases = {"onThreshold"}},
        {.key = "off-threshold",
         .label = "OFF threshold",
         .help = "delta: an OFF event when it fell this much",
         .valueName = "T",
         .minimum = 0.0,
         .maximum = 1.0,
         .fallback = 0.1,
         .optional = true,
         .unsetMeans = "--threshold",
         .group = encoder,
         .decimals = 2,
         .aliases = {"offThreshold"}},
        {.key = "refractory",
         .kind = ParameterKind::Integer,
         .label = "Refractory period",
         .help = "delta: frames a pixel stays silent after an event",
         .valueName = "N",
         .minimum = 0,
         .maximum = 1000,
         .fallback = 0,
         .unit = "frames",
         .group = encoder},
        {.key = "window",
         .label = "Rate window",
         .help = "rate: frames in the reconstruction's running mean",
         .valueName = "N",
         .minimum = 1.0,
         .maximum = 10000.0,
         .fallback = 10.0,
         .unit = "frames",
         .group = encoder,
         .decimals = 1,
         .logarithmic = true},
        {.key = "learn",
         .kind = ParameterKind::Flag,
         .label = "Learn",
         .help = "A small network runs on the encoded stream and learns online: the synthetic "
                 "scene's shapes (labelled), or in the lab what you teach with keys 1-4; on an "
                 "unlabelled source it only runs, for its cost per frame",
         .group = learning},
        learnParameter(
            {.key = "learn-model",
             .kind = ParameterKind::Choice,
             .label = "Network",
             .help = "mlp: the plain MLP; pdnn: the PD network (ICLR'18 eqs 11-12, "
                     "auto-tuned); sigma-delta: the MLP sending round(8a) changes between "
                     "frames (thesis ch. 4); lif: leaky integrate-and-fire neurons (snnTorch "
                     "tutorial 5's, Adam), trained by --learn-method",
             .valueName = "M",
             .fallbackText = "mlp",
             .choices = choices({{"mlp", "MLP"},
                                 {"pdnn", "PD network"},
                                 {"sigma-delta", "Σ-Δ network"},
                                 {"lif", "LIF network"}}),
             .aliases = {"learnModel"}}),
        learnParameter({.key = "learn-steps",
                        .kind = ParameterKind::Integer,
                        .label = "Steps per frame T",
                        .help = "lif: each frame drives the network for T steps (direct input)",
                        .valueName = "T",
                        .minimum = 1,
                        .maximum = 1000,
                        .fallback = 10,
                        .unit = "steps",
                        .logarithmic = true,
                        .shownWhenKey = "learn-model",
                        .shownWhenValues = {"lif"}}),
        learnParameter({.key = "learn-method",
                        .kind = ParameterKind::Choice,
                        .label = "Gradient",
                        .help = "lif: eprop, eligibility traces carried forward in time (snnTorch "
                                "paper §V, online); bptt, backpropagation through the frame's T "
                                "steps (exact)",
                        .valueName = "M",
                        .fallbackText = "eprop",
                        .choices = choices({{"eprop", "e-prop (online)"}, {"bptt", "BPTT"}}),
                        .shownWhenKey = "learn-model",
                        .shownWhenValues = {"lif"}}),
        learnParameter({.key = "learn-hidden",
                        .kind = ParameterKind::Integer,
                        .label = "Hidden units",
                        .help = "Units of the one hidden layer",
                        .valueName = "N",
                        .minimum = 1,
                        .maximum = 4000,
                        .fallback = 100,
                        .unit = "units",
                        .logarithmic = true,
                        .aliases = {"hidden"}}),
        learnParameter({.key = "learn-lr",
                        .label = "Learning rate η",
                        .help = "Step per frame: SGD's (mlp, pdnn), Adam's (lif)",
                        .valueName = "F",
                        .minimum = 0.0,
                        .maximum = 10.0,
                        .minimumExclusive = true,
                        .fallback = 0.01,
                        .optional = true,
                        .unsetMeans = "0.01 (mlp, pdnn), 0.001 (lif)",
                        .decimals = 4,
                        .logarithmic = true,
                        .aliases = {"lr"}}),
        learnParameter(
            {.key = "learn-input",
             .kind = ParameterKind::Choice,
             .label = "Network input",
             .help = "reconstruction: the decoded image; events: a decaying trace of "
                     "|events|; seen as --learn-view says",
             .valueName = "I",
             .fallbackText = "reconstruction",
             .choices = choices({{"reconstruction", "Reconstruction"}, {"events", "Event trace"}}),
             .aliases = {"learnInput"}}),
        learnParameter(
            {.key = "learn-view",
             .kind = ParameterKind::Choice,
             .label = "Network view",
             .help = "tracking: a window half the frame's height that follows the busiest "
                     "place of the event trace, so a shape looks the same wherever it is "
                     "(for learning); frame: the whole frame, still as the camera (ICLR'18 "
                     "Fig. 8: what the network costs per frame as the frame rate grows)",
             .valueName = "V",
             .fallbackText = "tracking",
             .choices = choices({{"tracking", "Tracking window"}, {"frame", "Whole frame"}})}),
        learnParameter({.key = "learn-grid",
                        .kind = ParameterKind::Integer,
                        .label = "Input grid",
                        .help = "The window or frame is pooled to N × 3N/4 cells",
                        .valueName = "N",
                        .minimum = 4,
                        .maximum = 256,
                        .fallback = 32,
                        .unit = "cells"}),
        learnParameter({.key = "learn-replay",
                        .kind = ParameterKind::Integer,
                        .label = "Replay per frame",
                        .help = "Extra training steps per frame on frames replayed from a memory "
                                "of the last 1024 (consecutive frames share a label for seconds; "
                                "0 = pure online SGD)",
                        .valueName = "N",
                        .minimum = 0,
                        .maximum = 100,
                        .fallback = 1,
                        .unit = "frames",
                        .aliases = {"replay"}}),
        {.key = "fade",
         .label = "Event fading",
         .help = "How much of an event's colour stays each frame in the Events pane",
         .minimum = 0.0,
         .maximum = 0.98,
         .fallback = 0.8,
         .group = display,
         .decimals = 2,
         .scope = ParameterScope::Lab},
    };
}

} // namespace

const Experiment& videoExperiment() {
    static const Experiment experiment{
        .id = "video",
        .command = "video",
        .title = "Video",
        .usage = "sdlab-cli video --source synthetic|FILE|camera:N [--frames N] [--fps F | "
                 "--fps-sweep [--sweep-seconds S]] --encoder pd|delta|rate [encoder options] "
                 "[--width W] [--channels grey|rgb] [--seed S] [--learn [network options]] "
                 "--out DIR",
        .description =
            "Turn every pixel of a video into a spike channel (spec §9, ICLR'18 §3.2 and Fig. "
            "8).\nFrames are converted to grey (or kept as R, G, B, each its own channel) and "
            "resized\nto --width. Writes frames.csv\n(frame,events_on,events_off,recon_mse,"
            "encode_ms) and summary.json (events per\nframe and per second, mean "
            "reconstruction error and encode time). A missing or\ncorrupt file or an absent "
            "camera exits 2 with a message. With --learn a small network runs on the encoded\n"
            "stream; on the synthetic scene, whose frames are labelled with the shape shown, "
            "it\nlearns online (on any other source it only runs, for its cost) and learn.csv "
            "gets its curve\n(frame,seconds,samples,train_acc,test_acc,"
            "loss,adds,mults,energy_mj,inference_adds,inference_mults; train_acc is\non frames "
            "predicted before they were learned, test_acc on 200 frames of a held-out\nscene; "
            "inference_* is what running the network cost per frame). frames.csv then\nadds "
            "net_adds,net_mults: the network's operations on each frame (ICLR'18 Fig. 8).\n"
            "With --fps-sweep, rate.csv instead of frames.csv: per frame rate\n"
            "fps,frames,events_per_frame,events_per_second,recon_mse,values_per_second and,\n"
            "with --learn, net_adds_per_frame,net_mults_per_frame,net_adds_per_second,\n"
            "net_mults_per_second,dense_mults_per_second (the MLP of the same sizes),\n"
            "net_energy_uj_per_second,dense_energy_uj_per_second (Horowitz 32-bit int) and\n"
            "change_input,change_hidden,change_output (ICLR'18 App. H Fig. 12: the mean\n"
            "|a_t - a_t-1| / (2(|a_t| + |a_t-1|)) of the dense net's activations).",
        .parameters = parameters(),
        .outputs = {"frames.csv", "learn.csv", "rate.csv", "summary.json"},
        .needsVideo = true,
        .upgrade = upgrade};
    return experiment;
}

} // namespace sdlab
