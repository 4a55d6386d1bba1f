// DSN Table 2's weight transfer (an MLP without biases, the spiking MLP with its weights
// and back) and App. E's smooth weight updates (Table 3).
#include "data/dataset_loaders.h"
#include "io/input_error.h"
#include "models/mlp.h"
#include "models/parameter_transfer.h"
#include "models/spiking_mlp.h"
#include "training/training_run.h"

#include <gtest/gtest.h>

namespace sdlab {
namespace {

TEST(WeightTransfer, AnMlpWithoutBiasesKeepsThemZeroAndDoesNotCountThem) {
    Mlp with({4, 3, 2}, 0.1, 5), without({4, 3, 2}, 0.1, 5, false);
    const Eigen::Vector4d x(0.2, 0.9, 0.4, 0.7);
    for (int k = 0; k < 3; ++k) {
        with.train(x, k % 2);
        without.train(x, k % 2);
    }
    for (const DenseLayer& layer : without.layers())
        EXPECT_TRUE(layer.bias.isZero(0.0));
    EXPECT_FALSE(with.layers().back().bias.isZero(0.0)); // p − onehot(y) is never 0
    // Forward and update each lose d_out multiply-adds per layer: 2·(3 + 2) per sample.
    EXPECT_EQ(with.trainingOps().multiplies - without.trainingOps().multiplies, 3U * 10U);
    EXPECT_EQ(with.trainingOps().adds - without.trainingOps().adds, 3U * 10U);
}

TEST(WeightTransfer, CopiesEveryParameterByNameOrRefusesAndChangesNothing) {
    Mlp relu({5, 4, 3}, 0.1, 1, false);
    SpikingMlpSettings settings;
    settings.sizes = {5, 4, 3};
    SpikingMlp spiking(settings);
    copyLearnedParameters(relu, spiking);
    for (std::size_t l = 0; l < 2; ++l)
        EXPECT_EQ(spiking.layers()[l].weights, relu.layers()[l].weights);
    settings.sizes = {5, 6, 3};
    SpikingMlp other(settings);
    const RowMatrix before = other.layers()[0].weights;
    try {
        copyLearnedParameters(relu, other);
        FAIL() << "a 5-4-3 net's weights were copied into a 5-6-3 one";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("layer1.weights"), std::string::npos) << e.what();
    }
    EXPECT_EQ(other.layers()[0].weights, before);
}

// DSN §4.2: the spiking network with the ReLU net's weights classifies nearly as the ReLU
// net does; with T large its rates are the ReLU net's activations (App. A), so it answers
// as the ReLU net on nearly every sample.
TEST(WeightTransfer, TheSpikingMlpWithTheReluNetsWeightsAnswersAsIt) {
    const ImageDataset data = loadDatasetByName("synthetic");
    TrainingSettings settings;
    settings.model = ModelKind::Mlp;
    settings.hidden = {40};
    settings.mlpBiases = false;
    settings.epochs = 1;
    std::unique_ptr<Classifier> relu =
        makeClassifier(settings, data.inputSize(), data.classCount());
    runTraining(*relu, data, settings);
    settings.model = ModelKind::SpikingMlp;
    settings.timeSteps = 100;
    std::unique_ptr<Classifier> spiking =
        makeClassifier(settings, data.inputSize(), data.classCount());
    copyLearnedParameters(*relu, *spiking);
    std::size_t agree = 0;
    Eigen::VectorXd x;
    for (std::size_t k = 0; k < data.test.size(); ++k) {
        data.test.features(k, x);
        agree += relu->predict(x) == spiking->predict(x) ? 1 : 0;
    }
    const double reluAccuracy = evaluateAccuracy(*relu, data.test);
    EXPECT_GT(reluAccuracy, 0.5); // it learned something to transfer
    EXPECT_GE(agree, data.test.size() * 95 / 100) << agree << " of " << data.test.size();
    EXPECT_NEAR(evaluateAccuracy(*spiking, data.test), reluAccuracy, 0.05);
}

// App. E "Smooth Gradients": the update multiplies the errors by Σ_t x instead of the
// input's spike counts c_in; with SGD (one update at the end) and one layer, everything
// else is equal, so ΔW_smooth(i, j) · c_in(i) = ΔW_counts(i, j) · T·x(i).
TEST(SmoothUpdates, TheFirstLayerTakesTheRunningSumOfItsInput) {
    SpikingMlpSettings settings;
    settings.sizes = {3, 2};
    settings.timeSteps = 10;
    settings.learningRate = 0.5;
    settings.initSigma = 0.5;
    SpikingMlp counts(settings), probe(settings);
    settings.smoothUpdates = true;
    SpikingMlp smooth(settings);
    const RowMatrix start = counts.layers()[0].weights;
    ASSERT_EQ(start, smooth.layers()[0].weights);
    const Eigen::Vector3d x(0.33, 0.5, 0.81);
    counts.train(x, 1);
    smooth.train(x, 1);
    const Eigen::VectorXd cIn = probe.forwardRates(x, {10})[0][0] * 10.0;
    const RowMatrix dCounts = counts.layers()[0].weights - start;
    const RowMatrix dSmooth = smooth.layers()[0].weights - start;
    ASSERT_GT(dCounts.cwiseAbs().maxCoeff(), 0.0);
    for (Eigen::Index i = 0; i < 3; ++i)
        for (Eigen::Index j = 0; j < 2; ++j)
            EXPECT_NEAR(dSmooth(i, j) * cIn(i), dCounts(i, j) * 10.0 * x(i), 1e-12)
                << i << ", " << j;
    EXPECT_NE(dSmooth, dCounts); // 3.3 and 8.1 are not spike counts
}

} // namespace
} // namespace sdlab
