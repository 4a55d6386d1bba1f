// Training speed of the LIF network in snnTorch tutorial 5's setting (784-1000-10
// Leaky, beta 0.95, T = 25, direct input, minibatch 128, Adam 5e-4, CE on the output
// membrane every step): training-only samples per second over one epoch of
// Fashion-MNIST (or the first N minibatches), then test accuracy. Prints one JSON line
// that tests/bench/lif_vs_torch.sh sets beside the same network in PyTorch.
// Run: build/tests/bench/sdlab_lif_bench [minibatches]   (0 or none: one epoch)
#include "data/dataset_loaders.h"
#include "data/sample_order.h"
#include "snn/lif_network.h"
#include "util/parallel_for.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

int main(int argc, char** argv) {
    const long limit = argc > 1 ? std::atol(argv[1]) : 0;
    if (!std::filesystem::exists(sdlab::kFashionMnistDirectory)) {
        std::printf("{\"skipped\": \"install dataset-fashion-mnist\"}\n");
        return 0;
    }
    const sdlab::ImageDataset data = sdlab::loadFashionMnist();
    sdlab::LifNetworkSettings s; // the defaults are tutorial 5's
    s.sizes = {data.inputSize(), 1000, data.classCount()};
    sdlab::LifNetwork net(s);
    const std::vector<std::uint32_t> order =
        sdlab::sampleOrder(data.train, sdlab::SampleOrderKind::Shuffled, 1, 0);
    Eigen::MatrixXd inputs;
    std::vector<int> labels;
    std::vector<sdlab::TrainStep> steps;
    double seconds = 0.0;
    long samples = 0, batches = 0;
    for (std::size_t first = 0; first < order.size(); first += static_cast<std::size_t>(s.batch)) {
        if (limit > 0 && batches == limit)
            break;
        const std::size_t size = std::min<std::size_t>(s.batch, order.size() - first);
        data.train.featureColumns(order, first, size, inputs);
        labels.resize(size);
        for (std::size_t k = 0; k < size; ++k)
            labels[k] = data.train.labels[order[first + k]];
        const auto start = std::chrono::steady_clock::now();
        net.trainBatch(inputs, labels, steps);
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        samples += static_cast<long>(size);
        ++batches;
    }
    std::size_t correct = 0;
    std::vector<int> classes;
    for (std::size_t first = 0; first < data.test.size(); first += 256) {
        const std::size_t size = std::min<std::size_t>(256, data.test.size() - first);
        data.test.featureColumns({}, first, size, inputs);
        net.predictBatch(inputs, classes);
        for (std::size_t k = 0; k < size; ++k)
            correct += classes[k] == data.test.labels[first + k];
    }
    std::printf("{\"samples\": %ld, \"train_seconds\": %.3f, \"samples_per_second\": %.1f, "
                "\"test_acc\": %.4f, \"threads\": %u}\n",
                samples, seconds, static_cast<double>(samples) / seconds,
                static_cast<double>(correct) / static_cast<double>(data.test.size()),
                sdlab::defaultThreadCount());
    return 0;
}
