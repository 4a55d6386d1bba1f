#pragma once

#include "experiment/experiment.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace sdlab {

// A guided lesson (issue 23 item 3): steps a teacher walks through with Page Down and
// Page Up, each naming a lab, optionally one of its built-in presets and parameter
// changes applied on top, a short text for the lesson panel and the parameters whose
// controls to highlight.
//   { "format": "sdlab-lesson", "version": 1, "title": "…",
//     "steps": [ { "lab": "signal", "preset": "…", "parameters": { "kp": 0.5 },
//                  "title": "…", "text": "…", "highlight": ["kp", "kd"] }, … ] }
// Only "lab" is required in a step. Text may use <b>, <i>, <sub>, <sup> and <br>.
struct LessonStep {
    const Experiment* experiment = nullptr;
    std::string preset; // a built-in preset's name (checked by the window, which has them)
    std::map<std::string, ParameterValue> parameters; // canonical keys, each value checked
    std::string title;
    std::string text;
    std::vector<std::string> highlight; // parameter keys
};

struct Lesson {
    static constexpr int kVersion = 1;
    std::string title;
    std::vector<LessonStep> steps; // at least one
};

// The lesson in `json`; InputError "SOURCE: step N: what is wrong" (or "SOURCE: what is
// wrong" for the whole file: not JSON, not a lesson, wrong version, no steps) for an
// unknown lab or parameter, a value of the wrong type or out of range, a highlight that
// names no parameter of the lab.
Lesson readLesson(std::string_view json, const std::string& source);

} // namespace sdlab
