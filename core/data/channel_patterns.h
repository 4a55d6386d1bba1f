#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace sdlab {

// Built-in multi-channel inputs in [0, 1] for the encoders (the Encoders lab and
// `sdlab-cli encode` without --input). Sine: a slow wave 0.5 + 0.45·sin(2π(t/T + c/(C−1)))
// phase-shifted across channels; ramp: channel c holds c/(C − 1); random: each channel
// holds a seeded U(0, 1) level. Static patterns have one row (a channel shorter than the
// run holds its last value).
enum class ChannelPattern { Sine, Ramp, Random };
std::optional<ChannelPattern> parseChannelPattern(std::string_view name);
std::vector<std::vector<double>> makeChannelPattern(ChannelPattern pattern, int channels,
                                                    long steps, std::uint64_t seed);

} // namespace sdlab
