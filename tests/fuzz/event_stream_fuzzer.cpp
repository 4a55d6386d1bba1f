// Event recordings (.sdev binary or CSV): any bytes either parse into frames whose
// every event indexes a value of the frame (width × height × channels) with a non-zero
// count, or raise InputError.
#include "fuzz_check.h"
#include "io/event_stream.h"
#include "io/input_error.h"

#include <cstdint>
#include <string>

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    try {
        const sdlab::EventStream stream = sdlab::parseEventStream(bytes, "'fuzz.sdev'");
        SDLAB_FUZZ_REQUIRE(stream.channels == 1 || stream.channels == 3);
        const std::uint64_t values = std::uint64_t{stream.width} * stream.height * stream.channels;
        for (const sdlab::RecordedFrame& frame : stream.frames)
            for (const sdlab::RecordedEvent& e : frame.events)
                SDLAB_FUZZ_REQUIRE(e.valueIndex < values);
    } catch (const sdlab::InputError&) {
    }
    return 0;
}
