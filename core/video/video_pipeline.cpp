#include "video/video_pipeline.h"

#include "io/input_error.h"

#include <chrono>
#include <cstdio>

namespace sdlab {

namespace {

double millisecondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

} // namespace

VideoPipeline::VideoPipeline(std::unique_ptr<VideoSource> source,
                             const VideoEncodingSettings& settings)
    : m_source(std::move(source)) {
    setEncoding(settings);
    setFps(settings.fps);
}

void VideoPipeline::setSource(std::unique_ptr<VideoSource> source) {
    m_source = std::move(source);
    m_sourceIndex = 0;
    m_nextKept = 0.0;
    setFps(m_settings.fps > m_source->nativeFps() ? 0.0 : m_settings.fps);
}

void VideoPipeline::setFps(double fps) {
    const double native = m_source->nativeFps();
    if (!(fps >= 0.0) || fps > native + 1e-9) {
        char message[160];
        std::snprintf(message, sizeof message,
                      "fps %g is above the source's own %g fps; it can only be decimated", fps,
                      native);
        throw InputError(message);
    }
    m_settings.fps = fps;
    m_fps = fps > 0.0 ? fps : native;
    m_keepEvery = native / m_fps;
    m_nextKept = static_cast<double>(m_sourceIndex); // keep the next frame read
}

void VideoPipeline::setEncoding(const VideoEncodingSettings& settings) {
    if (const std::string error = validationError(settings); !error.empty())
        throw InputError(error);
    const bool sameKind = m_encoder && settings.encoding == m_settings.encoding &&
                          settings.autoTune == m_settings.autoTune &&
                          settings.seed == m_settings.seed;
    const double fps = m_settings.fps;
    m_settings = settings;
    m_settings.fps = fps; // the rate changes through setFps only
    if (!sameKind) {
        m_encoder = makePixelEncoder(settings);
        return;
    }
    switch (settings.encoding) {
    case PixelEncoding::Pd:
        static_cast<PdPixelEncoder&>(*m_encoder).setParams(settings.pd);
        break;
    case PixelEncoding::Delta:
        static_cast<DeltaPixelEncoder&>(*m_encoder)
            .setThresholds(settings.onThreshold, settings.offThreshold, settings.refractoryFrames);
        break;
    case PixelEncoding::Rate:
        static_cast<RatePixelEncoder&>(*m_encoder).setWindow(settings.rateWindow);
        break;
    }
}

bool VideoPipeline::next(VideoPipelineStep& step) {
    const auto readStart = std::chrono::steady_clock::now(); // decimated frames included
    for (;;) {
        if (!m_source->read(step.frame))
            return false;
        const long sourceIndex = m_sourceIndex++;
        if (static_cast<double>(sourceIndex) + 1e-9 < m_nextKept)
            continue; // decimated away
        m_nextKept += m_keepEvery;
        step.readMs = millisecondsSince(readStart);
        const auto encodeStart = std::chrono::steady_clock::now();
        m_encoder->encode(step.frame.pixels, step.encoded);
        step.encodeMs = millisecondsSince(encodeStart);
        step.reconstructionMse =
            static_cast<double>((step.encoded.reconstruction - step.frame.pixels).square().mean());
        step.index = m_kept++;
        return true;
    }
}

} // namespace sdlab
