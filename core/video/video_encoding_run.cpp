#include "video/video_encoding_run.h"

#include "io/input_error.h"
#include "video/video_pipeline.h"

#include <algorithm>

namespace sdlab {

std::string validationError(const VideoEncodingSettings& s) {
    if (s.frames < 1 || s.frames > 10'000'000)
        return "frames must be 1..10000000";
    if (!(s.fps >= 0.0) || s.fps > 1000.0)
        return "fps must be 0 (the source's rate) or up to 1000";
    if (s.encoding == PixelEncoding::Pd && !s.autoTune)
        if (std::string error = s.pd.validationError(); !error.empty())
            return "kp/kd: " + error;
    if (!(s.onThreshold > 0.0F) || !(s.offThreshold > 0.0F) || s.onThreshold > 1.0F ||
        s.offThreshold > 1.0F)
        return "the ON and OFF thresholds must be in (0, 1]";
    if (s.refractoryFrames < 0 || s.refractoryFrames > 1000)
        return "the refractory period must be 0..1000 frames";
    if (!(s.rateWindow >= 1.0) || s.rateWindow > 1e6)
        return "the rate window must be 1..1e6 frames";
    return {};
}

std::unique_ptr<PixelEncoder> makePixelEncoder(const VideoEncodingSettings& s) {
    switch (s.encoding) {
    case PixelEncoding::Delta:
        return std::make_unique<DeltaPixelEncoder>(s.onThreshold, s.offThreshold,
                                                   s.refractoryFrames);
    case PixelEncoding::Rate:
        return std::make_unique<RatePixelEncoder>(s.rateWindow, s.seed);
    case PixelEncoding::Pd:
        break;
    }
    return std::make_unique<PdPixelEncoder>(s.pd, s.autoTune);
}

VideoEncodingResult runVideoEncoding(const VideoBackend& backend, const VideoEncodingSettings& s,
                                     const ProgressCallback& progress,
                                     const VideoFrameObserver& observer) {
    if (const std::string error = validationError(s); !error.empty())
        throw InputError(error);
    VideoPipeline pipeline(backend.openSource(s.source), s);
    VideoEncodingResult result;
    result.description = pipeline.source().description();
    result.nativeFps = pipeline.source().nativeFps();
    result.fps = pipeline.fps();
    VideoPipelineStep step;
    result.rows.reserve(static_cast<std::size_t>(std::min(s.frames, 100'000L)));
    while (static_cast<long>(result.rows.size()) < s.frames && pipeline.next(step)) {
        VideoFrameRow row;
        row.frame = step.index;
        row.eventsOn = step.encoded.eventsOn;
        row.eventsOff = step.encoded.eventsOff;
        row.reconstructionMse = step.reconstructionMse;
        row.encodeMs = step.encodeMs;
        result.rows.push_back(row);
        result.width = step.frame.width;
        result.height = step.frame.height;
        if (observer)
            observer(step);
        if (progress && !progress(result.rows.size(), static_cast<std::size_t>(s.frames))) {
            result.cancelled = true;
            break;
        }
    }
    return result;
}

} // namespace sdlab
