#pragma once

#include "coding/pd_params.h"
#include "util/progress.h"
#include "video/pixel_encoders.h"
#include "video/video_backend.h"
#include "video/video_source.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace sdlab {

enum class PixelEncoding { Pd, Delta, Rate };

// One video through one per-pixel encoder (spec §9, ICLR'18 Fig. 8): what sdlab-cli
// video runs and the Video lab shares.
struct VideoEncodingSettings {
    VideoSourceSettings source;
    long frames = 300; // frames encoded (fewer when a file ends first)
    double fps = 0.0;  // decimate the source to this rate; 0 = the source's own
    PixelEncoding encoding = PixelEncoding::Pd;
    PdParams pd{0.1, 2.0};
    bool autoTune = false;
    float onThreshold = 0.1F;
    float offThreshold = 0.1F;
    int refractoryFrames = 0;
    double rateWindow = 10.0; // rate: frames in the running mean
    std::uint64_t seed = 1;   // rate coding's draws
};

struct VideoFrameRow {
    long frame = 0; // index among the encoded frames
    long eventsOn = 0;
    long eventsOff = 0;
    double reconstructionMse = 0.0;
    double encodeMs = 0.0;
};

struct VideoEncodingResult {
    std::vector<VideoFrameRow> rows;
    std::string description;
    double nativeFps = 0.0;
    double fps = 0.0;
    int width = 0;
    int height = 0;
    bool cancelled = false;
};

// Empty when valid, else a sentence naming the wrong setting.
std::string validationError(const VideoEncodingSettings& settings);
std::unique_ptr<PixelEncoder> makePixelEncoder(const VideoEncodingSettings& settings);

struct VideoPipelineStep;
// Sees every encoded frame (e.g. to learn from it), on the calling thread.
using VideoFrameObserver = std::function<void(const VideoPipelineStep&)>;

// Opens the source (InputError as openVideoSource), keeps every (native/fps)-th frame
// and encodes it; progress gets (frames done, frames wanted).
VideoEncodingResult runVideoEncoding(const VideoBackend& backend,
                                     const VideoEncodingSettings& settings,
                                     const ProgressCallback& progress = {},
                                     const VideoFrameObserver& observer = {});

} // namespace sdlab
