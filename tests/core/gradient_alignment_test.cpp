// Thesis §7.3.4 and Fig. 7.2: local and distant gradients of the feed-forward
// initializer, and the toy run comparing local and global training.
#include "equilibrium/feedforward_initializer.h"
#include "equilibrium/gradient_alignment.h"

#include <gtest/gtest.h>
#include <random>

using namespace sdlab;

namespace {

Eigen::VectorXd uniform(int n, std::mt19937_64& rng) {
    std::uniform_real_distribution<double> draw(0.0, 1.0);
    Eigen::VectorXd x(n);
    for (Eigen::Index i = 0; i < n; ++i)
        x[i] = draw(rng);
    return x;
}

// Sums layer 0's parts of the gradients (the layer the test looks at).
void add(InitializerGradient& sum, const InitializerGradient& g) {
    if (sum.weights.empty()) {
        sum = g;
        return;
    }
    sum.weights[0] += g.weights[0];
    sum.biases[0] += g.biases[0];
}

} // namespace

TEST(GradientAlignment, NearTheTeacherTheFirstLayersGradientsAlign) {
    // Eq. 7.7: with only ω_1 off the teacher's by a small Δω_1, the distant gradient
    // of ω_1 is xᵀ(xΔω_1 ⊙ ρ' ω_2 ⊙ ρ'² ω_2ᵀ ⊙ ρ'), the local one xᵀ(xΔω_1 ⊙ ρ'²):
    // aligned when ω_2 ρ'² ω_2ᵀ is near diagonal, and positively so in general.
    std::mt19937_64 rng(3);
    int positive = 0;
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        FeedforwardInitializer teacher({12, 10, 10}, 0.01, seed);
        FeedforwardInitializer student = teacher;
        for (int l = 0; l < 2; ++l) {
            teacher.bias(l).setConstant(0.5); // inside ρ's linear range
            student.bias(l).setConstant(0.5);
        }
        std::normal_distribution<double> noise(0.0, 1e-3);
        for (Eigen::Index k = 0; k < student.weights(0).size(); ++k)
            student.weights(0).data()[k] += noise(rng);
        InitializerGradient local, global, g;
        for (int k = 0; k < 64; ++k) {
            const Eigen::VectorXd x = uniform(12, rng);
            const EqState targets = teacher.forward(x);
            student.forward(x);
            student.gradient(x, targets, InitializerLoss::Local, g);
            add(local, g);
            student.gradient(x, targets, InitializerLoss::Global, g);
            add(global, g);
        }
        InitializerGradient distant = global;
        distant.weights[0] -= local.weights[0];
        distant.biases[0] -= local.biases[0];
        const double aligned = layerCosine(local, distant, 0);
        // S(local, local + distant) ≥ S(local, distant) (thesis §7.3.4).
        EXPECT_GE(layerCosine(local, global, 0), aligned - 1e-12) << seed;
        positive += aligned > 0.0;
    }
    EXPECT_GE(positive, 9);
}

TEST(GradientAlignment, LocallyTrainedStudentReachesALowerGlobalLoss) {
    // Fig. 7.2 left: from the same start and the same untuned η, training on the local
    // losses lowers the global loss faster than training on it directly.
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
        GradientAlignmentSettings s;
        s.seed = seed;
        const GradientAlignmentResult r = runGradientAlignment(s);
        ASSERT_FALSE(r.rows.empty());
        EXPECT_EQ(r.rows.front().localTrainedLoss, r.rows.front().globalTrainedLoss);
        EXPECT_LT(r.rows.back().localTrainedLoss, 0.05 * r.rows.front().localTrainedLoss);
        EXPECT_LT(r.rows.back().localTrainedLoss, r.rows.back().globalTrainedLoss) << seed;
        EXPECT_EQ(r.rows.back().step, s.steps);
        EXPECT_EQ(r.rows.back().alignment.size(), s.sizes.size() - 2);
        for (const GradientAlignmentRow& row : r.rows)
            for (double cosine : row.alignment) {
                EXPECT_GE(cosine, -1.0);
                EXPECT_LE(cosine, 1.0);
            }
    }
}

TEST(GradientAlignment, RowsEveryTwoHundredthAndCancel) {
    GradientAlignmentSettings s;
    s.steps = 1000;
    EXPECT_EQ(runGradientAlignment(s).rows.size(), 201u); // step 0, then every 5
    int calls = 0;
    const GradientAlignmentResult cancelled =
        runGradientAlignment(s, [&](std::size_t, std::size_t) { return ++calls < 12; });
    EXPECT_TRUE(cancelled.cancelled);
    EXPECT_EQ(cancelled.rows.back().step, 10);
    s.sizes = {4, 3};
    EXPECT_NE(s.validationError().find("--sizes"), std::string::npos);
}

TEST(GradientAlignment, TenthMeansOnAHandCase) {
    GradientAlignmentResult r;
    for (int k = 0; k < 20; ++k) // 20 rows: a tenth is 2 rows of 2 layers
        r.rows.push_back({k, 0.0, 0.0, {0.1 * k, -0.1 * k}});
    r.rows[0].alignment = {1.0, 0.0};
    r.rows[1].alignment = {0.5, 0.5};
    EXPECT_DOUBLE_EQ(meanAlignmentOfTenth(r, false), 0.5);
    r.rows[18].alignment = {0.2, 0.4};
    r.rows[19].alignment = {0.6, 0.8};
    EXPECT_DOUBLE_EQ(meanAlignmentOfTenth(r, true), 0.5);
    EXPECT_EQ(meanAlignmentOfTenth(GradientAlignmentResult{}, true), 0.0);
}
