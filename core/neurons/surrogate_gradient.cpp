#include "neurons/surrogate_gradient.h"

#include "util/name_table.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace sdlab {

namespace {

constexpr std::array<std::pair<const char*, SurrogateKind>, 5> kSurrogateNames{{
    {"atan", SurrogateKind::Atan},
    {"sigmoid", SurrogateKind::Sigmoid},
    {"fast-sigmoid", SurrogateKind::FastSigmoid},
    {"triangular", SurrogateKind::Triangular},
    {"straight-through", SurrogateKind::StraightThrough},
}};

} // namespace

std::optional<SurrogateKind> parseSurrogateKind(std::string_view name) {
    return lookupName(kSurrogateNames, name);
}

const char* surrogateKindName(SurrogateKind kind) {
    return nameIn(kSurrogateNames, kind);
}

SurrogateGradient SurrogateGradient::withDefaultSlope(SurrogateKind kind) {
    switch (kind) {
    case SurrogateKind::Atan:
        return {kind, 2.0};
    case SurrogateKind::Sigmoid:
    case SurrogateKind::FastSigmoid:
        return {kind, 25.0};
    case SurrogateKind::Triangular:
    case SurrogateKind::StraightThrough:
        break;
    }
    return {kind, 1.0};
}

double SurrogateGradient::derivative(double x) const {
    const double s = slope;
    switch (kind) {
    case SurrogateKind::Atan: {
        const double z = std::numbers::pi * s * x / 2.0;
        return (s / 2.0) / (1.0 + z * z);
    }
    case SurrogateKind::Sigmoid: {
        // k·e^{−kx}/(1 + e^{−kx})² = k·σ(kx)·(1 − σ(kx)), which never overflows.
        const double sigma = 1.0 / (1.0 + std::exp(-s * x));
        return s * sigma * (1.0 - sigma);
    }
    case SurrogateKind::FastSigmoid: {
        const double d = 1.0 + s * std::abs(x);
        return 1.0 / (d * d);
    }
    case SurrogateKind::Triangular:
        return std::max(0.0, 1.0 - std::abs(x) / s) / s;
    case SurrogateKind::StraightThrough:
        break;
    }
    return 1.0;
}

double SurrogateGradient::smoothStep(double x) const {
    const double s = slope;
    switch (kind) {
    case SurrogateKind::Atan:
        return 0.5 + std::atan(std::numbers::pi * s * x / 2.0) / std::numbers::pi;
    case SurrogateKind::Sigmoid:
        return 1.0 / (1.0 + std::exp(-s * x));
    case SurrogateKind::FastSigmoid:
        return 0.5 + x / (1.0 + s * std::abs(x));
    case SurrogateKind::Triangular: {
        const double u = std::clamp(x / s, -1.0, 1.0); // ∫ of the triangle, area 1
        return 0.5 + (u >= 0.0 ? u - u * u / 2.0 : u + u * u / 2.0);
    }
    case SurrogateKind::StraightThrough:
        break;
    }
    return 0.5 + x;
}

std::string validationError(const SurrogateGradient& surrogate) {
    if (surrogate.kind != SurrogateKind::StraightThrough &&
        (!(surrogate.slope > 0.0) || !std::isfinite(surrogate.slope)))
        return std::string("the ") + surrogateKindName(surrogate.kind) +
               " surrogate's slope must be a positive number";
    return {};
}

} // namespace sdlab
