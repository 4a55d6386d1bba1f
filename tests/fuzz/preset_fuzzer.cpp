// JSON presets (sdlab-cli run --preset, the lab's File > Open Preset): any bytes either
// give a preset whose every value is one its experiment's description accepts, or
// InputError naming the file. Nothing else may be thrown, and what is read writes and
// reads back to the same values.
#include "experiment/preset.h"
#include "fuzz_check.h"
#include "io/input_error.h"

#include <cstdint>
#include <string>

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string json(reinterpret_cast<const char*>(data), size);
    sdlab::Preset preset;
    try {
        preset = sdlab::readPreset(json, "fuzz.json");
    } catch (const sdlab::InputError& e) {
        SDLAB_FUZZ_REQUIRE(std::string(e.what()).rfind("fuzz.json: ", 0) == 0);
        return 0;
    }
    SDLAB_FUZZ_REQUIRE(preset.experiment != nullptr);
    for (const sdlab::Parameter& p : preset.experiment->parameters)
        SDLAB_FUZZ_REQUIRE(sdlab::parameterError(p, preset.values.value(p.key)).empty());
    const sdlab::Preset again = sdlab::readPreset(sdlab::presetJson(preset), "again.json");
    SDLAB_FUZZ_REQUIRE(again.experiment == preset.experiment && again.values == preset.values);
    return 0;
}
