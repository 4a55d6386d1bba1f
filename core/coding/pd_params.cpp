#include "coding/pd_params.h"

#include <cmath>

namespace sdlab {

std::string PdParams::validationError() const {
    if (!std::isfinite(kp) || !std::isfinite(kd))
        return "kp and kd must be finite numbers";
    if (kp < 0.0)
        return "kp must not be negative";
    if (kd < 0.0)
        return "kd must not be negative";
    if (kp + kd <= 0.0)
        return "kp + kd must be positive: the decoder divides by it";
    return {};
}

} // namespace sdlab
