#pragma once

#include <Eigen/Core>

namespace sdlab {

// The nonlinearity of Equilibrium Propagation (thesis §7.4, spec §7): ρ(s) = clip(s, 0, 1).
// ρ'(s) is 1 on the closed interval [0, 1] and 0 outside, as in the reference code's
// gradient of clip: states are clamped to [0, 1] after every step, so a unit resting at
// 0 or 1 must still feel its drive, or it could never leave the boundary.
inline double hardSigmoid(double s) {
    return s < 0.0 ? 0.0 : (s > 1.0 ? 1.0 : s);
}
inline double hardSigmoidSlope(double s) {
    return s >= 0.0 && s <= 1.0 ? 1.0 : 0.0;
}

template <class Derived> auto hardSigmoid(const Eigen::ArrayBase<Derived>& s) {
    return s.max(0.0).min(1.0);
}
template <class Derived> auto hardSigmoidSlope(const Eigen::ArrayBase<Derived>& s) {
    using Scalar = typename Derived::Scalar;
    return ((s >= Scalar(0)) && (s <= Scalar(1))).template cast<Scalar>();
}

// The initializer's leaky ρ (thesis §7.4): ρ(z) + 0.01·z keeps a gradient in the
// saturated regions so that feed-forward units cannot get stuck.
inline double leakyHardSigmoid(double z, double leak) {
    return hardSigmoid(z) + leak * z;
}
inline double leakyHardSigmoidSlope(double z, double leak) {
    return (z > 0.0 && z < 1.0 ? 1.0 : 0.0) + leak;
}

} // namespace sdlab
