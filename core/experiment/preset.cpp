#include "experiment/preset.h"

#include "experiment/experiment_list.h"
#include "io/input_error.h"
#include "io/json_reader.h"
#include "io/json_writer.h"

namespace sdlab {

namespace {

const std::string kPresetFormat = "sdlab-preset";

ParameterValue fromJson(const JsonValue& json) {
    if (json.isNull())
        return std::monostate{};
    if (const bool* b = std::get_if<bool>(&json.value))
        return *b;
    if (const double* d = json.number())
        return *d;
    if (const std::string* s = json.string())
        return *s;
    return std::string("(an array or object)");
}

std::string toJson(const ParameterValue& value) {
    if (std::holds_alternative<std::monostate>(value))
        return "null";
    if (const bool* b = std::get_if<bool>(&value))
        return *b ? "true" : "false";
    if (const std::string* s = std::get_if<std::string>(&value))
        return JsonObjectWriter::quote(*s);
    return formatParameterValue(value);
}

} // namespace

std::map<std::string, ParameterValue> parameterValuesFromJson(const JsonValue& object) {
    std::map<std::string, ParameterValue> given;
    if (!object.object())
        throw InputError("\"parameters\" must be an object");
    for (const auto& [key, value] : *object.object()) {
        if (value.object() || std::holds_alternative<JsonValue::Array>(value.value))
            throw InputError("parameter " + sdlab::quoted(key) +
                             " must be a number, text, true/false or null");
        given[key] = fromJson(value);
    }
    return given;
}

std::map<std::string, ParameterValue>
canonicalParameterValues(const Experiment& experiment,
                         const std::map<std::string, ParameterValue>& given) {
    std::map<std::string, ParameterValue> canonical;
    for (const auto& [key, value] : given) {
        const Parameter* p = findParameter(experiment, key);
        if (!p)
            throw InputError("unknown parameter " + sdlab::quoted(key));
        if (canonical.count(p->key))
            throw InputError("parameter " + sdlab::quoted(p->key) + " is given twice (as " +
                             sdlab::quoted(key) + ")");
        // Text for a number ("0.1") is refused rather than parsed: the type is part of
        // the format.
        canonical[p->key] = value;
    }
    return canonical;
}

Preset readPreset(std::string_view json, const std::string& source, std::string_view expectedLab) {
    const auto fail = [&](const std::string& why) -> Preset {
        throw InputError(source + ": " + why);
    };
    const JsonValue document = parseJson(json, source);
    if (!document.object())
        return fail("not a Sigma-Delta Lab preset (expected a JSON object)");
    const JsonValue* format = document.member("format");
    if (!format || !format->string() || *format->string() != kPresetFormat)
        return fail("not a Sigma-Delta Lab preset (\"format\" is not \"" + kPresetFormat + "\")");
    const JsonValue* version = document.member("version");
    const double* number = version ? version->number() : nullptr;
    if (!number || (*number != 1 && *number != Preset::kVersion))
        return fail("preset version " +
                    (number ? formatParameterValue(*number) : std::string("(missing)")) +
                    " is not supported (this is version " + std::to_string(Preset::kVersion) +
                    "; version 1 is read too)");
    const JsonValue* lab = document.member("lab");
    if (!lab || !lab->string())
        return fail("\"lab\" is missing");
    Preset preset;
    preset.experiment = findExperiment(*lab->string());
    if (!preset.experiment || preset.experiment->id != *lab->string())
        return fail("unknown lab " + sdlab::quoted(*lab->string()));
    if (!expectedLab.empty() && preset.experiment->id != expectedLab)
        return fail("this preset is for the '" + preset.experiment->id + "' lab, not '" +
                    std::string(expectedLab) + "'");
    if (const JsonValue* name = document.member("name"); name && name->string())
        preset.name = *name->string();
    if (const JsonValue* text = document.member("description"); text && text->string())
        preset.description = *text->string();
    const JsonValue* parameters = document.member("parameters");
    if (!parameters || !parameters->object())
        return fail("\"parameters\" must be an object");

    const Experiment& experiment = *preset.experiment;
    try {
        std::map<std::string, ParameterValue> given = parameterValuesFromJson(*parameters);
        if (*number == 1 && experiment.upgrade)
            experiment.upgrade(given);
        preset.values = checkedValues(experiment, canonicalParameterValues(experiment, given),
                                      ParameterNaming::Key);
    } catch (const InputError& e) {
        return fail(e.what());
    }
    if (experiment.reconcile)
        experiment.reconcile(preset.values, "");
    return preset;
}

std::string presetJson(const Preset& preset) {
    std::string parameters = "{";
    bool first = true;
    for (const Parameter& p : preset.experiment->parameters) {
        if (!preset.values.contains(p.key))
            continue;
        parameters += std::string(first ? "" : ",") + "\n    " + JsonObjectWriter::quote(p.key) +
                      ": " + toJson(preset.values.value(p.key));
        first = false;
    }
    parameters += "\n  }";
    JsonObjectWriter json;
    json.add("format", kPresetFormat)
        .add("version", static_cast<long long>(Preset::kVersion))
        .add("lab", preset.experiment->id)
        .add("name", preset.name)
        .add("description", preset.description)
        .addRaw("parameters", parameters);
    return json.text();
}

} // namespace sdlab
