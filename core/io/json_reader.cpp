#include "io/json_reader.h"

#include "io/input_error.h"

#include <charconv>
#include <cmath>

namespace sdlab {

namespace {

constexpr std::size_t kMaxText = 16u << 20;
constexpr int kMaxDepth = 64;

class Parser {
  public:
    Parser(std::string_view text, const std::string& source) : m_text(text), m_source(source) {}

    JsonValue document() {
        if (m_text.size() > kMaxText)
            fail("the text is larger than 16 MiB");
        JsonValue v = value(0);
        skipSpace();
        if (m_pos != m_text.size())
            fail("text after the value");
        return v;
    }

  private:
    [[noreturn]] void fail(const std::string& what) const {
        throw InputError(m_source + ": not valid JSON (" + what + ", at byte " +
                         std::to_string(m_pos) + ")");
    }
    void skipSpace() {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' ||
                                         m_text[m_pos] == '\n' || m_text[m_pos] == '\r'))
            ++m_pos;
    }
    bool consume(std::string_view word) {
        if (m_text.substr(m_pos, word.size()) != word)
            return false;
        m_pos += word.size();
        return true;
    }
    JsonValue value(int depth) {
        if (depth >= kMaxDepth)
            fail("nesting deeper than 64");
        skipSpace();
        if (m_pos >= m_text.size())
            fail("unexpected end");
        const char c = m_text[m_pos];
        if (c == '{')
            return {object(depth)};
        if (c == '[')
            return {array(depth)};
        if (c == '"')
            return {string()};
        if (consume("true"))
            return {true};
        if (consume("false"))
            return {false};
        if (consume("null"))
            return {nullptr};
        return {number()};
    }
    JsonValue::Object object(int depth) {
        JsonValue::Object members;
        ++m_pos; // {
        skipSpace();
        if (consume("}"))
            return members;
        for (;;) {
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] != '"')
                fail("expected a member name in quotes");
            std::string key = string();
            for (const auto& [existing, unused] : members)
                if (existing == key)
                    fail("member \"" + key + "\" given twice");
            skipSpace();
            if (!consume(":"))
                fail("expected ':'");
            members.emplace_back(std::move(key), value(depth + 1));
            skipSpace();
            if (consume("}"))
                return members;
            if (!consume(","))
                fail("expected ',' or '}'");
        }
    }
    JsonValue::Array array(int depth) {
        JsonValue::Array items;
        ++m_pos; // [
        skipSpace();
        if (consume("]"))
            return items;
        for (;;) {
            items.push_back(value(depth + 1));
            skipSpace();
            if (consume("]"))
                return items;
            if (!consume(","))
                fail("expected ',' or ']'");
        }
    }
    unsigned hex4() {
        if (m_pos + 4 > m_text.size())
            fail("a \\u escape needs four hex digits");
        unsigned code = 0;
        const auto [end, error] =
            std::from_chars(m_text.data() + m_pos, m_text.data() + m_pos + 4, code, 16);
        if (error != std::errc() || end != m_text.data() + m_pos + 4)
            fail("a \\u escape needs four hex digits");
        m_pos += 4;
        return code;
    }
    static void appendUtf8(std::string& out, unsigned code) {
        if (code < 0x80) {
            out += static_cast<char>(code);
        } else if (code < 0x800) {
            out += static_cast<char>(0xC0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            out += static_cast<char>(0xE0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (code >> 18));
            out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
        }
    }
    std::string string() {
        std::string out;
        ++m_pos; // "
        for (;;) {
            if (m_pos >= m_text.size())
                fail("unterminated string");
            const char c = m_text[m_pos++];
            if (c == '"')
                return out;
            if (static_cast<unsigned char>(c) < 0x20)
                fail("a control character in a string");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (m_pos >= m_text.size())
                fail("unterminated string");
            const char e = m_text[m_pos++];
            switch (e) {
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            case '/':
                out += '/';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                unsigned code = hex4();
                if (code >= 0xD800 && code < 0xDC00) { // a surrogate pair
                    if (!consume("\\u"))
                        fail("a lone surrogate in a \\u escape");
                    const unsigned low = hex4();
                    if (low < 0xDC00 || low >= 0xE000)
                        fail("a lone surrogate in a \\u escape");
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                } else if (code >= 0xDC00 && code < 0xE000) {
                    fail("a lone surrogate in a \\u escape");
                }
                appendUtf8(out, code);
                break;
            }
            default:
                fail("an unknown escape in a string");
            }
        }
    }
    double number() {
        // JSON's grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
        const std::size_t start = m_pos;
        const auto digits = [&] {
            const std::size_t from = m_pos;
            while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
                ++m_pos;
            return m_pos - from;
        };
        consume("-");
        if (consume("0")) {
        } else if (digits() == 0) {
            m_pos = start;
            fail("expected a value");
        }
        if (consume(".") && digits() == 0)
            fail("expected digits after '.'");
        if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
            ++m_pos;
            if (!consume("+"))
                consume("-");
            if (digits() == 0)
                fail("expected digits in the exponent");
        }
        double v = 0.0;
        const auto [end, error] = std::from_chars(m_text.data() + start, m_text.data() + m_pos, v);
        if (error != std::errc() || end != m_text.data() + m_pos || !std::isfinite(v))
            fail("a number out of range");
        return v;
    }

    std::string_view m_text;
    const std::string& m_source;
    std::size_t m_pos = 0;
};

} // namespace

const JsonValue* JsonValue::member(std::string_view key) const {
    if (const Object* members = object())
        for (const auto& [name, v] : *members)
            if (name == key)
                return &v;
    return nullptr;
}

JsonValue parseJson(std::string_view text, const std::string& source) {
    return Parser(text, source).document();
}

} // namespace sdlab
