#include "encoders/encoder_conventions.h"

#include "util/name_table.h"

#include <array>

namespace sdlab {

namespace {

constexpr std::array<std::pair<const char*, LatencyRounding>, 2> kRoundings{
    {{"floor", LatencyRounding::Floor}, {"nearest", LatencyRounding::Nearest}}};
constexpr std::array<std::pair<const char*, DeltaReference>, 2> kReferences{
    {{"last-spike", DeltaReference::LastSpike},
     {"previous-sample", DeltaReference::PreviousSample}}};

} // namespace

std::optional<LatencyRounding> parseLatencyRounding(std::string_view name) {
    return lookupName(kRoundings, name);
}
const char* latencyRoundingName(LatencyRounding rounding) {
    return nameIn(kRoundings, rounding);
}
std::optional<DeltaReference> parseDeltaReference(std::string_view name) {
    return lookupName(kReferences, name);
}
const char* deltaReferenceName(DeltaReference reference) {
    return nameIn(kReferences, reference);
}

} // namespace sdlab
