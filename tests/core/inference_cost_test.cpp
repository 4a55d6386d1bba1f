// What one prediction costs (thesis App. B.2, InferenceCost): each model's count on a
// hand-made network and input, and the sigma-delta net's equal to Σ|Δ round(k·a)|·d_out.
#include "cost/inference_cost.h"
#include "data/dataset_loaders.h"
#include "equilibrium/eqprop_classifier.h"
#include "models/mlp.h"
#include "models/pd_network.h"
#include "models/sigma_delta_net.h"
#include "models/spiking_mlp.h"
#include "snn/lif_network.h"
#include "training/early_guess_run.h"
#include "training/training_run.h"

#include <gtest/gtest.h>

namespace sdlab {
namespace {

// The cost of the next prediction alone.
template <typename Model> InferenceCost costOf(Model& model, const Eigen::VectorXd& x) {
    const InferenceCost before = model.inferenceCost();
    model.predict(x);
    InferenceCost after = model.inferenceCost();
    after.predictions -= before.predictions;
    after.ops.adds -= before.ops.adds;
    after.ops.multiplies -= before.ops.multiplies;
    after.sparse.adds -= before.sparse.adds;
    after.sparse.multiplies -= before.sparse.multiplies;
    return after;
}

TEST(InferenceCost, MeanPerPredictionBetweenTwoReadings) {
    InferenceCost before, after;
    before.count(2, OpCounter{10, 4});
    after = before;
    after.count(4, OpCounter{30, 2}, OpCounter{6, 1});
    const MeanInferenceCost mean = meanInferenceCost(before, after);
    EXPECT_DOUBLE_EQ(mean.adds, 7.5);
    EXPECT_DOUBLE_EQ(mean.mults, 0.5);
    EXPECT_DOUBLE_EQ(mean.sparseAdds, 1.5);
    EXPECT_DOUBLE_EQ(mean.sparseMults, 0.25);
    EXPECT_DOUBLE_EQ(mean.energyPj(EnergyModel::int32()), 7.5 * 0.1 + 0.5 * 3.1);
    EXPECT_EQ(meanInferenceCost(after, after).adds, 0.0); // none made: zero, not NaN
}

TEST(InferenceCost, MlpCountsDenseAndSparseProducts) { // thesis eqs B.12, B.13
    Mlp mlp({3, 2, 2}, 0.1, 1);
    DenseLayer& first = mlp.layers()[0]; // 3 × 2: unit 0 sums the inputs, unit 1 negates
    first.weights << 1, -1, 1, -1, 1, -1;
    first.bias.setZero();
    const Eigen::Vector3d x(1.0, 0.0, 2.0); // two nonzero inputs; hidden = ReLU(3, −3) = (3, 0)
    const InferenceCost cost = costOf(mlp, x);
    EXPECT_EQ(cost.predictions, 1U);
    EXPECT_EQ(cost.ops.multiplies, 3U * 2U + 2U * 2U); // B.12: Σ d_l·d_{l+1}
    EXPECT_EQ(cost.ops.adds, cost.ops.multiplies);
    EXPECT_EQ(cost.sparse.multiplies, 2U * 2U + 1U * 2U); // B.13: nonzero inputs only
    EXPECT_EQ(cost.sparse.adds, cost.sparse.multiplies);
}

TEST(InferenceCost, SigmaDeltaNetCountsItsChangesAndTheRoundingNetItsIntegers) {
    // Thesis eqs B.14 and B.15 with k = 4: the input layer's integers are round(4·x), by hand.
    const double k = 4.0;
    SigmaDeltaNet rounding({3, 4, 2}, 0.05, k, SigmaDeltaNet::Mode::Rounding, 5);
    SigmaDeltaNet sigmaDelta({3, 4, 2}, 0.05, k, SigmaDeltaNet::Mode::SigmaDelta, 5);
    const Eigen::Vector3d x1(0.5, 0.26, 1.0), x2(0.5, 0.51, 0.9); // round(4x): (2,1,4), (2,2,4)
    const InferenceCost first = costOf(sigmaDelta, x1);
    const Eigen::VectorXd hidden1 = sigmaDelta.lastMessages()[1];
    const InferenceCost second = costOf(sigmaDelta, x2);
    const Eigen::VectorXd hidden2 = sigmaDelta.lastMessages()[1];
    EXPECT_EQ(sigmaDelta.lastMessages()[0], Eigen::Vector3d(2, 2, 4));
    // From a start at zero, then only what changed: Σ|Δq|·d_out, no bias, no multiplies.
    EXPECT_EQ(first.ops.adds,
              static_cast<std::uint64_t>((2 + 1 + 4) * 4 + hidden1.lpNorm<1>() * 2));
    EXPECT_EQ(second.ops.adds,
              static_cast<std::uint64_t>(1 * 4 + (hidden2 - hidden1).lpNorm<1>() * 2));
    EXPECT_EQ(first.ops.multiplies + second.ops.multiplies, 0U);
    // The rounding net sends all of q every time, and adds each bias: Σ|q|·d_out + d_out.
    costOf(rounding, x1);
    const InferenceCost again = costOf(rounding, x2);
    EXPECT_EQ(rounding.lastMessages()[1], hidden2); // the same integers (sigma-delta ≡ rounding)
    EXPECT_EQ(again.ops.adds,
              static_cast<std::uint64_t>((2 + 2 + 4) * 4 + 4 + hidden2.lpNorm<1>() * 2 + 2));
}

TEST(InferenceCost, PdNetworkAddsARowPerSpike) { // ICLR'18 §3.2
    PdNetworkSettings s;
    s.sizes = {4, 3, 2};
    PdNetwork network(s);
    const Eigen::Vector4d x(1.0, -2.0, 0.0, 0.5);
    const InferenceCost cost = costOf(network, x);
    std::uint64_t expected = 0;
    for (const PdLayer& layer : network.layers())
        expected += static_cast<std::uint64_t>(layer.forwardSpikes().abs().sum()) *
                    static_cast<std::uint64_t>(layer.parameters().outputs());
    EXPECT_GT(expected, 0U);
    EXPECT_EQ(cost.ops.adds, expected);
    EXPECT_EQ(cost.ops.multiplies, 0U);
}

TEST(InferenceCost, SpikingMlpAddsARowPerInputSpikeWhenTheHiddenLayerIsSilent) { // DSN Alg. 3
    SpikingMlpSettings s;
    s.sizes = {2, 5, 3};
    s.timeSteps = 7;
    SpikingMlp network(s);
    network.layers()[0].weights.setConstant(-1.0); // rectified hidden units never fire
    // x = (1, 0) herds into one input spike a step: T spikes, each a row of 5 additions.
    const InferenceCost cost = costOf(network, Eigen::Vector2d(1.0, 0.0));
    EXPECT_EQ(cost.ops.adds, 7U * 5U);
    EXPECT_EQ(cost.ops.multiplies, 0U);
}

TEST(InferenceCost, LifNetworkMultipliesDirectInputOnceAndAddsSpikes) {
    LifNetworkSettings s;
    s.sizes = {3, 4, 2};
    s.steps = 6;
    s.threshold = 1e9; // silent layers: only the input's cost remains
    LifNetwork direct(s);
    Eigen::MatrixXd batch = Eigen::MatrixXd::Ones(3, 5);
    std::vector<int> classes;
    direct.predictBatch(batch, classes);
    EXPECT_EQ(direct.inferenceCost().predictions, 5U);
    EXPECT_EQ(direct.inferenceCost().ops.multiplies, 5U * 3U * 4U); // once, not T times
    EXPECT_EQ(direct.inferenceCost().ops.adds, 5U * 3U * 4U);
    s.input = InputCoding::Rate; // x = 1 fires every step: 3·T input spikes, 4 adds each
    LifNetwork rate(s);
    rate.predictBatch(batch, classes);
    EXPECT_EQ(rate.inferenceCost().ops.adds, 5U * 3U * 6U * 4U);
    EXPECT_EQ(rate.inferenceCost().ops.multiplies, 0U);
}

TEST(InferenceCost, EqPropCountsTheDrivesOfEverySettlingStep) { // thesis eq. 2.10
    EqPropSettings s;
    s.sizes = {2, 3, 2};
    s.learningRates = {0.1, 0.1};
    s.freeSteps = 5;
    EqPropClassifier network(s);
    network.beginEvaluation();
    const InferenceCost cost = costOf(network, Eigen::Vector2d(0.3, 0.8));
    // W_0ᵀx once (2·3), then both directions of W_1 (2·3·2) at each of the 5 steps.
    EXPECT_EQ(cost.ops.multiplies, 6U + 5U * 12U);
    EXPECT_EQ(cost.ops.adds, cost.ops.multiplies);
}

// DSN Fig. 3: the guess after the last step is the prediction, at the prediction's cost.
TEST(EarlyGuesses, SpikingMlpGuessesEachStepAndEndsAtItsPrediction) {
    SpikingMlpSettings s;
    s.sizes = {2, 5, 3};
    s.timeSteps = 7;
    SpikingMlp silent(s);
    silent.layers()[0].weights.setConstant(-1.0); // only the input's spikes cost
    EarlyGuesses guesses;
    Eigen::MatrixXd oneSpikeAStep = Eigen::MatrixXd::Zero(2, 2);
    oneSpikeAStep(0, 0) = 1.0; // sample 0 sends a spike a step, sample 1 none
    ASSERT_TRUE(silent.guessEachStep(oneSpikeAStep, guesses));
    ASSERT_EQ(guesses.cumulative.size(), 7U);
    for (std::size_t t = 0; t < 7; ++t)
        EXPECT_EQ(guesses.cumulative[t].adds, (t + 1) * 5U);

    SpikingMlp network(s); // random weights: hidden spikes too
    const Eigen::MatrixXd inputs = Eigen::MatrixXd::Random(2, 6).cwiseAbs();
    ASSERT_TRUE(network.guessEachStep(inputs, guesses));
    const InferenceCost afterGuesses = network.inferenceCost();
    std::uint64_t predicted = 0;
    for (Eigen::Index k = 0; k < inputs.cols(); ++k) {
        const InferenceCost one = costOf(network, inputs.col(k));
        EXPECT_EQ(network.predict(inputs.col(k)),
                  guesses.classes.back()[static_cast<std::size_t>(k)]);
        predicted += one.ops.adds;
    }
    EXPECT_EQ(guesses.cumulative.back().adds, predicted);
    EXPECT_EQ(afterGuesses.ops.adds, predicted); // counted as predictions too
    for (std::size_t t = 1; t < 7; ++t)
        EXPECT_GE(guesses.cumulative[t].adds, guesses.cumulative[t - 1].adds);
}

TEST(EarlyGuesses, LifNetworkDecodesTheFirstStepsAndEndsAtItsPrediction) {
    LifNetworkSettings s;
    s.sizes = {3, 4, 2};
    s.steps = 6;
    s.threshold = 1e9;
    s.input = InputCoding::Rate; // x = 1 fires every step: 3 input spikes a step, 4 adds each
    LifNetwork silent(s);
    EarlyGuesses guesses;
    ASSERT_TRUE(silent.guessEachStep(Eigen::MatrixXd::Ones(3, 5), guesses));
    for (std::size_t t = 0; t < 6; ++t)
        EXPECT_EQ(guesses.cumulative[t].adds, 5U * 3U * 4U * (t + 1));

    s.threshold = 0.3;
    s.input = InputCoding::Direct;
    s.sizes = {3, 20, 4};
    LifNetwork network(s);
    const Eigen::MatrixXd inputs = Eigen::MatrixXd::Random(3, 70).cwiseAbs() * 3.0; // two parts
    ASSERT_TRUE(network.guessEachStep(inputs, guesses));
    const OpCounter guessed = guesses.cumulative.back();
    const InferenceCost before = network.inferenceCost();
    std::vector<int> classes;
    network.predictBatch(inputs, classes);
    EXPECT_EQ(classes, guesses.classes.back());
    EXPECT_EQ(network.inferenceCost().ops.adds - before.ops.adds, guessed.adds);
    EXPECT_EQ(network.inferenceCost().ops.multiplies - before.ops.multiplies, guessed.multiplies);
    EXPECT_EQ(guesses.cumulative.front().multiplies, 70U * 3U * 20U); // direct input, step 1
    EXPECT_GT(guessed.adds, 0U); // hidden spikes reach the output
}

TEST(EarlyGuesses, MeasuredOverATestSetEndAtTheTestAccuracy) {
    const ImageDataset data = makeSyntheticDigits(300, 120, 4);
    SpikingMlpSettings s;
    s.sizes = {data.inputSize(), 30, data.classCount()};
    s.timeSteps = 5;
    s.learningRate = 0.03;
    SpikingMlp network(s);
    Eigen::VectorXd x;
    for (std::size_t k = 0; k < data.train.size(); ++k) {
        data.train.features(k, x);
        network.train(x, data.train.labels[k]);
    }
    const std::vector<EarlyGuessRow> rows = measureEarlyGuesses(network, data.test);
    ASSERT_EQ(rows.size(), 5U);
    EXPECT_EQ(rows.front().step, 1);
    EXPECT_DOUBLE_EQ(rows.back().testError, 1.0 - evaluateAccuracy(network, data.test));
    EXPECT_LT(rows.back().testError, rows.front().testError); // more steps, better answers
    EXPECT_LT(rows.front().adds, rows.back().adds);
    Mlp dense({data.inputSize(), 30, data.classCount()}, 0.01, 1);
    EXPECT_TRUE(measureEarlyGuesses(dense, data.test).empty()); // answers only at the end
}

} // namespace
} // namespace sdlab
