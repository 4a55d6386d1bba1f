#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace sdlab {

// Built-in test signals, so every lab runs with no input file. Seeded and deterministic.
//   Sine:   sin(2π·t/100), t = 1..N
//   Step:   piecewise constant, a new level ~ U(−1, 1) every 100 steps
//   Smooth: Gaussian noise low-passed twice (time constant 20 steps), scaled to unit
//           standard deviation (like the random signals of ICLR'18 Figs 1, 2, 10)
//   Noise:  white Gaussian noise N(0, 1)
enum class SignalKind { Sine, Step, Smooth, Noise };

std::optional<SignalKind> parseSignalKind(std::string_view name);
std::vector<double> makeSignal(SignalKind kind, std::size_t steps, std::uint64_t seed);

// The time-varying weight w of the sweep (ICLR'18 Fig. 10) when none is given: the
// smooth signal drawn from seed + 1, so it differs from an x drawn from `seed`.
std::vector<double> makeSweepWeight(std::size_t steps, std::uint64_t seed);

// v ~ U(−1, 1)^dimension from the seed: the vector DSN Fig. 1 quantizes.
std::vector<double> makeUniformVector(std::size_t dimension, std::uint64_t seed);

} // namespace sdlab
