#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace sdlab {

// An 8-bit greyscale image, row-major.
struct GreyImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;
};

// The largest image accepted (pixels); larger headers are refused before allocating.
inline constexpr std::uint64_t kPngMaxPixels = std::uint64_t{1} << 28;

// Decodes a non-interlaced 8-bit PNG (greyscale, grey+alpha, RGB or RGBA; colour is
// converted to grey with the Rec. 601 weights, alpha is dropped). Chunk CRCs, the
// header, the filter bytes and the inflated size are all checked; any defect or an
// unsupported variant raises InputError naming `inputName`.
GreyImage parsePngGrey(std::span<const std::uint8_t> bytes, const std::string& inputName);

GreyImage readPngGrey(const std::filesystem::path& path);

} // namespace sdlab
