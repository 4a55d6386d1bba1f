#include "neurons/surrogate_curve.h"

#include <algorithm>

namespace sdlab {

SurrogateCurve sampleSurrogate(const SurrogateGradient& g, double span, long points) {
    SurrogateCurve curve;
    const auto n = static_cast<std::size_t>(std::max(points, 2L));
    for (std::size_t k = 0; k < n; ++k) {
        const double x = -span + 2.0 * span * static_cast<double>(k) / static_cast<double>(n - 1);
        const double derivative = g.derivative(x);
        curve.x.push_back(x);
        curve.heaviside.push_back(x > 0.0 ? 1.0 : 0.0); // strict, spec §10
        curve.smoothStep.push_back(g.smoothStep(x));
        curve.derivative.push_back(derivative);
        curve.peak = std::max(curve.peak, derivative);
        if (k > 0)
            curve.area += 0.5 * (derivative + curve.derivative[k - 1]) * (x - curve.x[k - 1]);
    }
    return curve;
}

} // namespace sdlab
