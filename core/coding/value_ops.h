#pragma once

#include <Eigen/Core>
#include <cmath>

namespace sdlab {

// Rounding half away from zero (spec §0), for scalars and Eigen arrays alike, so the
// stateful operators below can be written once for both. Eigen's round() calls
// std::round, which rounds half away from zero.
inline double roundHalfAwayFromZero(double x) { return std::round(x); }
inline auto roundHalfAwayFromZero(const Eigen::ArrayXd& x) { return x.round(); }

} // namespace sdlab
