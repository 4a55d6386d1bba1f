#pragma once

#include "coding/pd_params.h"
#include "encoders/delta_modulation_encoder.h"
#include "encoders/latency_encoder.h"

#include <cstdint>
#include <vector>

namespace sdlab {

enum class ChannelEncoding { Rate, Latency, Delta, Pd };

struct ChannelEncodingOptions {
    ChannelEncoding method = ChannelEncoding::Pd;
    long steps = 100;
    std::uint64_t seed = 1;  // rate
    double tau = 5.0;        // latency
    double threshold = 0.01; // latency: θ; delta: the change that fires a spike
    bool linear = false;     // latency
    LatencyRounding rounding = LatencyRounding::Floor;    // latency
    bool offSpikes = true;                                // delta
    DeltaReference reference = DeltaReference::LastSpike; // delta
    PdParams pd{};                                        // pd
};

struct ChannelSpike {
    long step = 0; // 1-based
    long channel = 0;
    double value = 0.0;
};

// Encodes several channels with one encoder each (snnTorch paper §II-B, spec §8, or PD +
// sigma-delta, spec §2). channels[c] is channel c's input over time (row r = step r+1);
// a channel shorter than `steps` holds its last value, so one row is a static input.
// Latency coding encodes each channel's first value. Returns the non-zero outputs,
// ordered by step, then channel. Shared by `sdlab-cli encode` and the Encoders lab.
std::vector<ChannelSpike> runChannelEncoding(const std::vector<std::vector<double>>& channels,
                                             const ChannelEncodingOptions& options);

// The receiver's estimate of each channel from its spikes alone, per step t = 1..steps
// (result[c][t−1]): rate: running mean of the spikes; latency: from the spike's step k
// on, the input whose firing time is the middle of the times the step holds, m = k − ½
// (floor) or k − 1 (nearest): x = θ/(1 − e^{−m/τ}), linear 1 − m/τ; 0 before; delta: θ·Σ_{τ≤t} s_τ
// (the reference, up to the overshoot); PD: the decoder of spec §2. Spikes must be ordered by step.
std::vector<std::vector<double>> decodeChannels(const std::vector<ChannelSpike>& spikes,
                                                std::size_t channelCount,
                                                const ChannelEncodingOptions& options);

} // namespace sdlab
