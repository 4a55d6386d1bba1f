#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

namespace sdlab {

// Greyscale images with class labels: pixels 0-255, row-major, one image after another.
// Kept as bytes (Fashion-MNIST's 60 000 images take 47 MB, not 376 MB as doubles);
// features() converts one image to [0, 1] when a model needs it.
struct LabelledImages {
    int rows = 0;
    int cols = 0;
    std::vector<std::uint8_t> pixels;
    std::vector<std::uint8_t> labels;

    std::size_t size() const { return labels.size(); }
    std::size_t pixelCount() const {
        return static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols);
    }
    const std::uint8_t* image(std::size_t index) const {
        return pixels.data() + index * pixelCount();
    }
    // Image `index` scaled to [0, 1] into x (resized to pixelCount(); no allocation
    // when it already has that size).
    void features(std::size_t index, Eigen::VectorXd& x) const;
    // Images indices[0..count) (or first..first+count when indices is empty) as the
    // columns of `out`, a minibatch as trainBatch/predictBatch take it.
    void featureColumns(const std::vector<std::uint32_t>& indices, std::size_t first,
                        std::size_t count, Eigen::MatrixXd& out) const;
};

// A classification data set: a training and a test part of the same image size.
struct ImageDataset {
    std::string name;
    LabelledImages train;
    LabelledImages test;
    std::vector<std::string> classNames;

    int classCount() const { return static_cast<int>(classNames.size()); }
    int inputSize() const { return static_cast<int>(train.pixelCount()); }
};

} // namespace sdlab
