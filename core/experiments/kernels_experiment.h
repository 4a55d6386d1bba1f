#pragma once

#include "experiment/parameter_values.h"

#include <vector>

namespace sdlab {

// The Kernels lab's and `sdlab-cli kernels`' two binary spike trains (pre first, one
// seeded engine, "steps" long with "density").
struct KernelTrains {
    std::vector<double> pre, post;
};
KernelTrains kernelTrainsFrom(const ParameterValues& values);

} // namespace sdlab
