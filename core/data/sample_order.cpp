#include "data/sample_order.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

namespace sdlab {

std::optional<SampleOrderKind> parseSampleOrderKind(std::string_view name) {
    if (name == "shuffled")
        return SampleOrderKind::Shuffled;
    if (name == "temporal")
        return SampleOrderKind::Temporal;
    return std::nullopt;
}

const char* sampleOrderName(SampleOrderKind kind) {
    return kind == SampleOrderKind::Shuffled ? "shuffled" : "temporal";
}

namespace {

std::vector<std::uint32_t> shuffled(std::size_t count, std::uint64_t seed) {
    std::vector<std::uint32_t> order(count);
    std::iota(order.begin(), order.end(), 0u);
    std::mt19937_64 rng(seed);
    std::shuffle(order.begin(), order.end(), rng);
    return order;
}

// Greedy chain: start at the block's first sample, always step to the nearest sample
// not yet visited. O(n²·k) per block of n samples in k projected dimensions.
void chainBlock(const Eigen::MatrixXf& projected, const std::uint32_t* block, std::size_t n,
                std::vector<std::uint32_t>& out,
                std::size_t limit = std::numeric_limits<std::size_t>::max()) {
    std::vector<std::uint32_t> left(block, block + n);
    std::size_t current = 0;
    while (!left.empty() && out.size() < limit) {
        const std::uint32_t here = left[current];
        out.push_back(here);
        left[current] = left.back();
        left.pop_back();
        if (left.empty())
            break;
        float best = std::numeric_limits<float>::max();
        for (std::size_t k = 0; k < left.size(); ++k) {
            const float d = (projected.col(left[k]) - projected.col(here)).squaredNorm();
            if (d < best) {
                best = d;
                current = k;
            }
        }
    }
}

constexpr std::size_t kTemporalBlock = 2000;

// The seeded random projection to 32 dimensions of the images `which` lists (all when
// null); the other columns are left unset.
Eigen::MatrixXf projectImages(const LabelledImages& images, std::uint64_t seed,
                              const std::vector<std::uint32_t>* which) {
    constexpr Eigen::Index dims = 32;
    const Eigen::Index pixels = static_cast<Eigen::Index>(images.pixelCount());
    std::mt19937_64 rng(seed);
    std::normal_distribution<float> gaussian(0.0f, 1.0f);
    Eigen::MatrixXf projection(dims, pixels);
    for (Eigen::Index c = 0; c < pixels; ++c)
        for (Eigen::Index r = 0; r < dims; ++r)
            projection(r, c) = gaussian(rng);
    Eigen::MatrixXf projected(dims, static_cast<Eigen::Index>(images.size()));
    Eigen::VectorXf x(pixels);
    const std::size_t count = which ? which->size() : images.size();
    for (std::size_t n = 0; n < count; ++n) {
        const std::size_t i = which ? (*which)[n] : n;
        const std::uint8_t* p = images.image(i);
        for (Eigen::Index k = 0; k < pixels; ++k)
            x(k) = p[k] * (1.0f / 255.0f);
        projected.col(static_cast<Eigen::Index>(i)) = projection * x;
    }
    return projected;
}

} // namespace

std::vector<std::uint32_t> firstSamplesOfOrder(const LabelledImages& images, SampleOrderKind kind,
                                               std::uint64_t seed, int epoch, std::size_t count) {
    if (kind == SampleOrderKind::Shuffled) {
        std::vector<std::uint32_t> order =
            shuffled(images.size(), seed + 7919u * static_cast<std::uint64_t>(epoch));
        order.resize(std::min(count, order.size()));
        return order;
    }
    // The chains of the blocks the first `count` samples lie in: the first, mostly.
    const std::vector<std::uint32_t> blocks = shuffled(images.size(), seed);
    const std::size_t needed =
        std::min(blocks.size(), (count / kTemporalBlock + 1) * kTemporalBlock);
    const std::vector<std::uint32_t> used(blocks.begin(),
                                          blocks.begin() + static_cast<std::ptrdiff_t>(needed));
    const Eigen::MatrixXf projected = projectImages(images, seed, &used);
    std::vector<std::uint32_t> order;
    for (std::size_t start = 0; start < needed && order.size() < count; start += kTemporalBlock)
        chainBlock(projected, blocks.data() + start, std::min(kTemporalBlock, needed - start),
                   order, count);
    return order;
}

std::vector<std::uint32_t> sampleOrder(const LabelledImages& images, SampleOrderKind kind,
                                       std::uint64_t seed, int epoch,
                                       const ProgressCallback& progress) {
    if (kind == SampleOrderKind::Shuffled)
        return shuffled(images.size(), seed + 7919u * static_cast<std::uint64_t>(epoch));

    constexpr std::size_t blockSize = kTemporalBlock;
    const Eigen::MatrixXf projected = projectImages(images, seed, nullptr);
    const std::vector<std::uint32_t> blocks = shuffled(images.size(), seed);
    std::vector<std::uint32_t> order;
    order.reserve(images.size());
    for (std::size_t start = 0; start < blocks.size(); start += blockSize) {
        chainBlock(projected, blocks.data() + start, std::min(blockSize, blocks.size() - start),
                   order);
        if (progress && !progress(order.size(), images.size()))
            return {};
    }
    return order;
}

double meanStepDistance(const LabelledImages& images, const std::vector<std::uint32_t>& order) {
    if (order.size() < 2)
        return 0.0;
    double total = 0.0;
    const std::size_t n = images.pixelCount();
    for (std::size_t k = 1; k < order.size(); ++k) {
        const std::uint8_t* a = images.image(order[k - 1]);
        const std::uint8_t* b = images.image(order[k]);
        double sum = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            const double d = (a[i] - b[i]) / 255.0;
            sum += d * d;
        }
        total += std::sqrt(sum);
    }
    return total / static_cast<double>(order.size() - 1);
}

} // namespace sdlab
