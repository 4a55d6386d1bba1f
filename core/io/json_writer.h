#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sdlab {

// Builds one flat JSON object, keys in insertion order. Numbers are written in the
// shortest exact form; a non-finite number is written as null (JSON has no NaN).
class JsonObjectWriter {
  public:
    JsonObjectWriter& add(std::string_view key, double value);
    JsonObjectWriter& add(std::string_view key, long long value);
    JsonObjectWriter& add(std::string_view key, std::string_view value);
    JsonObjectWriter& addBool(std::string_view key, bool value);
    JsonObjectWriter& add(std::string_view key, const std::vector<double>& values); // an array
    // Inserts already-formatted JSON (an array or object) as the value.
    JsonObjectWriter& addRaw(std::string_view key, std::string_view json);
    std::string text() const { return "{\n" + m_body + "\n}\n"; }

    static std::string quote(std::string_view text);

  private:
    void addKey(std::string_view key);
    std::string m_body;
};

} // namespace sdlab
