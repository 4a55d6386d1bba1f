#pragma once

#include "scales/scale_optimizer.h"
#include "util/progress.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sdlab {

// Thesis §4.6.1 and Fig. 4.2, the "random network" experiment: a Glorot-initialised ReLU
// network whose layers are rescaled without changing its function (the first layer's
// weights by ½, the second's by 8 and its output by ¼, so by 2 in all: ReLU is positively
// homogeneous), which makes one scale per layer input (eq. 4.5) ill-suited: the input is
// rounded too coarsely, the hidden layer too finely. Its scales are optimised by eq. 4.10
// for each λ from k = 1, and compared with random rescalings k_l ~ logU[0.1, 100]. Error
// (eq. 4.7, ½‖f_round − f_true‖², no softmax) and computation (eq. 4.8) are the rounding
// network's on Gaussian inputs.
struct RandomNetworkScalesSettings {
    std::vector<int> sizes{100, 100, 100}; // input, hidden..., output (Fig. 4.2: 100-100-100)
    std::vector<double> lambdas{1e-6, 1e-5, 1e-4};
    int steps = 400;          // optimisation steps per λ (batches of 100 inputs)
    int randomScalings = 200; // the grey lines and dots of Fig. 4.2
    int trainingInputs = 200, evaluationInputs = 100;
    std::uint64_t seed = 1;

    std::string validationError() const; // empty when the run can go
};

struct RandomNetworkScalesResult {
    std::vector<double> lambdas;
    std::vector<std::vector<ScalePoint>> trajectories; // per λ: start (k = 1), ..., end
    std::vector<ScalePoint> random;                    // the random rescalings
    // Random rescalings with both less error and less computation than some optimised
    // end point: Fig. 4.2 says none.
    int dominating = 0;
    bool cancelled = false;
};

// How many of `random` have both less error and less computation than the end of some
// path in `paths` (Fig. 4.2's claim: none).
int countDominating(const std::vector<ScalePoint>& random,
                    const std::vector<std::vector<ScalePoint>>& paths);

// Progress counts optimisation steps over every λ, then the random rescalings; false
// cancels (cancelled is set; the paths and rescalings finished so far are kept).
RandomNetworkScalesResult runRandomNetworkScales(const RandomNetworkScalesSettings& settings,
                                                 const ProgressCallback& progress = {});

} // namespace sdlab
