// JSON presets (File > Open Preset): any bytes either give a preset whose every value
// is one the lab's parameters accept, or no preset and one message naming the file.
// parsePreset reports by its return value; nothing may throw.
#include "fuzz_check.h"
#include "preset.h"

#include <cmath>
#include <cstdint>

namespace {

using sdlab::widgets::ParameterSpec;

// One parameter of every kind a lab has, with ranges, so the checks for each are fuzzed.
const sdlab::widgets::ParameterSpecs& specs() {
    static const sdlab::widgets::ParameterSpecs all{
        ParameterSpec{.key = QStringLiteral("kp"),
                      .label = QStringLiteral("kp"),
                      .minimum = 0.0,
                      .maximum = 10.0,
                      .defaultValue = 0.1,
                      .decimals = 3},
        ParameterSpec{.key = QStringLiteral("steps"),
                      .label = QStringLiteral("steps"),
                      .kind = ParameterSpec::Kind::Integer,
                      .minimum = 1,
                      .maximum = 1000,
                      .defaultValue = 10.0},
        ParameterSpec{.key = QStringLiteral("signal"),
                      .label = QStringLiteral("signal"),
                      .kind = ParameterSpec::Kind::Choice,
                      .choices = {QStringLiteral("smooth"), QStringLiteral("steps")},
                      .choiceLabels = {QStringLiteral("Smooth"), QStringLiteral("Steps")},
                      .defaultText = QStringLiteral("smooth")},
        ParameterSpec{.key = QStringLiteral("file"),
                      .label = QStringLiteral("file"),
                      .kind = ParameterSpec::Kind::File},
    };
    return all;
}

} // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the name libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray json(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    QString error;
    (void)sdlab::gui::presetLab(json, QStringLiteral("fuzz.json"), &error);
    error.clear();
    const std::optional<sdlab::gui::Preset> preset = sdlab::gui::parsePreset(
        json, QStringLiteral("fuzz.json"), QStringLiteral("signal"), specs(), &error);
    if (!preset) {
        SDLAB_FUZZ_REQUIRE(error.contains(QStringLiteral("fuzz.json")));
        return 0;
    }
    SDLAB_FUZZ_REQUIRE(preset->lab == QStringLiteral("signal"));
    for (const ParameterSpec& spec : specs()) {
        const QVariant value = preset->parameters.value(spec.key);
        SDLAB_FUZZ_REQUIRE(value.isValid());
        if (spec.kind == ParameterSpec::Kind::Real || spec.kind == ParameterSpec::Kind::Integer) {
            const double v = value.toDouble();
            SDLAB_FUZZ_REQUIRE(std::isfinite(v) && v >= spec.minimum && v <= spec.maximum);
        } else if (spec.kind == ParameterSpec::Kind::Choice) {
            SDLAB_FUZZ_REQUIRE(spec.choices.contains(value.toString()));
        }
    }
    // What is written reads back to the same values.
    const std::optional<sdlab::gui::Preset> again =
        sdlab::gui::parsePreset(sdlab::gui::presetToJson(*preset), QStringLiteral("fuzz.json"),
                                QStringLiteral("signal"), specs(), &error);
    SDLAB_FUZZ_REQUIRE(again && again->parameters == preset->parameters);
    return 0;
}
