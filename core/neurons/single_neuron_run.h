#pragma once

#include "neurons/reset_mechanism.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sdlab {

// One neuron of core/neurons/ driven by a current trace: the Neuron lab and `sdlab-cli
// neuron` (snnTorch tutorials 1-3).
enum class SingleNeuronKind { Leaky, Lapicque, Synaptic, RecurrentLeaky };
std::optional<SingleNeuronKind> parseSingleNeuronKind(std::string_view name); // "rleaky"
const char* singleNeuronKindName(SingleNeuronKind kind);

struct SingleNeuronSettings {
    SingleNeuronKind kind = SingleNeuronKind::Leaky;
    double beta = 0.9;  // Leaky, Synaptic, RLeaky; Lapicque when R and C are not given
    double alpha = 0.8; // Synaptic current decay
    SpikingNeuronParams neuron;
    std::optional<double> resistance, capacitance; // Lapicque: both or neither
    double dt = 1.0;                               // Lapicque Euler step
    double recurrentWeight = 0.5;                  // RLeaky one-to-one V
};
// One sentence naming the bad parameter, or empty.
std::string validationError(const SingleNeuronSettings& settings);

struct SingleNeuronTrace {
    std::vector<double> synaptic; // I_syn per step (Synaptic only, else empty)
    std::vector<double> membrane, spikes, resets;
    long spikeCount = 0;
    std::optional<long> firstSpike; // 1-based step
};
// Steps t = 1..N with current[t−1]; InputError on bad settings.
SingleNeuronTrace runSingleNeuron(const SingleNeuronSettings& settings,
                                  const std::vector<double>& current);

// Built-in currents (N steps, amplitude A): step (0 for the first tenth, then A), ramp
// (0 to A), noise (A·U(0, 1) per step, seeded), pulses (A on every `period`-th step).
enum class CurrentShape { Step, Ramp, Noise, Pulses };
std::optional<CurrentShape> parseCurrentShape(std::string_view name);
std::vector<double> makeCurrent(CurrentShape shape, double amplitude, std::size_t steps, int period,
                                std::uint64_t seed);

// The f-I curve: spikes per step under each constant current over `steps` steps.
std::vector<double> firingRates(const SingleNeuronSettings& settings,
                                const std::vector<double>& currents, std::size_t steps);

} // namespace sdlab
