#pragma once

#include "util/progress.h"
#include "video/online_video_learner.h"
#include "video/video_encoding_run.h"

#include <optional>
#include <string>
#include <vector>

namespace sdlab {

// The same seconds of video at several frame rates, lower rates made by keeping every
// n-th frame as ICLR'18 App. H does, through the per-pixel encoder and optionally a
// network: ICLR'18 Fig. 8 (compute per second vs frame rate), App. H Fig. 12 (relative
// change of each layer's activations) and thesis Fig. 4.5.
struct FrameRateSweepSettings {
    std::vector<double> rates;   // frames per second; empty = defaultSweepRates()
    double secondsPerRate = 4.0; // of source video at each rate (at least 4 frames)
    // Run on every frame, inference only, streamed (its state carried from frame to
    // frame) with its seeded initial weights: a file has no labels to learn from.
    std::optional<OnlineLearningSettings> network;
};

// ICLR'18 Fig. 8's span, 1 to 30 fps, up to the source's own rate, which ends the list.
std::vector<double> defaultSweepRates(double nativeFps);

// Means per frame are over the frames after the first, which starts from the encoders'
// and the network's zero state and so costs a whole frame's worth (a quarter of the
// lowest rate's 4 frames, a 120th of 30 fps's: it would bias the comparison).
struct FrameRateRow {
    double fps = 0.0;
    long frames = 0;             // encoded, the first included
    double eventsPerFrame = 0.0; // ON + OFF over every pixel and channel
    double reconstructionMse = 0.0;
    double valuesPerFrame = 0.0; // pixels × channels: what sending every value costs
    // With a network: its inference cost per frame (InferenceCost's count) and the dense
    // network's, the MLP of the same sizes (Σ d_in·d_out multiply-adds on every frame).
    double netAddsPerFrame = 0.0, netMultsPerFrame = 0.0;
    double denseMultsPerFrame = 0.0;
    // ICLR'18 App. H Fig. 12 in the dense network: the mean over consecutive frames of
    // ‖a_t − a_{t−1}‖₁ / (2(‖a_t‖₁ + ‖a_{t−1}‖₁)) for its input, hidden layer and output
    // logits (0 where both are zero).
    std::vector<double> relativeChange;
};

struct FrameRateSweep {
    std::string description; // the source swept
    double nativeFps = 0.0;
    int width = 0, height = 0;
    std::vector<FrameRateRow> rows;
    bool cancelled = false;
};

// What a frame costs in energy on Horowitz's 32-bit integer figures (as the Learning
// lab counts), the scale ICLR'18 Fig. 8 compares additions and multiply-adds on: the
// network's, and the dense MLP's (each multiply-add a multiply and an add), in pJ.
double networkEnergyPjPerFrame(const FrameRateRow& row);
double denseEnergyPjPerFrame(const FrameRateRow& row);

// The layer names of FrameRateRow::relativeChange, input first.
std::vector<std::string> relativeChangeLayerNames();

// InputError when the source cannot be opened, is live (a camera or stream cannot be
// replayed at several rates) or a setting is invalid. progress gets (frames done, frames
// of every rate); returning false cancels.
FrameRateSweep runFrameRateSweep(const VideoBackend& backend, const VideoEncodingSettings& encoding,
                                 const FrameRateSweepSettings& settings,
                                 const ProgressCallback& progress = {});

// ‖a − b‖₁ / (2(‖a‖₁ + ‖b‖₁)), 0 when both are zero (ICLR'18 App. H).
double relativeActivationChange(const Eigen::VectorXd& current, const Eigen::VectorXd& previous);

} // namespace sdlab
