#include "data/dataset_loaders.h"

#include "io/idx_reader.h"
#include "io/input_error.h"
#include "io/png_reader.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <random>

namespace sdlab {

namespace {

std::filesystem::path findIdxFile(const std::filesystem::path& directory, const std::string& part,
                                  const std::string& kind) {
    // "train-images-idx3-ubyte" (LeCun's names) or "train-images.idx3-ubyte" (some copies).
    for (const char* separator : {"-", "."}) {
        for (const char* suffix : {"", ".gz"}) {
            std::string name = part;
            name += separator;
            name += kind;
            name += "-ubyte";
            name += suffix;
            std::filesystem::path candidate = directory / name;
            std::error_code error;
            if (std::filesystem::is_regular_file(candidate, error))
                return candidate;
        }
    }
    throw InputError(quoted(directory.string()) + " has no " + part + "-" + kind +
                     "-ubyte file (plain or .gz)");
}

LabelledImages loadIdxPair(const std::filesystem::path& directory, const std::string& prefix) {
    const std::filesystem::path imagePath = findIdxFile(directory, prefix + "-images", "idx3");
    const std::filesystem::path labelPath = findIdxFile(directory, prefix + "-labels", "idx1");
    IdxArray images = readIdxFile(imagePath);
    IdxArray labels = readIdxFile(labelPath);
    if (images.dims.size() != 3)
        throw InputError(quoted(imagePath.string()) + " holds a " +
                         std::to_string(images.dims.size()) +
                         "-D array; images need 3 dimensions (count, rows, columns)");
    if (labels.dims.size() != 1)
        throw InputError(quoted(labelPath.string()) + " holds a " +
                         std::to_string(labels.dims.size()) + "-D array; labels need 1 dimension");
    if (images.dims[0] != labels.dims[0])
        throw InputError(quoted(imagePath.string()) + " has " + std::to_string(images.dims[0]) +
                         " images but '" + labelPath.string() + "' has " +
                         std::to_string(labels.dims[0]) + " labels");
    LabelledImages part;
    part.rows = static_cast<int>(images.dims[1]);
    part.cols = static_cast<int>(images.dims[2]);
    part.pixels = std::move(images.values);
    part.labels = std::move(labels.values);
    return part;
}

std::vector<std::string> digitNames(int count) {
    std::vector<std::string> names;
    names.reserve(static_cast<std::size_t>(count));
    for (int k = 0; k < count; ++k)
        names.push_back(std::to_string(k));
    return names;
}

} // namespace

ImageDataset loadIdxDirectory(const std::filesystem::path& directory, const std::string& name) {
    std::error_code error;
    if (!std::filesystem::is_directory(directory, error))
        throw InputError(quoted(directory.string()) + " is not a directory");
    ImageDataset data;
    data.name = name;
    data.train = loadIdxPair(directory, "train");
    data.test = loadIdxPair(directory, "t10k");
    if (data.train.rows != data.test.rows || data.train.cols != data.test.cols)
        throw InputError(quoted(directory.string()) + ": training and test images differ in size");
    if (data.train.size() == 0 || data.test.size() == 0)
        throw InputError(quoted(directory.string()) + " has an empty training or test set");
    int maxLabel = 0;
    for (const auto* part : {&data.train, &data.test})
        for (std::uint8_t label : part->labels)
            maxLabel = std::max<int>(maxLabel, label);
    data.classNames = digitNames(maxLabel + 1);
    return data;
}

ImageDataset loadFashionMnist(const std::filesystem::path& directory) {
    ImageDataset data = loadIdxDirectory(directory, "fashion-mnist");
    if (data.classCount() > 10)
        throw InputError(quoted(directory.string()) + " has labels above 9: not Fashion-MNIST");
    data.classNames = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                       "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
    return data;
}

ImageDataset loadOpenCvDigits(const std::filesystem::path& png) {
    constexpr int cell = 20, perRow = 100, rowsPerDigit = 5, trainPerRow = 80;
    const GreyImage image = readPngGrey(png);
    if (image.width != cell * perRow || image.height != cell * rowsPerDigit * 10)
        throw InputError(quoted(png.string()) + " is " + std::to_string(image.width) + "×" +
                         std::to_string(image.height) +
                         ", not the 2000×1000 sheet of OpenCV's digits.png");
    ImageDataset data;
    data.name = "digits";
    data.classNames = digitNames(10);
    for (auto* part : {&data.train, &data.test}) {
        part->rows = cell;
        part->cols = cell;
    }
    for (int cellRow = 0; cellRow < 10 * rowsPerDigit; ++cellRow) {
        for (int cellCol = 0; cellCol < perRow; ++cellCol) {
            LabelledImages& part = cellCol < trainPerRow ? data.train : data.test;
            part.labels.push_back(static_cast<std::uint8_t>(cellRow / rowsPerDigit));
            for (int y = 0; y < cell; ++y) {
                const auto* src =
                    image.pixels.data() +
                    static_cast<std::size_t>((cellRow * cell + y) * image.width + cellCol * cell);
                part.pixels.insert(part.pixels.end(), src, src + cell);
            }
        }
    }
    return data;
}

namespace {

struct Stroke {
    double x0, y0, x1, y1;
};

double distanceToSegment(double px, double py, const Stroke& s) {
    const double dx = s.x1 - s.x0, dy = s.y1 - s.y0;
    const double length2 = dx * dx + dy * dy;
    double u = length2 > 0 ? ((px - s.x0) * dx + (py - s.y0) * dy) / length2 : 0.0;
    u = std::clamp(u, 0.0, 1.0);
    const double ex = s.x0 + u * dx - px, ey = s.y0 + u * dy - py;
    return std::sqrt(ex * ex + ey * ey);
}

void drawSample(const std::array<Stroke, 3>& prototype, std::mt19937_64& rng, LabelledImages& part,
                int label) {
    constexpr int size = 14;
    std::uniform_real_distribution<double> jitter(-0.8, 0.8);
    std::uniform_int_distribution<int> shift(-1, 1);
    std::uniform_real_distribution<double> contrast(0.6, 1.0);
    std::normal_distribution<double> noise(0.0, 0.12);
    std::array<Stroke, 3> strokes = prototype;
    const double sx = shift(rng), sy = shift(rng);
    for (Stroke& s : strokes) {
        s.x0 += sx + jitter(rng);
        s.y0 += sy + jitter(rng);
        s.x1 += sx + jitter(rng);
        s.y1 += sy + jitter(rng);
    }
    const double gain = contrast(rng);
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            double ink = 0.0;
            for (const Stroke& s : strokes) {
                const double d = distanceToSegment(x, y, s);
                ink = std::max(ink, std::exp(-d * d / (2 * 0.9 * 0.9)));
            }
            const double value = std::clamp(gain * ink + noise(rng), 0.0, 1.0);
            part.pixels.push_back(static_cast<std::uint8_t>(std::lround(255 * value)));
        }
    }
    part.labels.push_back(static_cast<std::uint8_t>(label));
}

} // namespace

