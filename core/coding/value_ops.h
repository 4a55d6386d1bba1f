#pragma once

#include <Eigen/Core>
#include <cmath>

namespace sdlab {

// Rounding half away from zero (spec §0), for scalars and Eigen arrays alike, so the
// stateful operators can be written once for both. The scalar version equals
// std::round for every double (tested) but is inlined: std::round is a library call
// on baseline x86-64, and it sits in the innermost loop of every sweep. Eigen's
// round() calls std::round. (Unlike std::round, it returns +0 for −½ < x < 0.)
inline double roundHalfAwayFromZero(double x) {
    constexpr double kIntegral = 4503599627370496.0; // 2^52: from here on doubles are integers
    if (!(std::abs(x) < kIntegral))
        return x;
    const double truncated = static_cast<double>(static_cast<long long>(x));
    const double fraction = x - truncated; // exact
    // Branch-free: the sign of the fraction is data-dependent and mispredicts often.
    const double up = fraction >= 0.5 ? 1.0 : 0.0;
    const double down = fraction <= -0.5 ? 1.0 : 0.0;
    return truncated + up - down;
}

// The same rounding written for loops the compiler vectorises across lanes (the kp/kd
// sweep): for |x| < 2^52, (|x| + 2^52) − 2^52 rounds |x| to nearest, ties to even,
// exactly; a tie that went down (r − |x| = −½, exact by Sterbenz) is moved up, giving
// half away from zero; larger |x| are integers already. Only selects, no branches; needs
// IEEE arithmetic (no -ffast-math) and vectorises under -fno-trapping-math.
inline double roundHalfAwayFromZeroLane(double x) {
    constexpr double kIntegral = 4503599627370496.0; // 2^52
    const double magnitude = std::abs(x);
    double rounded = (magnitude + kIntegral) - kIntegral;
    rounded += rounded - magnitude == -0.5 ? 1.0 : 0.0;
    rounded = magnitude < kIntegral ? rounded : magnitude;
    return x < 0.0 ? -rounded : rounded;
}

// Array version, the same arithmetic as Eigen expressions (Eigen's round() calls
// std::round per element). Writes into `out` (same size): no allocation.
inline void roundHalfAwayFromZeroInto(const Eigen::ArrayXd& x, Eigen::ArrayXd& out) {
    constexpr double kIntegral = 4503599627370496.0;
    out = (x.abs() + kIntegral) - kIntegral;
    out += (out - x.abs() == -0.5).cast<double>();
    out = (x.abs() < kIntegral).select(out, x.abs());
    out = (x < 0.0).select(-out, out);
}

inline Eigen::ArrayXd roundHalfAwayFromZero(const Eigen::ArrayXd& x) {
    Eigen::ArrayXd out(x.size());
    roundHalfAwayFromZeroInto(x, out);
    return out;
}

} // namespace sdlab
