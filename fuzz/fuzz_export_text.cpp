// The text rules of every export (core/export) on arbitrary bytes taken as a run or tag name.
// Checks: validUtf8 gives well-formed UTF-8 (its own fixed point, so well-formed text is kept
// as it is) at most three bytes per input byte; printableText holds no control character (C0, DEL,
// C1) for a terminal to act on; a JSON string literal is valid UTF-8 with no raw control byte; a
// CSV text field never starts a spreadsheet formula and, unquoted, holds no separator.

#include "core/export/csv_text.h"
#include "core/export/json_text.h"
#include "core/export/text_encoding.h"

#include "fuzz/fuzz_check.h"

#include <cstdint>
#include <string>
#include <string_view>

using namespace lantern::core;
using lantern::fuzz::check;

namespace {

bool hasRawControl(std::string_view text)
{
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x20 || byte == 0x7F)
            return true;
        // C1 controls U+0080-U+009F are C2 80-C2 9F in UTF-8.
        if (byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F)
            return true;
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);

    const std::string valid = validUtf8(input);
    check(validUtf8(valid) == valid, "validUtf8 output is not well-formed UTF-8");
    check(valid.size() <= 3 * input.size(), "validUtf8 grew more than U+FFFD per byte");

    const std::string printable = printableText(input);
    check(validUtf8(printable) == printable, "printableText is not well-formed UTF-8");
    check(!hasRawControl(printable), "printableText let a control character through");

    const std::string json = jsonString(input);
    check(json.size() >= 2 && json.front() == '"' && json.back() == '"', "JSON string unquoted");
    check(validUtf8(json) == json, "JSON string is not well-formed UTF-8");
    for (const char c : json)
        check(static_cast<unsigned char>(c) >= 0x20, "raw control byte in a JSON string");

    std::string csv;
    appendCsvField(csv, input);
    check(validUtf8(csv) == csv, "CSV field is not well-formed UTF-8");
    const std::string_view body
        = !csv.empty() && csv.front() == '"' ? std::string_view(csv).substr(1) : csv;
    check(body.empty() || std::string_view("=+-@\t\r").find(body.front()) == std::string_view::npos,
        "CSV field starts a formula");
    if (csv.empty() || csv.front() != '"')
        check(csv.find_first_of(",\"\r\n") == std::string::npos, "unquoted CSV separator");
    return 0;
}
