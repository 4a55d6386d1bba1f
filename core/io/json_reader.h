#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace sdlab {

// A parsed JSON value (RFC 8259): null, a boolean, a number (double), a string (UTF-8),
// an array or an object (members in file order; a repeated key is refused).
struct JsonValue {
    using Array = std::vector<JsonValue>;
    using Object = std::vector<std::pair<std::string, JsonValue>>;
    std::variant<std::nullptr_t, bool, double, std::string, Array, Object> value = nullptr;

    bool isNull() const { return std::holds_alternative<std::nullptr_t>(value); }
    const Object* object() const { return std::get_if<Object>(&value); }
    const std::string* string() const { return std::get_if<std::string>(&value); }
    const double* number() const { return std::get_if<double>(&value); }
    // The member `key` of an object, or nullptr.
    const JsonValue* member(std::string_view key) const;
};

// Parses one JSON text. Throws InputError "SOURCE: not valid JSON (what, at byte N)" on
// any syntax error, trailing text, nesting deeper than 64 or a text over 16 MiB, so a
// hostile file can neither crash nor exhaust memory.
JsonValue parseJson(std::string_view text, const std::string& source);

} // namespace sdlab
