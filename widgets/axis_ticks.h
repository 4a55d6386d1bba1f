#pragma once

#include <QString>
#include <vector>

namespace sdlab::widgets {

// Tick positions for a painted axis: 1, 2 or 5 × 10^k steps on a linear axis (about
// `count` of them inside [min, max]); decades (and 2, 5 between them when few decades
// show) on a log axis, where min and max are positive values, not exponents.
std::vector<double> linearTicks(double min, double max, int count);
// The 1, 2 or 5 × 10^k step that gives about `count` ticks over `span` (> 0).
double niceTickStep(double span, int count);
std::vector<double> logTicks(double min, double max);
// A compact label: 0.001, 1e-05, 250, 1.5e+06.
QString tickLabel(double value);

} // namespace sdlab::widgets
