#pragma once

#include "coding/signed_spike.h"

#include <cstdint>
#include <span>
#include <vector>

namespace sdlab {

enum class VectorQuantizationMethod { Herding, Stochastic };

// DSN Fig. 1: a fixed vector v turned into signed spikes for T steps by herding
// (Alg. 1) or stochastic sampling (Alg. 5); after each step T, the L1 error of the
// running mean |v − (1/T)·Σ spikes|₁. Shared by `sdlab-cli quantize` and the
// Quantization lab.
struct VectorQuantizationRun {
    std::vector<double> l1Error;     // index T−1
    std::vector<long> spikeStep;     // 1-based step of each spike
    std::vector<SignedSpike> spikes; // in firing order
};

// DSN eq. 9: after T steps herding's L1 error is at most d/(2T) for a d-dimensional v
// in [−1, 1]^d. The guide line of Fig. 1 and `summary.json`'s herding_bound.
inline double herdingErrorBound(double dimension, double steps) {
    return dimension / (2.0 * steps);
}

VectorQuantizationRun runVectorQuantization(std::span<const double> v, long steps,
                                            VectorQuantizationMethod method, std::uint64_t seed);

} // namespace sdlab
