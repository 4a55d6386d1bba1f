#include "io/png_reader.h"

#include "io/compressed_bytes.h"
#include "io/input_error.h"

#include <array>
#include <cstdlib>

namespace sdlab {

namespace {

constexpr std::array<std::uint8_t, 8> kSignature{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

int channelsOf(std::uint8_t colourType) {
    switch (colourType) {
    case 0:
        return 1; // grey
    case 4:
        return 2; // grey + alpha
    case 2:
        return 3; // RGB
    case 6:
        return 4; // RGBA
    default:
        return 0; // palette (3) and unknown types
    }
}

std::uint8_t paeth(int a, int b, int c) {
    const int p = a + b - c;
    const int pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
    if (pa <= pb && pa <= pc)
        return static_cast<std::uint8_t>(a);
    return static_cast<std::uint8_t>(pb <= pc ? b : c);
}

// PNG filters (spec §9): undo them in place, row by row; `bpp` bytes per pixel.
void unfilter(std::vector<std::uint8_t>& data, std::size_t rowBytes, std::size_t rows, int bpp,
              const std::string& name) {
    const std::size_t stride = rowBytes + 1;
    for (std::size_t y = 0; y < rows; ++y) {
        std::uint8_t* row = data.data() + y * stride + 1;
        const std::uint8_t* up = y ? data.data() + (y - 1) * stride + 1 : nullptr;
        const std::uint8_t filter = row[-1];
        for (std::size_t x = 0; x < rowBytes; ++x) {
            const int a =
                x >= static_cast<std::size_t>(bpp) ? row[x - static_cast<std::size_t>(bpp)] : 0;
            const int b = up ? up[x] : 0;
            const int c = (up && x >= static_cast<std::size_t>(bpp))
                              ? up[x - static_cast<std::size_t>(bpp)]
                              : 0;
            int predictor = 0;
            switch (filter) {
            case 0:
                predictor = 0;
                break;
            case 1:
                predictor = a;
                break;
            case 2:
                predictor = b;
                break;
            case 3:
                predictor = (a + b) / 2;
                break;
            case 4:
                predictor = paeth(a, b, c);
                break;
            default:
                throw InputError(name + ": PNG row " + std::to_string(y + 1) +
                                 " has an unknown filter type " + std::to_string(filter));
            }
            row[x] = static_cast<std::uint8_t>(row[x] + predictor);
        }
    }
}

} // namespace

GreyImage parsePngGrey(std::span<const std::uint8_t> bytes, const std::string& inputName) {
    if (bytes.size() < kSignature.size() ||
        !std::equal(kSignature.begin(), kSignature.end(), bytes.begin()))
        throw InputError(inputName + " is not a PNG file (wrong signature)");
    std::size_t pos = kSignature.size();
    GreyImage image;
    int channels = 0;
    bool haveHeader = false;
    bool ended = false;
    std::vector<std::uint8_t> compressed;
    while (!ended) {
        if (bytes.size() - pos < 12)
            throw InputError(inputName + " is truncated (no IEND chunk)");
        const std::uint32_t length = readBigEndian32(bytes.data() + pos);
        if (length > bytes.size() - pos - 12)
            throw InputError(inputName + " is truncated inside a chunk");
        const std::span<const std::uint8_t> typeAndData = bytes.subspan(pos + 4, 4 + length);
        const std::string type(typeAndData.begin(), typeAndData.begin() + 4);
        const std::span<const std::uint8_t> data = typeAndData.subspan(4);
        if (crc32Of(typeAndData) != readBigEndian32(bytes.data() + pos + 8 + length))
            throw InputError(inputName + ": PNG chunk " + quoted(type) + " fails its CRC check");
        pos += 12 + length;
        if (type == "IHDR") {
            if (length != 13)
                throw InputError(inputName + ": malformed PNG header");
            const std::uint32_t width = readBigEndian32(data.data());
            const std::uint32_t height = readBigEndian32(data.data() + 4);
            if (width == 0 || height == 0 || std::uint64_t{width} * height > kPngMaxPixels)
                throw InputError(inputName + ": PNG size " + std::to_string(width) + "×" +
                                 std::to_string(height) + " is empty or too large");
            if (data[8] != 8)
                throw InputError(inputName +
                                 ": only 8-bit PNG images are supported (this one has " +
                                 std::to_string(data[8]) + " bits per sample)");
            channels = channelsOf(data[9]);
            if (channels == 0)
                throw InputError(inputName + ": PNG colour type " + std::to_string(data[9]) +
                                 " is not supported (grey, grey+alpha, RGB or RGBA)");
            if (data[10] != 0 || data[11] != 0)
                throw InputError(inputName + ": unknown PNG compression or filter method");
            if (data[12] != 0)
                throw InputError(inputName + ": interlaced PNG images are not supported");
            image.width = static_cast<int>(width);
            image.height = static_cast<int>(height);
            haveHeader = true;
        } else if (!haveHeader) {
            throw InputError(inputName + ": the PNG header (IHDR) is not the first chunk");
        } else if (type == "IDAT") {
            if (compressed.size() + length > 2 * kPngMaxPixels * 4)
                throw InputError(inputName + ": too much PNG image data");
            compressed.insert(compressed.end(), data.begin(), data.end());
        } else if (type == "IEND") {
            ended = true;
        } else if ((type[0] & 0x20) == 0) {
            throw InputError(inputName + ": unknown critical PNG chunk " + quoted(type));
        } // ancillary chunks are skipped
    }
    if (compressed.empty())
        throw InputError(inputName + ": the PNG has no image data");
    const std::size_t width = static_cast<std::size_t>(image.width);
    const std::size_t height = static_cast<std::size_t>(image.height);
    const std::size_t rowBytes = width * static_cast<std::size_t>(channels);
    std::vector<std::uint8_t> raw =
        zlibInflateExact(compressed, (rowBytes + 1) * height, inputName);
    unfilter(raw, rowBytes, height, channels, inputName);
    image.pixels.resize(width * height);
    for (std::size_t y = 0; y < height; ++y) {
        const std::uint8_t* row = raw.data() + y * (rowBytes + 1) + 1;
        for (std::size_t x = 0; x < width; ++x) {
            const std::uint8_t* px = row + x * static_cast<std::size_t>(channels);
            // Rec. 601 luma, rounded; grey images pass through unchanged.
            image.pixels[y * width + x] =
                channels >= 3 ? static_cast<std::uint8_t>(
                                    (299 * px[0] + 587 * px[1] + 114 * px[2] + 500) / 1000)
                              : px[0];
        }
    }
    return image;
}

GreyImage readPngGrey(const std::filesystem::path& path) {
    const std::vector<std::uint8_t> bytes = readBinaryFile(path, 4 * kPngMaxPixels);
    return parsePngGrey(bytes, quoted(path.string()));
}

} // namespace sdlab
