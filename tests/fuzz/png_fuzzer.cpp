// PNG images (opencv-doc's digits.png and any user image): any bytes either decode to
// width × height grey pixels within the size limit, or raise InputError.
#include "fuzz_check.h"
#include "io/input_error.h"
#include "io/png_reader.h"

#include <cstdint>
#include <span>

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const sdlab::GreyImage image = sdlab::parsePngGrey(std::span(data, size), "'fuzz.png'");
        SDLAB_FUZZ_REQUIRE(image.width > 0 && image.height > 0);
        SDLAB_FUZZ_REQUIRE(static_cast<std::uint64_t>(image.width) *
                               static_cast<std::uint64_t>(image.height) ==
                           image.pixels.size());
        SDLAB_FUZZ_REQUIRE(image.pixels.size() <= sdlab::kPngMaxPixels);
    } catch (const sdlab::InputError&) {
    }
    return 0;
}
