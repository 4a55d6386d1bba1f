#pragma once

#include "coding/pd_params.h"

#include <span>
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

PdCodingRun runPdCoding(std::span<const double> x, PdParams params);

} // namespace sdlab
