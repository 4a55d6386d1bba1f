#pragma once

#include "neurons/surrogate_gradient.h"

#include <vector>

namespace sdlab {

// A surrogate sampled beside the Heaviside it replaces (snnTorch paper Fig. 9): N evenly
// spaced x = U − θ over [−span, span], H(x) (1 for x > 0), the smooth step and g(x),
// with g's peak and its area over the window (trapezoids).
struct SurrogateCurve {
    std::vector<double> x, heaviside, smoothStep, derivative;
    double peak = 0.0;
    double area = 0.0;
};
SurrogateCurve sampleSurrogate(const SurrogateGradient& surrogate, double span, long points);

} // namespace sdlab
