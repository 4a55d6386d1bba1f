#include "widgets/parameter_spec.h"

namespace sdlab::widgets {

ParameterValues defaultParameters(const ParameterSpecs& specs) {
    ParameterValues values;
    for (const ParameterSpec& spec : specs) {
        switch (spec.kind) {
        case ParameterSpec::Kind::Real:
            values.insert(spec.key, spec.optional ? QVariant() : QVariant(spec.defaultValue));
            break;
        case ParameterSpec::Kind::Integer:
            values.insert(spec.key, spec.optional ? QVariant()
                                                  : QVariant(static_cast<int>(spec.defaultValue)));
            break;
        case ParameterSpec::Kind::Flag:
            values.insert(spec.key, spec.defaultValue != 0.0);
            break;
        case ParameterSpec::Kind::Choice:
        case ParameterSpec::Kind::File:
        case ParameterSpec::Kind::Text:
        case ParameterSpec::Kind::Range:
            values.insert(spec.key, spec.defaultText);
            break;
        }
    }
    return values;
}

} // namespace sdlab::widgets
