#include "neurons/reset_mechanism.h"

#include "util/name_table.h"

#include <array>
#include <cmath>

namespace sdlab {

namespace {

constexpr std::array<std::pair<const char*, ResetMechanism>, 3> kResetNames{{
    {"subtract", ResetMechanism::Subtract},
    {"zero", ResetMechanism::Zero},
    {"none", ResetMechanism::None},
}};

} // namespace

std::optional<ResetMechanism> parseResetMechanism(std::string_view name) {
    return lookupName(kResetNames, name);
}

const char* resetMechanismName(ResetMechanism reset) {
    return nameIn(kResetNames, reset);
}

std::string validationError(const SpikingNeuronParams& params) {
    if (!(params.threshold > 0.0) || !std::isfinite(params.threshold))
        return "the threshold must be a positive number, got " + std::to_string(params.threshold);
    return {};
}

} // namespace sdlab
