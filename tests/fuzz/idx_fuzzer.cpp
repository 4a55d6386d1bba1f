// IDX arrays, plain or gzip (MNIST-style data sets): any bytes either parse into an
// array whose value count is the product of its 1-4 positive dimensions, or raise
// InputError, without allocating more than the format's limit.
#include "fuzz_check.h"
#include "io/idx_reader.h"
#include "io/input_error.h"

#include <cstdint>
#include <span>

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const sdlab::IdxArray array = sdlab::parseIdx(std::span(data, size), "'fuzz.idx'");
        SDLAB_FUZZ_REQUIRE(!array.dims.empty() && array.dims.size() <= 4);
        std::uint64_t values = 1;
        for (std::uint32_t d : array.dims) {
            SDLAB_FUZZ_REQUIRE(d > 0);
            values *= d;
        }
        SDLAB_FUZZ_REQUIRE(values == array.values.size());
        SDLAB_FUZZ_REQUIRE(values <= sdlab::kIdxMaxValues);
    } catch (const sdlab::InputError&) {
    }
    return 0;
}
