#pragma once

#include "cost/op_counter.h"

#include <cstdint>

namespace sdlab {

// What a model's predictions have cost so far, counted as thesis App. B.2 counts a forward
// pass: the matrix products, or the event-driven additions that replace them, and nothing
// else (no activations, leaks, encoders or decoders), so every model is counted by one rule:
//   dense net (the MLP):     d_in·d_out multiply-adds per layer (eq. B.12);
//   rounding net:            Σ|q|·d_out + d_out additions, q = round(k·a) (eq. B.14);
//   sigma-delta net:         Σ|Δq|·d_out additions (eq. B.15), Δ against the previous
//                            sample, so alike consecutive inputs cost little;
//   spiking models (PD network, spiking MLP, LIF network): Σ|spikes|·d_out additions, and
//                            d_in·d_out multiply-adds for a layer that receives real values
//                            (the LIF network's direct input, once per sample);
//   EqProp:                  the drive's products at every settling step (and the
//                            initializer's forward pass when it predicts).
// `sparse` is eq. B.13 for the dense net (multiply-adds only for nonzero inputs); for the
// models that already skip zeros it equals `ops`.
struct InferenceCost {
    std::uint64_t predictions = 0;
    OpCounter ops;
    OpCounter sparse;

    void count(std::uint64_t samples, const OpCounter& cost) { count(samples, cost, cost); }
    void count(std::uint64_t samples, const OpCounter& cost, const OpCounter& sparseCost) {
        predictions += samples;
        ops += cost;
        sparse += sparseCost;
    }
};

// The mean cost of the predictions made between two readings of an InferenceCost.
struct MeanInferenceCost {
    double adds = 0.0, mults = 0.0;             // per prediction
    double sparseAdds = 0.0, sparseMults = 0.0; // eq. B.13 (the dense net), else the same
    double energyPj(const EnergyModel& model) const {
        return adds * model.addPj + mults * model.multiplyPj;
    }
};

inline MeanInferenceCost meanInferenceCost(const InferenceCost& before,
                                           const InferenceCost& after) {
    MeanInferenceCost mean;
    const std::uint64_t n = after.predictions - before.predictions;
    if (n == 0)
        return mean;
    const auto per = [n](std::uint64_t a, std::uint64_t b) {
        return static_cast<double>(a - b) / static_cast<double>(n);
    };
    mean.adds = per(after.ops.adds, before.ops.adds);
    mean.mults = per(after.ops.multiplies, before.ops.multiplies);
    mean.sparseAdds = per(after.sparse.adds, before.sparse.adds);
    mean.sparseMults = per(after.sparse.multiplies, before.sparse.multiplies);
    return mean;
}

} // namespace sdlab
