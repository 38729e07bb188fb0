// Recursive descent over the text, each byte looked at a bounded number of times.

#include "core/events/json_value.h"

#include <charconv>
#include <limits>

namespace lantern::core {
namespace {

class JsonParser {
public:
    JsonParser(std::string_view text, int depthLimit)
        : m_text(text)
        , m_depthLimit(depthLimit)
    {
    }

    JsonParseResult parse()
    {
        JsonParseResult result;
        skipSpace();
        if (parseValue(result.value, 0)) {
            skipSpace();
            if (m_at != m_text.size())
                fail("unexpected text after the document");
        }
        result.error = std::move(m_error);
        result.valueCount = m_values;
        if (!result.error.empty())
            result.value = {};
        return result;
    }

private:
    bool fail(std::string what)
    {
        if (m_error.empty())
            m_error = what + " at byte " + std::to_string(m_at);
        return false;
    }

    void skipSpace()
    {
        while (m_at < m_text.size()
            && (m_text[m_at] == ' ' || m_text[m_at] == '\t' || m_text[m_at] == '\n'
                || m_text[m_at] == '\r'))
            ++m_at;
    }

    bool consume(std::string_view word)
    {
        if (m_text.substr(m_at, word.size()) != word)
            return false;
        m_at += word.size();
        return true;
    }

    bool parseValue(JsonValue& out, int depth)
    {
        ++m_values;
        if (m_at >= m_text.size())
            return fail("the document ends where a value should be");
        switch (m_text[m_at]) {
        case '{':
        case '[':
            if (depth >= m_depthLimit)
                return fail("nesting deeper than " + std::to_string(m_depthLimit) + " levels");
            return m_text[m_at] == '{' ? parseObject(out, depth + 1) : parseArray(out, depth + 1);
        case '"':
            out.type = JsonValue::Type::String;
            return parseString(out.string);
        case 't':
        case 'f':
            out.type = JsonValue::Type::Bool;
            out.boolean = m_text[m_at] == 't';
            return consume(out.boolean ? "true" : "false") || fail("invalid literal");
        case 'n':
            return consume("null") || fail("invalid literal");
        default:
            out.type = JsonValue::Type::Number;
            return parseNumber(out.number);
        }
    }

    bool parseArray(JsonValue& out, int depth)
    {
        out.type = JsonValue::Type::Array;
        ++m_at; // '['
        skipSpace();
        if (m_at < m_text.size() && m_text[m_at] == ']') {
            ++m_at;
            return true;
        }
        while (true) {
            skipSpace();
            out.elements.emplace_back();
            if (!parseValue(out.elements.back(), depth))
                return false;
            skipSpace();
            if (m_at < m_text.size() && m_text[m_at] == ',') {
                ++m_at;
                continue;
            }
            if (m_at < m_text.size() && m_text[m_at] == ']') {
                ++m_at;
                return true;
            }
            return fail("expected ',' or ']'");
        }
    }

    bool parseObject(JsonValue& out, int depth)
    {
        out.type = JsonValue::Type::Object;
        ++m_at; // '{'
        skipSpace();
        if (m_at < m_text.size() && m_text[m_at] == '}') {
            ++m_at;
            return true;
        }
        while (true) {
            skipSpace();
            if (m_at >= m_text.size() || m_text[m_at] != '"')
                return fail("expected a member name");
            if (!parseString(out.memberNames.emplace_back()))
                return false;
            skipSpace();
            if (m_at >= m_text.size() || m_text[m_at] != ':')
                return fail("expected ':'");
            ++m_at;
            skipSpace();
            if (!parseValue(out.memberValues.emplace_back(), depth))
                return false;
            skipSpace();
            if (m_at < m_text.size() && m_text[m_at] == ',') {
                ++m_at;
                continue;
            }
            if (m_at < m_text.size() && m_text[m_at] == '}') {
                ++m_at;
                return true;
            }
            return fail("expected ',' or '}'");
        }
    }

    bool parseHex4(std::uint32_t& code)
    {
        if (m_text.size() - m_at < 4)
            return fail("a \\u escape needs four hex digits");
        const auto [end, error]
            = std::from_chars(m_text.data() + m_at, m_text.data() + m_at + 4, code, 16);
        if (error != std::errc() || end != m_text.data() + m_at + 4)
            return fail("a \\u escape needs four hex digits");
        m_at += 4;
        return true;
    }

