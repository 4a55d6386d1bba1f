#pragma once

#include "encoders/delta_modulation_encoder.h"
#include "encoders/latency_encoder.h"

#include <optional>
#include <string_view>

namespace sdlab {

// The command-line names of the encoders' conventions: "floor" | "nearest" and
// "last-spike" | "previous-sample".
std::optional<LatencyRounding> parseLatencyRounding(std::string_view name);
const char* latencyRoundingName(LatencyRounding rounding);
std::optional<DeltaReference> parseDeltaReference(std::string_view name);
const char* deltaReferenceName(DeltaReference reference);

} // namespace sdlab
