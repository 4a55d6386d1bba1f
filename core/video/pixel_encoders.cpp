#include "video/pixel_encoders.h"

#include "video/pd_pixel_kernel.h"

#include <algorithm>

namespace sdlab {

namespace {

void countEvents(EncodedFrame& out) {
    out.eventsOn = static_cast<long>(out.events.max(0.0F).sum());
    out.eventsOff = static_cast<long>((-out.events).max(0.0F).sum());
}

void resizeOutput(EncodedFrame& out, Eigen::Index n) {
    if (out.events.size() != n)
        out.events.resize(n);
    if (out.reconstruction.size() != n)
        out.reconstruction.resize(n);
}

} // namespace

PdPixelEncoder::PdPixelEncoder(PdParams params, bool autoTune, PdAutoTunerSettings tuner)
    : m_params(params), m_autoTune(autoTune), m_tunerSettings(tuner), m_tuner(tuner) {}

void PdPixelEncoder::reset() {
    m_started = false;
    m_tuner = PdAutoTuner(m_tunerSettings);
}

void PdPixelEncoder::setParams(PdParams params) {
    if (!m_autoTune)
        m_params = params;
}

void PdPixelEncoder::encode(const Eigen::ArrayXf& x, EncodedFrame& out) {
    const Eigen::Index n = x.size();
    if (!m_started || m_last.size() != n) { // encoder, quantizer and decoder start at zero
        m_last.setZero(n);
        m_phi.setZero(n);
        m_y.setZero(n);
        m_started = true;
    }
    if (m_autoTune)
        m_params = m_tuner.update(static_cast<double>(x.abs().mean()));
    resizeOutput(out, n);
    const auto kp = static_cast<float>(m_params.kp), kd = static_cast<float>(m_params.kd);
    const auto kAlpha = static_cast<float>(m_params.kAlpha());
    const auto kBeta = static_cast<float>(m_params.kBeta());
    // One pass over memory, every step fused per pixel (six Eigen passes over 640×480
    // floats cost 7× the bandwidth bound, blocks of them in cache still 3.4×).
    const bool avx2 = cpuHasAvx2();
    const PdPixelGains gains{kp, kd, kAlpha, kBeta};
    constexpr Eigen::Index kBlock = 4096; // its uint32 counts cannot wrap for frames in [0, 1]
    long on = 0, off = 0;
    for (Eigen::Index start = 0; start < n; start += kBlock) {
        const auto size = static_cast<int>(std::min(kBlock, n - start));
        const PdPixelCounts counts = (avx2 ? pdPixelBlockAvx2 : pdPixelBlockSse2)(
            gains, x.data() + start, m_last.data() + start, m_phi.data() + start,
            m_y.data() + start, out.events.data() + start, out.reconstruction.data() + start, size);
        on += counts.on;
        off += counts.off;
    }
    out.eventsOn = on;
    out.eventsOff = off;
}

DeltaPixelEncoder::DeltaPixelEncoder(float onThreshold, float offThreshold, int refractoryFrames)
    : m_on(onThreshold), m_off(offThreshold), m_refractory(refractoryFrames) {}

void DeltaPixelEncoder::reset() {
    m_started = false;
}

void DeltaPixelEncoder::setThresholds(float onThreshold, float offThreshold, int refractoryFrames) {
    m_on = onThreshold;
    m_off = offThreshold;
    m_refractory = refractoryFrames;
}

void DeltaPixelEncoder::encode(const Eigen::ArrayXf& x, EncodedFrame& out) {
    const Eigen::Index n = x.size();
    resizeOutput(out, n);
    if (!m_started || m_reference.size() != n) {
        m_reference = x;
        m_quiet.setZero(n);
        m_started = true;
        out.events.setZero();
        out.reconstruction = m_reference;
        countEvents(out);
        return;
    }
    for (Eigen::Index i = 0; i < n; ++i) {
        float event = 0.0F;
        if (m_quiet(i) > 0) {
            --m_quiet(i);
        } else {
            const float change = x(i) - m_reference(i);
            event = change > m_on ? 1.0F : (-change > m_off ? -1.0F : 0.0F);
            if (event != 0.0F) {
                m_reference(i) = x(i);
                m_quiet(i) = m_refractory;
            }
        }
        out.events(i) = event;
    }
    out.reconstruction = m_reference;
    countEvents(out);
}

RatePixelEncoder::RatePixelEncoder(double window, std::uint64_t seed)
    : m_rate(static_cast<float>(1.0 / std::max(1.0, window))), m_seed(seed),
      m_engine(static_cast<std::uint32_t>(seed)) {}

void RatePixelEncoder::setWindow(double window) {
    m_rate = static_cast<float>(1.0 / std::max(1.0, window));
}

void RatePixelEncoder::reset() {
    m_engine.seed(static_cast<std::uint32_t>(m_seed));
    m_mean.resize(0);
}

void RatePixelEncoder::encode(const Eigen::ArrayXf& x, EncodedFrame& out) {
    const Eigen::Index n = x.size();
    resizeOutput(out, n);
    if (m_mean.size() != n)
        m_mean.setZero(n);
    std::uniform_real_distribution<float> uniform(0.0F, 1.0F);
    for (Eigen::Index i = 0; i < n; ++i)
        out.events(i) = uniform(m_engine) < x(i) ? 1.0F : 0.0F;
    m_mean += m_rate * (out.events - m_mean);
    out.reconstruction = m_mean;
    countEvents(out);
}

} // namespace sdlab
