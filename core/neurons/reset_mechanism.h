#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sdlab {

// What a spiking neuron does after it fires (spec §10, snnTorch's reset_mechanism): the
// reset R_t = H(U_{t−1} − θ) is taken from the previous step's membrane.
enum class ResetMechanism {
    Subtract, // U loses θ
    Zero,     // U is set to zero (what exactly is zeroed depends on the neuron)
    None,     // no reset
};

std::optional<ResetMechanism> parseResetMechanism(std::string_view name); // "subtract"
const char* resetMechanismName(ResetMechanism reset);

// The parameters every neuron shares.
struct SpikingNeuronParams {
    double threshold = 1.0; // θ > 0
    ResetMechanism reset = ResetMechanism::Subtract;
};
// One sentence naming the bad parameter, or empty when valid.
std::string validationError(const SpikingNeuronParams& params);

} // namespace sdlab
