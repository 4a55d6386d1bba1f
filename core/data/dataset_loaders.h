#pragma once

#include "data/image_dataset.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace sdlab {

// Where Debian's packages put the data sets the learning lab uses without a download.
inline const std::filesystem::path kFashionMnistDirectory = "/usr/share/datasets/fashion-mnist";
inline const std::filesystem::path kOpenCvDigitsPng =
    "/usr/share/doc/opencv-doc/examples/data/digits.png";

// An MNIST-style IDX directory: train-images-idx3-ubyte, train-labels-idx1-ubyte,
// t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, each optionally .gz (the names with
// a '.' before "idx" are accepted too). Images must be 3-D, labels 1-D, counts equal,
// labels < 256. The class names are the digits 0..(max label). InputError on any defect.
ImageDataset loadIdxDirectory(const std::filesystem::path& directory, const std::string& name);

// Fashion-MNIST from the Debian package dataset-fashion-mnist, with its class names.
ImageDataset loadFashionMnist(const std::filesystem::path& directory = kFashionMnistDirectory);

// OpenCV's digits.png: 5000 handwritten digits in 20×20 cells, 100 per row, five rows
// per digit (0 first). Fixed split: in every row the first 80 cells train and the last
// 20 test, so 4000/1000 with 400/100 per digit.
ImageDataset loadOpenCvDigits(const std::filesystem::path& png = kOpenCvDigitsPng);

// A data set that needs no file: ten classes of 14×14 images, each class a seeded
// random prototype of a few blurred strokes, every sample shifted by up to ±1 pixel,
// scaled in contrast and given pixel noise. Hard enough that a linear read-out does not
// reach 100 %, easy enough that a small MLP passes 90 % in one epoch.
ImageDataset makeSyntheticDigits(std::size_t trainCount, std::size_t testCount, std::uint64_t seed);

// Resolves a data-set name as the CLI and the GUI spell it: "fashion-mnist", "digits",
// "synthetic" (2000/500, seed 1) or "idx:DIR". InputError for anything else.
ImageDataset loadDatasetByName(const std::string& name);

} // namespace sdlab
