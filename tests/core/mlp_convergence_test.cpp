// DSN App. B, Fig. 4: a spiking MLP's spike rates tend to the activations of the ReLU
// network with the same weights, layer by layer.
#include "experiments/mlp_convergence_run.h"
#include "io/input_error.h"
#include "models/spiking_mlp.h"

#include <cmath>
#include <gtest/gtest.h>

namespace sdlab {
namespace {

// Sizes 2-1-1, W1 = (1, 1)ᵀ, W2 = 1, x = (¾, ¼), breadth-first herding (φ > ½ fires):
//   t1: φ_in = (.75, .25) → spikes (1, 0); hidden φ = 1 → 1 spike; u = 1
//   t2: φ_in = (.5, .5)   → none (½ is not above ½);               u = 1
//   t3: φ_in = (1.25, .75) → (1, 1); hidden φ = 2 → 2 spikes;       u = 3
//   t4: φ_in = (1, 0)     → (1, 0); hidden 1 spike;                 u = 4
// so at T = 4 every rate equals the ReLU net's activation: x, max(0, ¾ + ¼) = 1, and 1.
TEST(MlpConvergence, HandWorkedRatesAfterEachStep) {
    SpikingMlpSettings settings;
    settings.sizes = {2, 1, 1};
    SpikingMlp mlp(settings);
    mlp.layers()[0].weights << 1.0, 1.0;
    mlp.layers()[1].weights << 1.0;
    const auto rates = mlp.forwardRates(Eigen::Vector2d(0.75, 0.25), {1, 2, 3, 4});
    ASSERT_EQ(rates.size(), 4U);
    const double input[4][2] = {{1, 0}, {0.5, 0}, {2.0 / 3, 1.0 / 3}, {0.75, 0.25}};
    const double hidden[4] = {1, 0.5, 1, 1};
    for (std::size_t k = 0; k < 4; ++k) {
        ASSERT_EQ(rates[k].size(), 3U); // the input, the hidden layer, the output
        EXPECT_DOUBLE_EQ(rates[k][0](0), input[k][0]) << "t = " << k + 1;
        EXPECT_DOUBLE_EQ(rates[k][0](1), input[k][1]) << "t = " << k + 1;
        EXPECT_DOUBLE_EQ(rates[k][1](0), hidden[k]) << "t = " << k + 1;
        EXPECT_DOUBLE_EQ(rates[k][2](0), hidden[k]) << "t = " << k + 1; // W2 = 1
    }
    // Readouts only where asked, and the same forward pass as predict().
    const auto two = mlp.forwardRates(Eigen::Vector2d(0.75, 0.25), {3});
    ASSERT_EQ(two.size(), 1U);
    EXPECT_DOUBLE_EQ(two[0][1](0), 1.0);
}

TEST(MlpConvergence, EveryLayerConvergesAndTheInputWithinTheHerdingBound) {
    const MlpConvergenceRun run = runMlpConvergence({100, 50, 50, 10}, 0.1, 2000, 3);
    ASSERT_FALSE(run.steps.empty());
    EXPECT_EQ(run.steps.front(), 1);
    EXPECT_EQ(run.steps.back(), 2000);
    for (std::size_t k = 1; k < run.steps.size(); ++k)
        EXPECT_LT(run.steps[k - 1], run.steps[k]);
    ASSERT_EQ(run.relativeError.size(), 4U);
    // Herding keeps |φ| ≤ ½, so |N/T − x| ≤ 1/(2T) for every input unit (DSN eq. 9).
    for (std::size_t k = 0; k < run.steps.size(); ++k)
        EXPECT_LE(run.meanAbsError[0][k], 0.5 / run.steps[k] + 1e-12) << "T = " << run.steps[k];
    const std::size_t at10 = 7; // T = 1, 2, 3, 4, 5, 6, 8, 10
    ASSERT_EQ(run.steps[at10], 10);
    for (std::size_t l = 0; l < 4; ++l) {
        SCOPED_TRACE(l);
        EXPECT_LT(run.relativeError[l].back(), 0.1 * run.relativeError[l][at10]);
        EXPECT_LT(run.relativeError[l].back(), 0.02);
    }
}

TEST(MlpConvergence, CancelledRunsAreEmpty) {
    const MlpConvergenceRun run = runMlpConvergence(
        {20, 10, 5}, 0.1, 1000, 1, [](std::size_t done, std::size_t) { return done < 128; });
    EXPECT_TRUE(run.steps.empty());
}

TEST(MlpConvergence, ReadsBackWhatQuantizeWrites) {
    const CsvTable table = CsvTable::parse("T,layer,mean_abs_error,relative_error\n"
                                           "1,0,0.5,0.9\n2,0,0.25,0.4\n1,1,2,\n2,1,1,0.5\n",
                                           "mlp.csv", {"relative_error"});
    const MlpConvergenceRun run = mlpConvergenceOf(table);
    EXPECT_EQ(run.steps, (std::vector<int>{1, 2}));
    ASSERT_EQ(run.relativeError.size(), 2U);
    EXPECT_TRUE(std::isnan(run.relativeError[1][0]));
    EXPECT_DOUBLE_EQ(run.meanAbsError[1][1], 1.0);
    for (const char* broken : {"T,layer,mean_abs_error,relative_error\n1,1,0.5,0.9\n",
                               "T,layer,mean_abs_error,relative_error\n2,0,1,1\n1,0,1,1\n",
                               "T,layer,mean_abs_error,relative_error\n1,0,1,1\n2,0,1,1\n1,1,1,1\n",
                               "T,layer,mean_abs_error,relative_error\n1,0,1,1\n1,1,1,1\n3,1,1,1\n",
                               "T,layer,mean_abs_error,relative_error\n1,0.5,1,1\n",
                               "T,layer,mean_abs_error,relative_error\n1,-1,1,1\n",
                               "T,layer,mean_abs_error,relative_error\n1e300,0,1,1\n"})
        EXPECT_THROW(mlpConvergenceOf(CsvTable::parse(broken, "x/mlp.csv", {"relative_error"})),
                     InputError)
            << broken;
}

} // namespace
} // namespace sdlab
