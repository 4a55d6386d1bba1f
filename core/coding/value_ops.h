#pragma once

#include <Eigen/Core>
#include <cmath>

namespace sdlab {

// Rounding half away from zero (spec §0), one formula for scalars and one for Eigen
// arrays, so the stateful operators can be written once for both. Both equal
// std::round for every double (tested), except that they return +0 rather than −0 for
// −½ < x < 0, so result files never show "-0".
//
// For |x| < 2^52, (|x| + 2^52) − 2^52 rounds |x| to nearest, ties to even, exactly; a
// tie that went down (r − |x| = −½, exact by Sterbenz) is moved up, giving half away
// from zero; larger |x| are integers already. Only selects, no branches or library
// calls (std::round is a call on baseline x86-64), so loops over lanes vectorise (the
// kp/kd sweep, under -fno-trapping-math). Needs IEEE arithmetic: never -ffast-math.
inline double roundHalfAwayFromZero(double x) {
    constexpr double kIntegral = 4503599627370496.0; // 2^52
    const double magnitude = std::abs(x);
    double rounded = (magnitude + kIntegral) - kIntegral;
    rounded += rounded - magnitude == -0.5 ? 1.0 : 0.0;
    rounded = magnitude < kIntegral ? rounded : magnitude;
    return (x < 0.0 ? -rounded : rounded) + 0.0; // + 0.0 turns −0 into +0
}

// The same value in fewer operations where the CPU truncates in one instruction (SSE4.1
// and later: the kp/kd sweep's AVX2 lanes): adding the largest double below ½ with x's
// sign never carries a value below a tie across an integer (x + 0.49999999999999994 is
// rounded to even only at ties of the sum, which truncate the same way), so truncation
// gives half away from zero; + 0.0 again turns −0 into +0. Equal to the form above for
// every double (tested). Without SSE4.1, std::trunc is a library call: do not use it in
// code that must vectorise on baseline x86-64.
inline double roundHalfAwayFromZeroByTruncation(double x) {
    return std::trunc(x + std::copysign(0.49999999999999994, x)) + 0.0;
}

// The same arithmetic as Eigen expressions (Eigen's round() calls std::round per
// element). Writes into `out` (same size): no allocation. The double overload lets
// templates call one name for both value types.
inline void roundHalfAwayFromZeroInto(const Eigen::ArrayXd& x, Eigen::ArrayXd& out) {
    constexpr double kIntegral = 4503599627370496.0;
    out = (x.abs() + kIntegral) - kIntegral;
    out += (out - x.abs() == -0.5).cast<double>();
    out = (x.abs() < kIntegral).select(out, x.abs());
    out = (x < 0.0).select(-out, out) + 0.0;
}
inline void roundHalfAwayFromZeroInto(double x, double& out) {
    out = roundHalfAwayFromZero(x);
}

inline Eigen::ArrayXd roundHalfAwayFromZero(const Eigen::ArrayXd& x) {
    Eigen::ArrayXd out(x.size());
    roundHalfAwayFromZeroInto(x, out);
    return out;
}

} // namespace sdlab
