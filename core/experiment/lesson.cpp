#include "experiment/lesson.h"

#include "experiment/experiment_list.h"
#include "experiment/preset.h"
#include "io/input_error.h"
#include "io/json_reader.h"

namespace sdlab {

namespace {

const std::string kLessonFormat = "sdlab-lesson";
constexpr std::size_t kMaxSteps = 200;

std::string optionalText(const JsonValue& object, const char* key) {
    const JsonValue* value = object.member(key);
    if (!value || value->isNull())
        return {};
    if (!value->string())
        throw InputError(std::string("\"") + key + "\" must be text");
    return *value->string();
}

LessonStep readStep(const JsonValue& json) {
    if (!json.object())
        throw InputError("is not a JSON object");
    for (const auto& [key, value] : *json.object())
        if (key != "lab" && key != "preset" && key != "parameters" && key != "title" &&
            key != "text" && key != "highlight")
            throw InputError("unknown entry " + quoted(key) +
                             " (a step has lab, preset, parameters, title, text, highlight)");
    LessonStep step;
    const std::string lab = optionalText(json, "lab");
    if (lab.empty())
        throw InputError("\"lab\" is missing");
    step.experiment = findExperiment(lab);
    if (!step.experiment || step.experiment->id != lab || !step.experiment->hasLab)
        throw InputError("unknown lab " + quoted(lab));
    step.preset = optionalText(json, "preset");
    step.title = optionalText(json, "title");
    step.text = optionalText(json, "text");
    if (const JsonValue* parameters = json.member("parameters")) {
        step.parameters =
            canonicalParameterValues(*step.experiment, parameterValuesFromJson(*parameters));
        // Each value as the lab would take it: the type and range of its parameter
        // (the others at their defaults only to make a complete set to check).
        (void)checkedValues(*step.experiment, step.parameters, ParameterNaming::Key);
    }
    if (const JsonValue* highlight = json.member("highlight")) {
        const auto* keys = std::get_if<JsonValue::Array>(&highlight->value);
        if (!keys)
            throw InputError("\"highlight\" must be a list of parameter names");
        for (const JsonValue& key : *keys) {
            const Parameter* p =
                key.string() ? findParameter(*step.experiment, *key.string()) : nullptr;
            if (!p)
                throw InputError(
                    "\"highlight\" names " +
                    (key.string() ? quoted(*key.string()) : std::string("a non-text")) +
                    ", not a parameter of the " + step.experiment->id + " lab");
            step.highlight.push_back(p->key);
        }
    }
    return step;
}

} // namespace

Lesson readLesson(std::string_view json, const std::string& source) {
    const JsonValue document = parseJson(json, source);
    const auto fail = [&](const std::string& why) { throw InputError(source + ": " + why); };
    const JsonValue* format = document.object() ? document.member("format") : nullptr;
    if (!format || !format->string() || *format->string() != kLessonFormat)
        fail("not a Sigma-Delta Lab lesson (\"format\" is not \"" + kLessonFormat + "\")");
    const JsonValue* version = document.member("version");
    if (!version || !version->number() || *version->number() != Lesson::kVersion)
        fail("lesson version " +
             (version && version->number() ? formatParameterValue(*version->number())
                                           : std::string("(missing)")) +
             " is not supported (this is version " + std::to_string(Lesson::kVersion) + ")");
    Lesson lesson;
    try {
        lesson.title = optionalText(document, "title");
    } catch (const InputError& e) {
        fail(e.what());
    }
    const JsonValue* steps = document.member("steps");
    const auto* list = steps ? std::get_if<JsonValue::Array>(&steps->value) : nullptr;
    if (!list || list->empty())
        fail("\"steps\" must be a non-empty list");
    if (list->size() > kMaxSteps)
        fail("has " + std::to_string(list->size()) + " steps, more than the " +
             std::to_string(kMaxSteps) + " a lesson may have");
    for (std::size_t k = 0; k < list->size(); ++k) {
        try {
            lesson.steps.push_back(readStep((*list)[k]));
        } catch (const InputError& e) {
            fail("step " + std::to_string(k + 1) + ": " + e.what());
        }
    }
    return lesson;
}

} // namespace sdlab
