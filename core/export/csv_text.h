#pragma once
// The text of CSV exports: fields quoted as RFC 4180 asks, and numbers written as the shortest
// text that reads back as exactly the same double, so an export loses nothing. Text fields
// (names from the log) are valid UTF-8 and cannot start a spreadsheet formula.

#include <cstdint>
#include <string>
#include <string_view>

namespace lantern::core {

// Appends the text field `field` (a run, a tag, an hparam's text): ill-formed UTF-8 becomes
// U+FFFD; a field starting with =, +, -, @, a tab or a carriage return, which a spreadsheet
// would take for a formula, gets a leading ' (OWASP's advice); quoted when it holds a comma, a
// quote or a line break (quotes doubled). Never use it for numbers, which stay as they are.
void appendCsvField(std::string& out, std::string_view field);

// The shortest text that reads back as exactly `value`; "nan", "inf" and "-inf" otherwise.
std::string shortestNumber(double value);

// "run,tag,step,wall_time," — how every row of a series export starts.
std::string csvRowPrefix(
    std::string_view run, std::string_view tag, std::int64_t step, double wallTime);

// A wall time in seconds in fixed notation (never an exponent), shortest that reads back exactly.
std::string formatWallTime(double seconds);

} // namespace lantern::core
