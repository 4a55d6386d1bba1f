#pragma once

#include "io/csv_table.h"
#include "util/progress.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sdlab {

// DSN App. B, Fig. 4: a spiking MLP with random weights ~ N(0, σ²) and no biases (DSN:
// 784-500-500-10, σ = 0.1) is fed one random input x ~ U(0, 1)^d_in for T steps. After
// T steps each layer's spike count per unit over T (the output's ū_T) is compared with
// the ReLU network of the same weights, h_l = max(0, W_lᵀ h_{l−1}), the output linear:
// the rates tend to the ReLU activations in every layer as T grows (App. A, eq. 12:
// N/T → max(0, μ)). Shared by the Quantization lab and `sdlab-cli quantize`.
struct MlpConvergenceRun {
    std::vector<int> steps; // T, about ten per decade up to the maximum
    // [layer][k] at steps[k]; layer 0 the input, then each hidden layer, the output last:
    // mean |rate − a| over the layer's units, and Σ|rate − a| / Σ|a| (NaN when a = 0).
    std::vector<std::vector<double>> meanAbsError, relativeError;
};

// `sizes` = {d_in, hidden..., d_out} (at least two), sigma > 0, maxSteps ≥ 1. Empty when
// `progress` cancels.
MlpConvergenceRun runMlpConvergence(const std::vector<int>& sizes, double sigma, int maxSteps,
                                    std::uint64_t seed, const ProgressCallback& progress = {});

// Reads back `sdlab-cli quantize`'s mlp.csv (T,layer,mean_abs_error,relative_error; an
// empty relative_error is NaN): InputError naming the file when its layers are not
// 0, 1, … with the same ascending T each.
MlpConvergenceRun mlpConvergenceOf(const CsvTable& table);
MlpConvergenceRun readMlpConvergenceFile(const std::string& path);

} // namespace sdlab
