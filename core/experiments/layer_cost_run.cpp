#include "experiments/layer_cost_run.h"

#include "cost/event_driven_layer.h"

#include <chrono>
#include <random>

namespace sdlab {

LayerCostRun runLayerCost(long dIn, long dOut, double density, long repeat, std::uint64_t seed) {
    std::mt19937_64 engine(seed);
    std::normal_distribution<double> normal(0.0, 1.0);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    RowMatrix weights(dIn, dOut);
    for (Eigen::Index i = 0; i < weights.size(); ++i)
        weights.data()[i] = normal(engine);
    Eigen::VectorXd spikes = Eigen::VectorXd::Zero(dIn);
    for (Eigen::Index i = 0; i < dIn; ++i)
        if (uniform(engine) < density)
            spikes(i) = uniform(engine) < 0.5 ? -1.0 : 1.0;

    LayerCostRun run;
    Eigen::RowVectorXd zSparse = Eigen::RowVectorXd::Zero(dOut);
    Eigen::RowVectorXd zDense = Eigen::RowVectorXd::Zero(dOut);
    accumulateSpikes(weights, spikes, zSparse, &run.sparseOps);
    accumulateDense(weights, spikes, zDense, &run.denseOps);
    run.maxDifference = (zSparse - zDense).cwiseAbs().maxCoeff();
    run.energyPjSparse = run.sparseOps.energyPj();
    run.energyPjDense = run.denseOps.energyPj();

    using Clock = std::chrono::steady_clock;
    auto timePerCall = [&](auto&& update) {
        const auto start = Clock::now();
        for (long r = 0; r < repeat; ++r)
            update();
        const std::chrono::duration<double, std::nano> elapsed = Clock::now() - start;
        return elapsed.count() / static_cast<double>(repeat);
    };
    run.nsSparse = timePerCall([&] { accumulateSpikes(weights, spikes, zSparse); });
    run.nsDense = timePerCall([&] { accumulateDense(weights, spikes, zDense); });
    return run;
}

} // namespace sdlab
