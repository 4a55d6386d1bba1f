#pragma once

#include "experiment/parameter.h"

#include <cstdint>
#include <map>
#include <string>

namespace sdlab {

// The values of one experiment's parameters by key: what a run reads. Complete and
// checked once built by checkedValues() (experiment.h); the typed getters then never
// fail for a described key, and throw std::logic_error for a key or type the
// description does not have (a programming error, not bad input).
class ParameterValues {
  public:
    void set(const std::string& key, ParameterValue value) { m_values[key] = std::move(value); }
    bool contains(const std::string& key) const { return m_values.count(key) != 0; }
    const ParameterValue& value(const std::string& key) const;
    bool isSet(const std::string& key) const; // false for an unset optional number

    double real(const std::string& key) const;
    long long integer(const std::string& key) const;
    bool flag(const std::string& key) const;
    const std::string& text(const std::string& key) const; // Choice, File, Text, lists
    std::uint64_t seed(const std::string& key = "seed") const {
        return static_cast<std::uint64_t>(integer(key));
    }
    // An optional number: its value, or `fallback` when unset.
    double realOr(const std::string& key, double fallback) const;
    long long integerOr(const std::string& key, long long fallback) const;

    const std::map<std::string, ParameterValue>& all() const { return m_values; }
    bool operator==(const ParameterValues&) const = default;

  private:
    std::map<std::string, ParameterValue> m_values;
};

} // namespace sdlab
