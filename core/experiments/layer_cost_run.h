#pragma once

#include "cost/op_counter.h"

#include <cstdint>

namespace sdlab {

// One layer's forward update z += sᵀW from a random signed spike vector (each input
// spikes ±1 with probability `density`), measured event-driven (DSN eq. 4) and dense
// (Eigen), averaged over `repeat` runs. Shared by `sdlab-cli cost` and the GUI.
struct LayerCostRun {
    OpCounter sparseOps;       // N·d_out additions, N = Σ|s|
    OpCounter denseOps;        // d_in·d_out multiply-adds
    double energyPjSparse = 0; // float32 Horowitz figures
    double energyPjDense = 0;
    double nsSparse = 0; // mean wall time per update
    double nsDense = 0;
    double maxDifference = 0; // |z_sparse − z_dense|∞, a check that both compute the same
};

LayerCostRun runLayerCost(long dIn, long dOut, double density, long repeat, std::uint64_t seed);

} // namespace sdlab
