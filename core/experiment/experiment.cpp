#include "experiment/experiment.h"

#include "io/input_error.h"

#include <algorithm>

namespace sdlab {

std::string parameterName(const Parameter& parameter, ParameterNaming naming) {
    return naming == ParameterNaming::Option ? "--" + parameter.key : sdlab::quoted(parameter.key);
}

const Parameter* findParameter(const Experiment& experiment, std::string_view keyOrAlias) {
    for (const Parameter& p : experiment.parameters)
        if (p.key == keyOrAlias ||
            std::find(p.aliases.begin(), p.aliases.end(), keyOrAlias) != p.aliases.end())
            return &p;
    return nullptr;
}

ParameterValues defaultValues(const Experiment& experiment) {
    ParameterValues values;
    for (const Parameter& p : experiment.parameters)
        values.set(p.key, defaultValue(p));
    return values;
}

ParameterValues checkedValues(const Experiment& experiment,
                              const std::map<std::string, ParameterValue>& given,
                              ParameterNaming naming) {
    ParameterValues values = defaultValues(experiment);
    for (const auto& [key, value] : given) {
        const Parameter* p = findParameter(experiment, key);
        if (!p)
            throw InputError("unknown parameter " + sdlab::quoted(key));
        const ParameterValue normalized = normalizedValue(*p, value);
        if (const std::string error = parameterError(*p, normalized); !error.empty())
            throw InputError(parameterName(*p, naming) + ": " + error);
        values.set(p->key, normalized);
    }
    if (experiment.check)
        if (const std::string error = experiment.check(values); !error.empty())
            throw InputError(error);
    return values;
}

} // namespace sdlab
