#pragma once

#include "experiment/experiment.h"
#include "io/json_reader.h"

#include <map>
#include <string>
#include <string_view>

namespace sdlab {

// A versioned JSON preset: one experiment's parameter values with a name and a
// description, read and written the same way by the CLI (run --preset, --save-preset)
// and the GUI (File > Open Preset, Save Preset As).
//   { "format": "sdlab-preset", "version": 2, "lab": "signal", "name": "…",
//     "description": "…", "parameters": { "kp": 0.1, "signal": "smooth", … } }
// Parameters a preset leaves out take their defaults, so a preset is a whole state. An
// unset optional number is null. Version 1 (the GUI's first keys) is still read: its
// keys go through the parameters' aliases and the experiment's upgrade().
struct Preset {
    static constexpr int kVersion = 2;
    const Experiment* experiment = nullptr;
    std::string name;
    std::string description;
    ParameterValues values;
};

// The preset in `json`, checked against its experiment (found by its "lab"); when
// `expectedLab` is not empty, a preset for another lab is refused. Throws InputError
// "SOURCE: what is wrong" (not JSON, wrong format or version, unknown lab, unknown
// parameter, wrong type, out of range).
Preset readPreset(std::string_view json, const std::string& source,
                  std::string_view expectedLab = {});
// A preset's "parameters" object as given (keys as written); InputError (naming no
// source) when it is not an object or a value is an array or object. Lessons share it.
std::map<std::string, ParameterValue> parameterValuesFromJson(const JsonValue& object);
// The same values keyed by each parameter's key (aliases resolved); InputError for an
// unknown parameter or one given twice.
std::map<std::string, ParameterValue>
canonicalParameterValues(const Experiment& experiment,
                         const std::map<std::string, ParameterValue>& given);

// The preset as version-2 JSON text, parameters in the description's order.
std::string presetJson(const Preset& preset);

} // namespace sdlab
