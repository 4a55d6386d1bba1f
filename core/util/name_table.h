#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace sdlab {

// Enum ↔ command-line name tables: {{"name", Enum::Value}, ...}.
template <class Enum, std::size_t N>
std::optional<Enum> lookupName(const std::array<std::pair<const char*, Enum>, N>& table,
                               std::string_view name) {
    for (const auto& [text, value] : table)
        if (name == text)
            return value;
    return std::nullopt;
}

template <class Enum, std::size_t N>
const char* nameIn(const std::array<std::pair<const char*, Enum>, N>& table, Enum value) {
    for (const auto& [text, v] : table)
        if (v == value)
            return text;
    return "?";
}

} // namespace sdlab
