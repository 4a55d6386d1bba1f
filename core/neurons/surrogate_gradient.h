#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sdlab {

// The backward pass of a spike (snnTorch paper §IV-D, Fig. 9; spec §10): the forward pass
// is H(x), x = U − θ; the backward pass replaces dS/dU by g(x).
enum class SurrogateKind {
    Atan,            // (α/2)/(1 + (π·α·x/2)²), α = 2
    Sigmoid,         // k·e^{−kx}/(1 + e^{−kx})², k = 25
    FastSigmoid,     // 1/(1 + k·|x|)², k = 25
    Triangular,      // max(0, 1 − |x|/w)/w, width w = 1 (snnTorch's flips the sign: not here)
    StraightThrough, // 1
};

std::optional<SurrogateKind> parseSurrogateKind(std::string_view name); // "fast-sigmoid"
const char* surrogateKindName(SurrogateKind kind);

struct SurrogateGradient {
    SurrogateKind kind = SurrogateKind::Atan;
    double slope = 2.0; // α, k or w as the kind says; ignored by straight-through

    static SurrogateGradient withDefaultSlope(SurrogateKind kind);
    // g(x)
    double derivative(double x) const;
    // The smooth step whose derivative g is, through (0, ½): what the surrogate
    // pretends H is (a sigmoid-like curve; straight-through's is the line ½ + x).
    double smoothStep(double x) const;
};
// One sentence naming the problem (slope ≤ 0), or empty.
std::string validationError(const SurrogateGradient& surrogate);

} // namespace sdlab
