#pragma once

#include <string>

namespace sdlab {

// Gains of the PD (position-derivative) encoder/decoder pair, ICLR'18 eqs. 4-5, and
// their re-parametrisation (ICLR'18 App. D):
//   kα = kd / (kp + kd),  kβ = 1 / (kp + kd);  kp = (1 − kα)/kβ,  kd = kα/kβ.
// Valid when kp ≥ 0, kd ≥ 0, kp + kd > 0 and both finite.
struct PdParams {
    double kp = 0.1;
    double kd = 1.0;

    double kAlpha() const { return kd / (kp + kd); }
    double kBeta() const { return 1.0 / (kp + kd); }

    // kα ∈ [0, 1], kβ > 0.
    static PdParams fromAlphaBeta(double kAlpha, double kBeta) {
        return {(1.0 - kAlpha) / kBeta, kAlpha / kBeta};
    }

    // Empty when valid, otherwise a sentence saying what is wrong.
    std::string validationError() const;
};

} // namespace sdlab
