#pragma once

#include "coding/pd_params.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace sdlab {

// One signal through the PD pipeline of ICLR'18 Fig. 1: a = enc(x), s = Q(a),
// x̂ = dec(s). Shared by `sdlab-cli pd` and the Signal lab.
struct PdCodingRun {
    std::vector<double> a;
    std::vector<double> s;
    std::vector<double> xHat;
    double spikes = 0.0; // Σ|s|
    double rmse = 0.0;   // sqrt(mean (x̂ − x)²)
};

// The quantizer between encoder and decoder: Q (sigma-delta, ICLR'18 §2.3), memoryless
// rounding R, or unbiased stochastic rounding (seeded).
enum class PdQuantizerKind { SigmaDelta, Rounding, Stochastic };
std::optional<PdQuantizerKind> parsePdQuantizerKind(std::string_view name);

PdCodingRun runPdCoding(std::span<const double> x, PdParams params,
                        PdQuantizerKind quantizer = PdQuantizerKind::SigmaDelta,
                        std::uint64_t seed = 1);

} // namespace sdlab
