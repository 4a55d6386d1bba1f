#include "data/channel_patterns.h"

#include <cmath>
#include <numbers>
#include <random>

namespace sdlab {

std::optional<ChannelPattern> parseChannelPattern(std::string_view name) {
    if (name == "sine")
        return ChannelPattern::Sine;
    if (name == "ramp")
        return ChannelPattern::Ramp;
    if (name == "random")
        return ChannelPattern::Random;
    return std::nullopt;
}

std::vector<std::vector<double>> makeChannelPattern(ChannelPattern pattern, int channels,
                                                    long steps, std::uint64_t seed) {
    std::vector<std::vector<double>> input(static_cast<std::size_t>(channels));
    std::mt19937_64 engine(seed);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    for (int c = 0; c < channels; ++c) {
        auto& channel = input[static_cast<std::size_t>(c)];
        const double level = channels > 1 ? static_cast<double>(c) / (channels - 1) : 1.0;
        switch (pattern) {
        case ChannelPattern::Ramp:
            channel = {level};
            break;
        case ChannelPattern::Random:
            channel = {uniform(engine)};
            break;
        case ChannelPattern::Sine:
            channel.resize(static_cast<std::size_t>(steps));
            for (long t = 0; t < steps; ++t)
                channel[static_cast<std::size_t>(t)] =
                    0.5 +
                    0.45 * std::sin(2.0 * std::numbers::pi *
                                    (static_cast<double>(t) / static_cast<double>(steps) + level));
            break;
        }
    }
    return input;
}

} // namespace sdlab
