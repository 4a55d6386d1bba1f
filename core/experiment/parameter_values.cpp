#include "experiment/parameter_values.h"

#include <stdexcept>

namespace sdlab {

namespace {
template <typename T>
const T& typed(const ParameterValue& v, const std::string& key, const char* type) {
    if (const T* p = std::get_if<T>(&v))
        return *p;
    throw std::logic_error("parameter '" + key + "' is not " + type);
}
} // namespace

const ParameterValue& ParameterValues::value(const std::string& key) const {
    const auto it = m_values.find(key);
    if (it == m_values.end())
        throw std::logic_error("no parameter '" + key + "'");
    return it->second;
}

bool ParameterValues::isSet(const std::string& key) const {
    return !std::holds_alternative<std::monostate>(value(key));
}

double ParameterValues::real(const std::string& key) const {
    return typed<double>(value(key), key, "a real number");
}

long long ParameterValues::integer(const std::string& key) const {
    return typed<long long>(value(key), key, "a whole number");
}

bool ParameterValues::flag(const std::string& key) const {
    return typed<bool>(value(key), key, "a flag");
}

const std::string& ParameterValues::text(const std::string& key) const {
    return typed<std::string>(value(key), key, "text");
}

double ParameterValues::realOr(const std::string& key, double fallback) const {
    return isSet(key) ? real(key) : fallback;
}

long long ParameterValues::integerOr(const std::string& key, long long fallback) const {
    return isSet(key) ? integer(key) : fallback;
}

} // namespace sdlab
