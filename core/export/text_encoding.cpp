// Valid UTF-8 and terminal-safe text from arbitrary bytes.

#include "core/export/text_encoding.h"

#include <cstdint>
#include <cstdio>

namespace lantern::core {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD

// The length of the well-formed UTF-8 sequence at the start of `text`, or the length of its
// maximal ill-formed subpart as a negative number (at least 1 byte).
int sequenceAt(std::string_view text, char32_t& codePoint)
{
    const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
    const std::uint8_t lead = byte(0);
    if (lead < 0x80) {
        codePoint = lead;
        return 1;
    }
    int length = 0;
    std::uint8_t low = 0x80, high = 0xBF; // the allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80; // no overlong forms
        high = lead == 0xED ? 0x9F : 0xBF; // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF; // nothing past U+10FFFF
    } else {
        return -1;
    }
    codePoint = lead & (0xFF >> (length + 1));
    for (int i = 1; i < length; ++i) {
        if (std::size_t(i) >= text.size())
            return -i;
        const std::uint8_t next = byte(std::size_t(i));
        if (next < (i == 1 ? low : 0x80) || next > (i == 1 ? high : 0xBF))
            return -i;
        codePoint = (codePoint << 6) | (next & 0x3F);
    }
    return length;
}

} // namespace

std::string validUtf8(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    while (!text.empty()) {
        char32_t codePoint = 0;
        const int length = sequenceAt(text, codePoint);
        if (length > 0)
            out.append(text.substr(0, std::size_t(length)));
        else
            out += kReplacement;
        text.remove_prefix(std::size_t(length > 0 ? length : -length));
    }
    return out;
}

std::string printableText(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    while (!text.empty()) {
        char32_t codePoint = 0;
        const int length = sequenceAt(text, codePoint);
        const std::size_t taken = std::size_t(length > 0 ? length : -length);
        if (length < 0) {
            out += kReplacement;
        } else if (codePoint == '\n') {
            out += "\\n";
        } else if (codePoint == '\t') {
            out += "\\t";
        } else if (codePoint == '\r') {
            out += "\\r";
        } else if (codePoint == '\\') {
            out += "\\\\";
        } else if (codePoint < 0x20 || codePoint == 0x7F) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02X", unsigned(codePoint));
            out += escaped;
        } else if (codePoint >= 0x80 && codePoint <= 0x9F) {
            char escaped[12];
            std::snprintf(escaped, sizeof escaped, "\\u{%02X}", unsigned(codePoint));
            out += escaped;
        } else {
            out.append(text.substr(0, taken));
        }
        text.remove_prefix(taken);
    }
    return out;
}

} // namespace lantern::core
