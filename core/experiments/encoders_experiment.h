#pragma once

#include "experiment/parameter_values.h"
#include "experiments/channel_encoding_run.h"

#include <string>
#include <vector>

namespace sdlab {

// The Encoders lab's and `sdlab-cli encode`'s input: one column per channel of "input",
// or the built-in "pattern" of "channels" channels. With `forRate`, values outside
// [0, 1] are refused (rate coding fires with probability x).
struct EncoderInput {
    std::vector<std::vector<double>> channels;
    std::vector<std::string> names; // column names, or "0", "1", …
};
EncoderInput encoderInputFrom(const ParameterValues& values, bool forRate);
// The settings of one encoder: its threshold is "threshold" when set (the command line's
// one for the chosen method), else "latency-threshold" or "delta-threshold".
ChannelEncodingOptions encodingOptionsFrom(const ParameterValues& values, ChannelEncoding method);

} // namespace sdlab
