// Settling speed of the Equilibrium lab's networks on [784-500-10] (issue 6), side by
// side in one run: continuous Euler steps (the input's drive cached, as a settling on a
// fixed input allows, and recomputed every step), spiking steps with event-driven input
// sums, and the same spike vectors summed by dense matrix-vector products. Then, not
// timed: settling steps and operations per training sample of EqProp and Initialized
// EqProp when a phase ends at max |Δs| ≤ 1e-3 (at most 100 + 20 steps), over the first
// 1000 Fashion-MNIST images (synthetic images when the package is absent).
// Run: build/tests/bench/sdlab_equilibrium_bench
#include "data/dataset_loaders.h"
#include "equilibrium/continuous_settler.h"
#include "equilibrium/spiking_settler.h"
#include "ratio_reporter.h"
#include "training/training_run.h"

#include <benchmark/benchmark.h>
#include <cstdio>
#include <filesystem>

namespace {

const std::vector<int> kSizes{784, 500, 10};

const sdlab::ImageDataset& data() {
    static const sdlab::ImageDataset d = [] {
        if (std::filesystem::exists(sdlab::kFashionMnistDirectory)) {
            sdlab::ImageDataset all = sdlab::loadFashionMnist();
            all.train.labels.resize(1000);
            all.train.pixels.resize(1000 * all.train.pixelCount());
            return all;
        }
        sdlab::ImageDataset synthetic = sdlab::makeSyntheticDigits(1000, 100, 1);
        return synthetic;
    }();
    return d;
}

Eigen::VectorXd input() {
    Eigen::VectorXd x = Eigen::VectorXd::Zero(784);
    Eigen::VectorXd image;
    data().train.features(0, image);
    x.head(std::min<Eigen::Index>(784, image.size())) =
        image.head(std::min<Eigen::Index>(784, image.size()));
    return x;
}

void BM_ContinuousStepCachedInput(benchmark::State& state) {
    const sdlab::EnergyNetwork net(kSizes, 1);
    sdlab::ContinuousSettler settler(net);
    settler.setInput(input());
    sdlab::EqState s = net.zeroState();
    for (auto _ : state) {
        settler.step(s, 0.5);
        benchmark::DoNotOptimize(s[0].data());
    }
    state.counters["steps/s"] =
        benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ContinuousStepCachedInput)->Unit(benchmark::kMicrosecond);

void BM_ContinuousStepDenseInput(benchmark::State& state) {
    const sdlab::EnergyNetwork net(kSizes, 1);
    sdlab::ContinuousSettler settler(net);
    const Eigen::VectorXd x = input();
    sdlab::EqState s = net.zeroState();
    for (auto _ : state) {
        settler.setInput(x); // every step: W_0ᵀx, as units that keep sending their values
        settler.step(s, 0.5);
        benchmark::DoNotOptimize(s[0].data());
    }
    state.counters["steps/s"] =
        benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ContinuousStepDenseInput)->Unit(benchmark::kMicrosecond);

void BM_SpikingStepEventDriven(benchmark::State& state) {
    const sdlab::EnergyNetwork net(kSizes, 1);
    sdlab::SpikingSettler settler(net, {});
    settler.start(input());
    settler.settle(50); // past the first transient
    std::uint64_t spikes = 0;
    for (auto _ : state)
        spikes += static_cast<std::uint64_t>(settler.step());
    state.counters["steps/s"] =
        benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["spikes/step"] =
        static_cast<double>(spikes) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_SpikingStepEventDriven)->Unit(benchmark::kMicrosecond);

// The input sums of the same spiking network done densely: u = Wᵀq for 0/1 vectors q.
void BM_SpikingSumsDense(benchmark::State& state) {
    const sdlab::EnergyNetwork net(kSizes, 1);
    sdlab::SpikingSettler settler(net, {});
    settler.start(input());
    settler.settle(50);
    std::vector<Eigen::VectorXd> q;
    for (std::size_t l = 0; l < kSizes.size(); ++l) {
        q.emplace_back(Eigen::VectorXd::Zero(kSizes[l]));
        for (int i : settler.lastSpikes()[l])
            q[l][i] = 1.0;
    }
    Eigen::VectorXd hidden(500), output(10);
    for (auto _ : state) {
        hidden.noalias() = net.weights(0).transpose() * q[0];
        hidden.noalias() += net.weights(1) * q[2];
        output.noalias() = net.weights(1).transpose() * q[1];
        benchmark::DoNotOptimize(hidden.data());
        benchmark::DoNotOptimize(output.data());
    }
}
BENCHMARK(BM_SpikingSumsDense)->Unit(benchmark::kMicrosecond);

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    auto& t = reporter.times;
    std::printf("\n[784-500-10] steps/s: continuous %.0f (input drive cached), %.0f (recomputed); "
                "spiking %.0f\n",
                1e6 / t["BM_ContinuousStepCachedInput"], 1e6 / t["BM_ContinuousStepDenseInput"],
                1e6 / t["BM_SpikingStepEventDriven"]);
    std::printf("spiking step, event-driven, takes %.2fx the time of its input sums done densely "
                "(%.0f spikes/step of %d units)\n",
                t["BM_SpikingStepEventDriven"] / t["BM_SpikingSumsDense"],
                reporter.counters["BM_SpikingStepEventDriven"]["spikes/step"], 784 + 500 + 10);

    std::printf(
        "\nops per settled training sample, phases end at max|ds| <= 1e-3 (<= 100 + 20 steps), "
        "%zu images of %s, [%d-500-10]:\n",
        data().train.size(), data().name.c_str(), data().inputSize());
    for (const auto model : {sdlab::ModelKind::EqProp, sdlab::ModelKind::InitEqProp}) {
        sdlab::TrainingSettings s;
        s.model = model;
        s.hidden = {500};
        s.freeSteps = 100;
        s.clampedSteps = 20;
        s.settleTolerance = 1e-3;
        s.rowsPerEpoch = 1;
        s.interimTestSamples = 100;
        auto classifier = sdlab::makeClassifier(s, data().inputSize(), data().classCount());
        const sdlab::TrainingResult r = sdlab::runTraining(*classifier, data(), s);
        std::printf("  %-12s %6.1f settle steps/sample, %8.0f kOps/sample, train accuracy %.1f%%\n",
                    sdlab::modelName(model), r.curve.back().settleSteps, r.opsPerSample / 1000,
                    100 * r.finalTrainAccuracy);
    }
    return 0;
}
