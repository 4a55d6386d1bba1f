#pragma once

#include "coding/pd_auto_tuner.h"
#include "coding/pd_params.h"

#include <Eigen/Core>
#include <cstdint>
#include <memory>
#include <random>
#include <string>

namespace sdlab {

// What a per-pixel encoder makes of one frame: signed events per pixel (ON > 0,
// OFF < 0; PD events may count more than one), the receiver's reconstruction, and the
// ON and OFF event totals.
struct EncodedFrame {
    Eigen::ArrayXf events;
    Eigen::ArrayXf reconstruction;
    long eventsOn = 0;
    long eventsOff = 0;
};

// Every pixel of a frame is one channel of the encoder (spec §9); the first frame
// after reset() sets the size. All state is per pixel; encode() allocates only when
// the frame size changes.
class PixelEncoder {
  public:
    virtual ~PixelEncoder() = default;
    virtual void encode(const Eigen::ArrayXf& frame, EncodedFrame& out) = 0;
    virtual void reset() = 0;
};

// PD + sigma-delta per pixel (ICLR'18 eqs. 3-5, §3.2): a = kp·x + kd·(x − x_prev),
// s = Q(a) with the residual φ, reconstruction y = kβ·s + kα·y_prev. Optionally
// auto-tuned (App. E.2) on the frame's mean |x|. One fused pass over the frame.
class PdPixelEncoder : public PixelEncoder {
  public:
    explicit PdPixelEncoder(PdParams params, bool autoTune = false, PdAutoTunerSettings tuner = {});
    void encode(const Eigen::ArrayXf& frame, EncodedFrame& out) override;
    void reset() override;
    const PdParams& params() const { return m_params; }
    // New gains from the next frame on; the per-pixel state carries over, so a slider
    // drag changes the stream without restarting it. Ignored while auto-tuning.
    void setParams(PdParams params);
    bool autoTunes() const { return m_autoTune; }

  private:
    PdParams m_params;
    bool m_autoTune;
    PdAutoTunerSettings m_tunerSettings;
    PdAutoTuner m_tuner;
    Eigen::ArrayXf m_last, m_phi, m_y;
    bool m_started = false;
};

// Event-camera style delta modulation per pixel (as in v2e/ESIM, on intensity): an
// ON event when x − ref > θ_on, OFF when ref − x > θ_off; the reference jumps to x at
// each event, and the pixel then ignores `refractoryFrames` frames. The receiver's
// reconstruction is the reference. The first frame sets the references (no events).
class DeltaPixelEncoder : public PixelEncoder {
  public:
    DeltaPixelEncoder(float onThreshold, float offThreshold, int refractoryFrames);
    void encode(const Eigen::ArrayXf& frame, EncodedFrame& out) override;
    void reset() override;
    // From the next frame on; references and refractory counters carry over.
    void setThresholds(float onThreshold, float offThreshold, int refractoryFrames);

  private:
    float m_on, m_off;
    int m_refractory;
    Eigen::ArrayXf m_reference;
    Eigen::ArrayXi m_quiet; // frames left in the refractory period
    bool m_started = false;
};

// Rate coding per pixel (snnTorch §II-B): an ON event with probability x each frame;
// the reconstruction is an exponential running mean of the events with time constant
// `window` frames. Seeded.
class RatePixelEncoder : public PixelEncoder {
  public:
    RatePixelEncoder(double window, std::uint64_t seed);
    void encode(const Eigen::ArrayXf& frame, EncodedFrame& out) override;
    void reset() override;
    void setWindow(double window); // from the next frame on

  private:
    float m_rate;
    std::uint64_t m_seed;
    std::mt19937 m_engine;
    Eigen::ArrayXf m_mean;
};

} // namespace sdlab
