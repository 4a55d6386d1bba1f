#include "experiments/channel_encoding_run.h"

#include "coding/pd_decoder.h"
#include "coding/pd_encoder.h"
#include "coding/sigma_delta_quantizer.h"
#include "encoders/delta_modulation_encoder.h"
#include "encoders/latency_encoder.h"
#include "encoders/rate_encoder.h"

#include <algorithm>
#include <cmath>

namespace sdlab {

namespace {
double inputAt(const std::vector<double>& channel, long step) {
    const std::size_t index = std::min(static_cast<std::size_t>(step - 1), channel.size() - 1);
    return channel[index];
}
} // namespace

std::vector<ChannelSpike> runChannelEncoding(const std::vector<std::vector<double>>& channels,
                                             const ChannelEncodingOptions& options) {
    // One encoder of the chosen kind per channel; each rate encoder gets its own seed
    // derived from the run's seed so channels are independent and reproducible.
    std::vector<RateEncoder> rate;
    std::vector<DeltaModulationEncoder> delta;
    std::vector<PdEncoder> pdEncoder;
    std::vector<SigmaDeltaQuantizer> quantizer;
    std::vector<long> latencyStep(channels.size(), 0);
    const LatencyEncoder latency{options.tau, options.threshold, options.linear, options.rounding};
    for (std::size_t c = 0; c < channels.size(); ++c) {
        rate.emplace_back(options.seed + 0x9E3779B97F4A7C15ULL * (c + 1));
        delta.emplace_back(options.threshold, options.offSpikes, options.reference);
        pdEncoder.emplace_back(options.pd);
        quantizer.emplace_back();
        if (!channels[c].empty())
            latencyStep[c] = latency.firingStep(channels[c].front(), options.steps).value_or(0);
    }
    std::vector<ChannelSpike> out;
    for (long t = 1; t <= options.steps; ++t) {
        for (std::size_t c = 0; c < channels.size(); ++c) {
            if (channels[c].empty())
                continue;
            const double x = inputAt(channels[c], t);
            double value = 0.0;
            switch (options.method) {
            case ChannelEncoding::Rate:
                value = rate[c].step(x);
                break;
            case ChannelEncoding::Latency:
                value = latencyStep[c] == t ? 1.0 : 0.0;
                break;
            case ChannelEncoding::Delta:
                value = delta[c].step(x);
                break;
            case ChannelEncoding::Pd:
                value = quantizer[c].step(pdEncoder[c].step(x));
                break;
            }
            if (value != 0.0)
                out.push_back({t, static_cast<long>(c), value});
        }
    }
    return out;
}

std::vector<std::vector<double>> decodeChannels(const std::vector<ChannelSpike>& spikes,
                                                std::size_t channelCount,
                                                const ChannelEncodingOptions& options) {
    const auto steps = static_cast<std::size_t>(std::max(0L, options.steps));
    std::vector<std::vector<double>> estimate(channelCount, std::vector<double>(steps, 0.0));
    std::vector<double> received(channelCount, 0.0); // this step's spike per channel
    std::vector<double> total(channelCount, 0.0);
    std::vector<double> held(channelCount, 0.0);
    std::vector<PdDecoder> pd(channelCount, PdDecoder(options.pd));
    std::size_t next = 0;
    for (std::size_t t = 1; t <= steps; ++t) {
        std::fill(received.begin(), received.end(), 0.0);
        for (; next < spikes.size() && spikes[next].step == static_cast<long>(t); ++next)
            if (spikes[next].channel >= 0 &&
                static_cast<std::size_t>(spikes[next].channel) < channelCount)
                received[static_cast<std::size_t>(spikes[next].channel)] += spikes[next].value;
        for (std::size_t c = 0; c < channelCount; ++c) {
            const double s = received[c];
            total[c] += s;
            double value = 0.0;
            switch (options.method) {
            case ChannelEncoding::Rate:
                value = total[c] / static_cast<double>(t);
                break;
            case ChannelEncoding::Delta:
                value = options.threshold * total[c];
                break;
            case ChannelEncoding::Pd:
                value = pd[c].step(s);
                break;
            case ChannelEncoding::Latency:
                if (s != 0.0) {
                    const double midpoint =
                        static_cast<double>(t) -
                        (options.rounding == LatencyRounding::Floor ? 0.5 : 1.0);
                    held[c] = options.linear
                                  ? 1.0 - midpoint / options.tau
                                  : options.threshold / (1.0 - std::exp(-midpoint / options.tau));
                }
                value = held[c];
                break;
            }
            estimate[c][t - 1] = value;
        }
    }
    return estimate;
}

} // namespace sdlab
