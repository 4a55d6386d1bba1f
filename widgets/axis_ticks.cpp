#include "widgets/axis_ticks.h"

#include <algorithm>
#include <cmath>

namespace sdlab::widgets {

double niceTickStep(double span, int count) {
    const double raw = span / std::max(1, count);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double factor : {1.0, 2.0, 5.0})
        if (raw <= factor * magnitude)
            return factor * magnitude;
    return 10.0 * magnitude;
}

std::vector<double> linearTicks(double min, double max, int count) {
    std::vector<double> ticks;
    const double span = max - min;
    if (!(span > 0.0) || !std::isfinite(span))
        return {min};
    const double step = niceTickStep(span, count);
    for (double t = std::ceil(min / step) * step; t <= max + step * 1e-9; t += step)
        ticks.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
    return ticks;
}

std::vector<double> logTicks(double min, double max) {
    std::vector<double> ticks;
    if (!(min > 0.0) || !(max >= min))
        return ticks;
    const int first = static_cast<int>(std::floor(std::log10(min)));
    const int last = static_cast<int>(std::ceil(std::log10(max)));
    const bool fewDecades = last - first <= 2;
    for (int k = first; k <= last; ++k)
        for (const double m : fewDecades ? std::vector<double>{1, 2, 5} : std::vector<double>{1}) {
            const double t = m * std::pow(10.0, k);
            if (t >= min * (1 - 1e-9) && t <= max * (1 + 1e-9))
                ticks.push_back(t);
        }
    return ticks;
}

QString tickLabel(double value) {
    return QString::number(value, 'g', 4);
}

} // namespace sdlab::widgets
