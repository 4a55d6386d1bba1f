#include "video/video_encoding_run.h"

#include "io/input_error.h"

#include <chrono>
#include <cmath>
#include <cstdio>

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
    case PixelEncoding::Rate: return std::make_unique<RatePixelEncoder>(s.rateWindow, s.seed);
    case PixelEncoding::Pd: break;
    }
    return std::make_unique<PdPixelEncoder>(s.pd, s.autoTune);
}

VideoEncodingResult runVideoEncoding(const VideoEncodingSettings& s,
                                     const ProgressCallback& progress) {
    if (const std::string error = validationError(s); !error.empty())
        throw InputError(error);
    const std::unique_ptr<VideoSource> source = openVideoSource(s.source);
    VideoEncodingResult result;
    result.description = source->description();
    result.nativeFps = source->nativeFps();
    result.fps = s.fps > 0.0 ? s.fps : result.nativeFps;
    if (result.fps > result.nativeFps + 1e-9)
    {
        char message[160];
        std::snprintf(message, sizeof message,
                      "fps %g is above the source's own %g fps; it can only be decimated",
                      result.fps, result.nativeFps);
        throw InputError(message);
    }
    const double keepEvery = result.nativeFps / result.fps; // ≥ 1 source frames per kept one
    const std::unique_ptr<PixelEncoder> encoder = makePixelEncoder(s);
    VideoFrame frame;
    EncodedFrame encoded;
    double nextKept = 0.0;
    result.rows.reserve(static_cast<std::size_t>(std::min(s.frames, 100'000L)));
    for (long sourceIndex = 0; static_cast<long>(result.rows.size()) < s.frames; ++sourceIndex) {
        if (!source->read(frame))
            break;
        if (static_cast<double>(sourceIndex) + 1e-9 < nextKept)
            continue; // decimated away
        nextKept += keepEvery;
        const auto start = std::chrono::steady_clock::now();
        encoder->encode(frame.pixels, encoded);
        const auto end = std::chrono::steady_clock::now();
        VideoFrameRow row;
        row.frame = static_cast<long>(result.rows.size());
        row.eventsOn = encoded.eventsOn;
        row.eventsOff = encoded.eventsOff;
        row.reconstructionMse =
            static_cast<double>((encoded.reconstruction - frame.pixels).square().mean());
        row.encodeMs = std::chrono::duration<double, std::milli>(end - start).count();
        result.rows.push_back(row);
        result.width = frame.width;
        result.height = frame.height;
        if (progress && !progress(result.rows.size(), static_cast<std::size_t>(s.frames))) {
            result.cancelled = true;
            break;
        }
    }
    return result;
}

} // namespace sdlab
