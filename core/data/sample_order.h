#pragma once

#include "data/image_dataset.h"
#include "util/progress.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace sdlab {

// The order in which a training loop visits samples, one epoch at a time.
//   Shuffled: a fresh seeded permutation each epoch.
//   Temporal: consecutive samples are similar, as in ICLR'18 §3.1's "Temporal MNIST":
//     the samples are split (seeded) into blocks of up to 2000, and each block is
//     walked as a greedy nearest-neighbour chain in L2 pixel distance (on a seeded
//     random projection to 32 dimensions, which keeps it to about a second for
//     60 000 images). The same order is used every epoch.
enum class SampleOrderKind { Shuffled, Temporal };

std::optional<SampleOrderKind> parseSampleOrderKind(std::string_view name);
const char* sampleOrderName(SampleOrderKind kind);

// Epoch `epoch` (0-based) of the order over `images`. Temporal orders report progress
// per block and return an empty vector when cancelled.
std::vector<std::uint32_t> sampleOrder(const LabelledImages& images, SampleOrderKind kind,
                                       std::uint64_t seed, int epoch,
                                       const ProgressCallback& progress = {});
// The first `count` samples of sampleOrder(images, kind, seed, epoch), exactly, without
// ordering the rest (the Learning lab's view of consecutive samples, thesis Fig. 4.3).
std::vector<std::uint32_t> firstSamplesOfOrder(const LabelledImages& images, SampleOrderKind kind,
                                               std::uint64_t seed, int epoch, std::size_t count);

// Mean L2 pixel distance (pixels in [0, 1]) between consecutive samples of an order.
double meanStepDistance(const LabelledImages& images, const std::vector<std::uint32_t>& order);

} // namespace sdlab
