#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace sdlab {

// The quantizers thesis §6.3.4 offers for the bitstream x^Q ∈ {0, 1}:
//   threshold:    x^Q = [x^E > ½]
//   random:       x^Q = [x^E > U(0, 1)]
//   sigma-delta:  x^Q = [φ + x^E > ½],  φ ← φ + x^E − x^Q  (φ starts at 0)
enum class BitQuantizer { Threshold, Random, SigmaDelta };

std::optional<BitQuantizer> parseBitQuantizer(std::string_view name);

// First-order linear predictive coding of a signal x(1..T), thesis eq. 6.5:
//   x^E(t) = x(t) − x^P(t−1),  x^Q(t) = Q(x^E(t)),  x^R(t) = x^Q(t) + x^P(t−1),
//   x^P(t) = α·x^R(t),  x^P(0) = 0,
// so x^R = x^Q * κ_pred (eq. 6.7). `seed` drives the random quantizer only.
struct PredictiveCoding {
    std::vector<double> encoded;        // x^E
    std::vector<double> bits;           // x^Q
    std::vector<double> reconstruction; // x^R
};
PredictiveCoding encodePredictive(std::span<const double> x, double alpha, BitQuantizer quantizer,
                                  std::uint64_t seed);

// (h * κ_Δ)(t) = ½·(h(t+1) − h(t−1)), t = 1..T, with h = 0 outside 1..T (spec §4).
std::vector<double> centralDifference(std::span<const double> h);

// The cumulative dynamics-based weight change of thesis eq. 6.2 on unquantized signals,
// Δw(t) = Σ_{s≤t} h_i(s)·(h_j * κ_Δ)(s). Requires equal lengths.
std::vector<double> dynamicsWeightChange(std::span<const double> pre, std::span<const double> post);

} // namespace sdlab
