#include "cost/event_driven_layer.h"
#include "experiments/layer_cost_run.h"
#include "test_helpers.h"

#include <gtest/gtest.h>

namespace sdlab {
namespace {

TEST(OpCounter, HorowitzEnergies) { // thesis §4.4.3
    OpCounter ops;
    ops.countAdds(1000);
    ops.countMultiplies(10);
    EXPECT_DOUBLE_EQ(ops.energyPj(EnergyModel::float32()), 1000 * 0.9 + 10 * 3.7);
    EXPECT_DOUBLE_EQ(ops.energyPj(EnergyModel::int32()), 1000 * 0.1 + 10 * 3.1);
    ops.countMultiplyAdds(5);
    EXPECT_EQ(ops.adds, 1005u);
    EXPECT_EQ(ops.multiplies, 15u);
}

TEST(EventDrivenLayer, EqualsDenseProductAndCountsNTimesDout) { // DSN eq. 4, thesis ch. 4
    RowMatrix w(8, 5);
    const auto values = test::randomSignal(40, 3);
    for (int k = 0; k < 40; ++k)
        w.data()[k] = values[static_cast<std::size_t>(k)];
    Eigen::VectorXd s = Eigen::VectorXd::Zero(8);
    s(1) = 1;
    s(4) = -2;
    s(7) = 1; // N = Σ|s| = 4
    Eigen::RowVectorXd sparse = Eigen::RowVectorXd::Zero(5), dense = sparse;
    OpCounter sparseOps, denseOps;
    accumulateSpikes(w, s, sparse, &sparseOps);
    accumulateDense(w, s, dense, &denseOps);
    EXPECT_LE((sparse - dense).cwiseAbs().maxCoeff(), 1e-14);
    const Eigen::RowVectorXd byHand = w.row(1) - 2 * w.row(4) + w.row(7);
    EXPECT_LE((sparse - byHand).cwiseAbs().maxCoeff(), 1e-14);
    EXPECT_EQ(sparseOps.adds, 4u * 5u);
    EXPECT_EQ(sparseOps.multiplies, 0u);
    EXPECT_EQ(denseOps.adds, 40u);
    EXPECT_EQ(denseOps.multiplies, 40u);
}

TEST(LayerCostRun, ReportsConsistentCounts) {
    const LayerCostRun run = runLayerCost(200, 50, 0.1, 3, 7);
    EXPECT_LE(run.maxDifference, 1e-12);
    EXPECT_EQ(run.denseOps.multiplies, 200u * 50u);
    EXPECT_EQ(run.sparseOps.adds % 50u, 0u);
    EXPECT_GT(run.sparseOps.adds, 0u);
    EXPECT_LT(run.sparseOps.adds, run.denseOps.adds);
    EXPECT_DOUBLE_EQ(run.energyPjSparse, static_cast<double>(run.sparseOps.adds) * 0.9);
    EXPECT_DOUBLE_EQ(run.energyPjDense, 200.0 * 50.0 * (0.9 + 3.7));
}

} // namespace
} // namespace sdlab
