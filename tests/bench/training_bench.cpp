// Training speed of the learning lab's models on 784-200-10, side by side in one run:
// samples per second of our MLP, of a plain Eigen loop written for speed (the 2× bar of
// issue 5), and of the PD network with recon and past updates in shuffled and temporal
// order, with each model's operations per sample; and the MLP's prediction with its
// inference count against the same forward pass uncounted. Uses the first 3000 Fashion-MNIST
// training images when dataset-fashion-mnist is installed, else 3000 synthetic images.
// Run: build/tests/bench/sdlab_training_bench
#include "data/dataset_loaders.h"
#include "data/sample_order.h"
#include "models/mlp.h"
#include "models/pd_network.h"
#include "ratio_reporter.h"

#include <benchmark/benchmark.h>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>
#include <string>

namespace {

struct Samples {
    std::vector<Eigen::VectorXd> x;
    std::vector<int> labels;
    std::vector<std::uint32_t> shuffled, temporal;
    std::string source;
};

const Samples& samples() {
    static const Samples data = [] {
        Samples s;
        sdlab::LabelledImages images;
        if (std::filesystem::exists(sdlab::kFashionMnistDirectory)) {
            images = sdlab::loadFashionMnist().train;
            s.source = "Fashion-MNIST";
        } else {
            // 784 pixels: tile the 14×14 synthetic images 2×2.
            const sdlab::LabelledImages small = sdlab::makeSyntheticDigits(3000, 0, 1).train;
            images.rows = images.cols = 28;
            for (std::size_t i = 0; i < small.size(); ++i) {
                for (int y = 0; y < 28; ++y)
                    for (int x = 0; x < 28; ++x)
                        images.pixels.push_back(small.image(i)[(y % 14) * 14 + x % 14]);
                images.labels.push_back(small.labels[i]);
            }
            s.source = "synthetic (install dataset-fashion-mnist for real images)";
        }
        images.labels.resize(3000);
        images.pixels.resize(3000 * images.pixelCount());
        for (std::size_t i = 0; i < images.size(); ++i) {
            Eigen::VectorXd x;
            images.features(i, x);
            s.x.push_back(std::move(x));
            s.labels.push_back(images.labels[i]);
        }
        s.shuffled = sdlab::sampleOrder(images, sdlab::SampleOrderKind::Shuffled, 1, 0);
        s.temporal = sdlab::sampleOrder(images, sdlab::SampleOrderKind::Temporal, 1, 0);
        return s;
    }();
    return data;
}

void report(benchmark::State& state, const sdlab::OpCounter& ops, std::uint64_t count) {
    state.SetItemsProcessed(static_cast<std::int64_t>(count));
    state.counters["adds/sample"] = static_cast<double>(ops.adds) / static_cast<double>(count);
    state.counters["mults/sample"] =
        static_cast<double>(ops.multiplies) / static_cast<double>(count);
}

void BM_MlpTrain(benchmark::State& state) {
    const Samples& s = samples();
    sdlab::Mlp mlp({784, 200, 10}, 0.01, 1);
    std::size_t k = 0;
    for (auto _ : state) {
        const std::uint32_t i = s.shuffled[k++ % s.shuffled.size()];
        benchmark::DoNotOptimize(mlp.train(s.x[i], s.labels[i]));
    }
    report(state, mlp.trainingOps(), k);
}

// The same network and arithmetic (double, minibatch 1, softmax/NLL, SGD), written as
// tightly as Eigen allows: transposed column-major weights, no virtual calls, no ops
// counting, everything preallocated.
void BM_PlainEigenLoop(benchmark::State& state) {
    const Samples& s = samples();
    std::mt19937_64 rng(1);
    std::uniform_real_distribution<double> u1(-0.08, 0.08), u2(-0.17, 0.17);
    Eigen::MatrixXd w1t(200, 784), w2t(10, 200);
    for (Eigen::Index i = 0; i < w1t.size(); ++i)
        w1t.data()[i] = u1(rng);
    for (Eigen::Index i = 0; i < w2t.size(); ++i)
        w2t.data()[i] = u2(rng);
    Eigen::VectorXd b1 = Eigen::VectorXd::Zero(200), b2 = Eigen::VectorXd::Zero(10);
    Eigen::VectorXd h(200), z(10), d2(10), d1(200);
    const double lr = 0.01;
    std::size_t k = 0;
    for (auto _ : state) {
        const std::uint32_t i = s.shuffled[k++ % s.shuffled.size()];
        const Eigen::VectorXd& x = s.x[i];
        h.noalias() = w1t * x;
        h = (h + b1).cwiseMax(0.0);
        z.noalias() = w2t * h;
        z += b2;
        d2 = (z.array() - z.maxCoeff()).exp();
        d2 /= d2.sum();
        d2(s.labels[i]) -= 1.0;
        d1.noalias() = w2t.transpose() * d2;
        d1 = (h.array() > 0.0).select(d1, 0.0);
        w2t.noalias() -= (lr * d2) * h.transpose();
        b2 -= lr * d2;
        w1t.noalias() -= (lr * d1) * x.transpose();
        b1 -= lr * d1;
        benchmark::DoNotOptimize(z.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(k));
}

// Prediction with its inference count (thesis App. B.2: dense and sparse products per
// layer) against the same forward pass without it: the count's share of a prediction.
void BM_MlpPredict(benchmark::State& state) {
    const Samples& s = samples();
    sdlab::Mlp mlp({784, 200, 10}, 0.01, 1);
    std::size_t k = 0;
    for (auto _ : state)
        benchmark::DoNotOptimize(mlp.predict(s.x[s.shuffled[k++ % s.shuffled.size()]]));
    state.SetItemsProcessed(static_cast<std::int64_t>(k));
}

void BM_MlpForwardUncounted(benchmark::State& state) {
    const Samples& s = samples();
    sdlab::Mlp mlp({784, 200, 10}, 0.01, 1);
    const auto& layers = mlp.layers();
    Eigen::VectorXd h(200), z(10);
    std::size_t k = 0;
    for (auto _ : state) {
        const Eigen::VectorXd& x = s.x[s.shuffled[k++ % s.shuffled.size()]];
        h.noalias() = layers[0].weights.transpose() * x; // as Mlp::forward computes it
        h = (h + layers[0].bias).cwiseMax(0.0);
        z.noalias() = layers[1].weights.transpose() * h;
        z += layers[1].bias;
        Eigen::Index best = 0;
        z.maxCoeff(&best);
        benchmark::DoNotOptimize(best);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(k));
}

// A fixed number of samples for every PDNN run: the cost of a sample changes as the
// network learns (its spike densities do), so two runs compare only on the same samples.
constexpr benchmark::IterationCount kPdnnSamples = 3000;

template <sdlab::UpdateRule Rule, bool Temporal> void BM_PdnnTrain(benchmark::State& state) {
    const Samples& s = samples();
    sdlab::PdNetworkSettings settings;
    settings.sizes = {784, 200, 10};
    settings.layer.rule = Rule;
    settings.layer.autoTune = true;
    sdlab::PdNetwork net(settings);
    net.beginEpoch(1); // kα = 0.9, the paper's setting after the first epoch
    const auto& order = Temporal ? s.temporal : s.shuffled;
    std::size_t k = 0;
    for (auto _ : state) {
        const std::uint32_t i = order[k++ % order.size()];
        benchmark::DoNotOptimize(net.train(s.x[i], s.labels[i]));
    }
    report(state, net.trainingOps(), k);
}

} // namespace

BENCHMARK(BM_MlpTrain);
BENCHMARK(BM_PlainEigenLoop);
BENCHMARK(BM_MlpPredict);
BENCHMARK(BM_MlpForwardUncounted);
BENCHMARK(BM_PdnnTrain<sdlab::UpdateRule::Recon, false>)
    ->Name("BM_PdnnRecon/shuffled")
    ->Iterations(kPdnnSamples);
BENCHMARK(BM_PdnnTrain<sdlab::UpdateRule::Past, false>)
    ->Name("BM_PdnnPast/shuffled")
    ->Iterations(kPdnnSamples);
BENCHMARK(BM_PdnnTrain<sdlab::UpdateRule::Recon, true>)
    ->Name("BM_PdnnRecon/temporal")
    ->Iterations(kPdnnSamples);
BENCHMARK(BM_PdnnTrain<sdlab::UpdateRule::Past, true>)
    ->Name("BM_PdnnPast/temporal")
    ->Iterations(kPdnnSamples);

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    std::printf("data: %s\n", samples().source.c_str());
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    auto& t = reporter.times;
    auto perSecond = [&](const std::string& name) {
        return t.count(name) && t[name] > 0 ? 1e9 / t[name] : 0.0;
    };
    std::printf("\nsamples/s: MLP %.0f, plain Eigen loop %.0f -> our MLP takes %.2fx the plain "
                "loop's time\n",
                perSecond("BM_MlpTrain"), perSecond("BM_PlainEigenLoop"),
                t["BM_PlainEigenLoop"] > 0 ? t["BM_MlpTrain"] / t["BM_PlainEigenLoop"] : 0.0);
    std::printf("prediction with its inference count takes %.3fx the uncounted forward pass "
                "(issue 21: the count may cost at most 5 %%)\n",
                t["BM_MlpForwardUncounted"] > 0 ? t["BM_MlpPredict"] / t["BM_MlpForwardUncounted"]
                                                : 0.0);
    std::printf("MLP multiply-adds/sample %.0f\n",
                reporter.counters["BM_MlpTrain"]["mults/sample"]);
    for (const char* name : {"BM_PdnnRecon/shuffled", "BM_PdnnPast/shuffled",
                             "BM_PdnnRecon/temporal", "BM_PdnnPast/temporal"})
        std::printf("%-22s %7.0f samples/s, adds/sample %8.0f, mults/sample %8.0f\n", name,
                    perSecond(name), reporter.counters[name]["adds/sample"],
                    reporter.counters[name]["mults/sample"]);
    benchmark::Shutdown();
    return 0;
}
