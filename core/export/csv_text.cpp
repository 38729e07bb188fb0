// CSV quoting and round-trip number text for every export.

#include "core/export/csv_text.h"

#include "core/export/text_encoding.h"

#include <charconv>
#include <cmath>

namespace lantern::core {
namespace {

std::string shortest(double value, std::chars_format format)
{
    if (std::isnan(value))
        return "nan"; // never "-nan": the sign of a NaN carries no meaning here
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    char buffer[400]; // fixed notation of 1e308 takes 309 digits
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, format);
    return std::string(buffer, result.ptr);
}

} // namespace

void appendCsvField(std::string& out, std::string_view field)
{
    std::string text = validUtf8(field);
    if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos)
        text.insert(text.begin(), '\'');
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        out += text;
        return;
    }
    out += '"';
    for (const char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

std::string shortestNumber(double value)
{
    return shortest(value, std::chars_format::general);
}

std::string formatWallTime(double seconds)
{
    return shortest(seconds, std::chars_format::fixed);
}

std::string csvRowPrefix(
    std::string_view run, std::string_view tag, std::int64_t step, double wallTime)
{
    std::string prefix;
    appendCsvField(prefix, run);
    prefix += ',';
    appendCsvField(prefix, tag);
    prefix += ',';
    prefix += std::to_string(step);
    prefix += ',';
    prefix += formatWallTime(wallTime);
    prefix += ',';
    return prefix;
}

} // namespace lantern::core
