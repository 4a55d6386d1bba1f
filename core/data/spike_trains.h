#pragma once

#include <cstddef>
#include <random>
#include <vector>

namespace sdlab {

// A random spike train of `steps` steps: each step spikes with probability `density`,
// −1 or +1 with equal odds (always +1 when `signedSpikes` is false). Draws from
// `engine`, so two trains drawn one after the other from one seeded engine are
// reproducible. Used by the update-rule and kernel experiments and by the CLI.
std::vector<double> randomSpikeTrain(std::size_t steps, double density, std::mt19937_64& engine,
                                     bool signedSpikes = true);

} // namespace sdlab
