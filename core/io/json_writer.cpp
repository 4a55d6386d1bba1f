#include "io/json_writer.h"

#include "io/csv_table.h"

#include <cmath>
#include <cstdio>

namespace sdlab {

std::string JsonObjectWriter::quote(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
                out += escaped;
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

void JsonObjectWriter::addKey(std::string_view key) {
    if (!m_body.empty())
        m_body += ",\n";
    m_body += "  " + quote(key) + ": ";
}

JsonObjectWriter& JsonObjectWriter::add(std::string_view key, double value) {
    addKey(key);
    m_body += std::isfinite(value) ? formatNumber(value) : "null";
    return *this;
}

JsonObjectWriter& JsonObjectWriter::add(std::string_view key, const std::vector<double>& values) {
    addKey(key);
    m_body += '[';
    for (std::size_t k = 0; k < values.size(); ++k)
        m_body += (k ? ", " : "") + (std::isfinite(values[k]) ? formatNumber(values[k]) : "null");
    m_body += ']';
    return *this;
}

JsonObjectWriter& JsonObjectWriter::add(std::string_view key, long long value) {
    addKey(key);
    m_body += std::to_string(value);
    return *this;
}

JsonObjectWriter& JsonObjectWriter::add(std::string_view key, std::string_view value) {
    addKey(key);
    m_body += quote(value);
    return *this;
}

JsonObjectWriter& JsonObjectWriter::addBool(std::string_view key, bool value) {
    addKey(key);
    m_body += value ? "true" : "false";
    return *this;
}

JsonObjectWriter& JsonObjectWriter::addRaw(std::string_view key, std::string_view json) {
    addKey(key);
    m_body += json;
    return *this;
}

} // namespace sdlab