ImageDataset makeSyntheticDigits(std::size_t trainCount, std::size_t testCount,
                                 std::uint64_t seed) {
    constexpr int classes = 10;
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> coordinate(2.0, 11.0);
    std::array<std::array<Stroke, 3>, classes> prototypes{};
    for (auto& prototype : prototypes)
        for (Stroke& s : prototype)
            s = {coordinate(rng), coordinate(rng), coordinate(rng), coordinate(rng)};
    ImageDataset data;
    data.name = "synthetic";
    data.classNames = {"A", "B", "C", "D", "E", "F", "G", "H", "I", "J"};
    for (auto* part : {&data.train, &data.test}) {
        part->rows = 14;
        part->cols = 14;
    }
    std::uniform_int_distribution<int> anyClass(0, classes - 1);
    for (std::size_t k = 0; k < trainCount + testCount; ++k) {
        const int label = anyClass(rng);
        drawSample(prototypes[static_cast<std::size_t>(label)], rng,
                   k < trainCount ? data.train : data.test, label);
    }
    return data;
}

ImageDataset loadDatasetByName(const std::string& name) {
    std::error_code error;
    if (name == "fashion-mnist") {
        if (!std::filesystem::is_directory(kFashionMnistDirectory, error))
            throw InputError("Fashion-MNIST is not installed at '" +
                             kFashionMnistDirectory.string() +
                             "' (Debian package dataset-fashion-mnist)");
        return loadFashionMnist();
    }
    if (name == "digits") {
        if (!std::filesystem::is_regular_file(kOpenCvDigitsPng, error))
            throw InputError("OpenCV's digits are not installed at '" + kOpenCvDigitsPng.string() +
                             "' (Debian package opencv-doc)");
        return loadOpenCvDigits();
    }
    if (name == "synthetic")
        return makeSyntheticDigits(2000, 500, 1);
    if (name.rfind("idx:", 0) == 0 && name.size() > 4)
        return loadIdxDirectory(name.substr(4), name);
    throw InputError("unknown data set '" + name +
                     "' (use fashion-mnist, digits, synthetic or idx:DIRECTORY)");
}

} // namespace sdlab