    static void appendUtf8(std::string& out, std::uint32_t code)
    {
        if (code < 0x80) {
            out += char(code);
        } else if (code < 0x800) {
            out += char(0xC0 | code >> 6);
            out += char(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            out += char(0xE0 | code >> 12);
            out += char(0x80 | (code >> 6 & 0x3F));
            out += char(0x80 | (code & 0x3F));
        } else {
            out += char(0xF0 | code >> 18);
            out += char(0x80 | (code >> 12 & 0x3F));
            out += char(0x80 | (code >> 6 & 0x3F));
            out += char(0x80 | (code & 0x3F));
        }
    }

    bool parseEscape(std::string& out)
    {
        if (m_at >= m_text.size())
            return fail("the document ends inside a string");
        const char c = m_text[m_at++];
        switch (c) {
        case '"':
        case '\\':
        case '/':
            out += c;
            return true;
        case 'b':
            out += '\b';
            return true;
        case 'f':
            out += '\f';
            return true;
        case 'n':
            out += '\n';
            return true;
        case 'r':
            out += '\r';
            return true;
        case 't':
            out += '\t';
            return true;
        case 'u':
            break;
        default:
            return fail("invalid escape");
        }
        std::uint32_t code = 0;
        if (!parseHex4(code))
            return false;
        if (code >= 0xD800 && code < 0xDC00 && m_text.substr(m_at, 2) == "\\u") {
            m_at += 2;
            std::uint32_t low = 0;
            if (!parseHex4(low))
                return false;
            if (low >= 0xDC00 && low < 0xE000)
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            else
                appendUtf8(out, 0xFFFD), code = low;
        }
        if (code >= 0xD800 && code < 0xE000)
            code = 0xFFFD; // a lone surrogate
        appendUtf8(out, code);
        return true;
    }

    bool parseString(std::string& out)
    {
        ++m_at; // '"'
        while (m_at < m_text.size()) {
            const char c = m_text[m_at++];
            if (c == '"')
                return true;
            if (c == '\\') {
                if (!parseEscape(out))
                    return false;
            } else if (static_cast<unsigned char>(c) < 0x20) {
                return fail("a control character inside a string");
            } else {
                out += c;
            }
        }
        return fail("the document ends inside a string");
    }

    bool parseNumber(double& out)
    {
        if (consume("NaN")) {
            out = std::numeric_limits<double>::quiet_NaN();
            return true;
        }
        if (consume("Infinity")) {
            out = std::numeric_limits<double>::infinity();
            return true;
        }
        if (consume("-Infinity")) {
            out = -std::numeric_limits<double>::infinity();
            return true;
        }
        // JSON's grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
        const std::size_t start = m_at;
        const auto digits = [&] {
            const std::size_t from = m_at;
            while (m_at < m_text.size() && m_text[m_at] >= '0' && m_text[m_at] <= '9')
                ++m_at;
            return m_at > from;
        };
        if (m_at < m_text.size() && m_text[m_at] == '-')
            ++m_at;
        if (m_at < m_text.size() && m_text[m_at] == '0')
            ++m_at;
        else if (!digits())
            return fail("invalid value");
        if (m_at < m_text.size() && m_text[m_at] == '.' && (++m_at, !digits()))
            return fail("invalid number");
        if (m_at < m_text.size() && (m_text[m_at] == 'e' || m_text[m_at] == 'E')) {
            ++m_at;
            if (m_at < m_text.size() && (m_text[m_at] == '+' || m_text[m_at] == '-'))
                ++m_at;
            if (!digits())
                return fail("invalid number");
        }
        const std::string_view number = m_text.substr(start, m_at - start);
        const auto [end, error]
            = std::from_chars(number.data(), number.data() + number.size(), out);
        if (error == std::errc::result_out_of_range) { // from_chars leaves `out` unset
            const std::size_t exponent = number.find_first_of("eE");
            const bool tiny = exponent != std::string_view::npos && number[exponent + 1] == '-';
            out = tiny ? 0.0 : std::numeric_limits<double>::infinity();
            if (number.front() == '-')
                out = -out;
        }
        return true;
    }

    std::string_view m_text;
    int m_depthLimit = 0;
    std::size_t m_at = 0;
    std::uint64_t m_values = 0;
    std::string m_error;
};

} // namespace

const JsonValue* JsonValue::member(std::string_view name) const
{
    for (std::size_t i = memberNames.size(); i-- > 0;)
        if (memberNames[i] == name && i < memberValues.size())
            return &memberValues[i];
    return nullptr;
}

JsonParseResult parseJson(std::string_view text, int depthLimit)
{
    return JsonParser(text, depthLimit).parse();
}

} // namespace lantern::core
