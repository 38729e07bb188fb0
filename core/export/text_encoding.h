#pragma once
// Names from log files are bytes anyone could have written. Exports and terminal output make
// them valid UTF-8 (each invalid sequence becomes U+FFFD) and, for a terminal, show control
// characters as escapes rather than sending them raw (no terminal escape sequences).

#include <string>
#include <string_view>

namespace lantern::core {

// `text` with every ill-formed UTF-8 sequence (a maximal subpart, as Unicode recommends)
// replaced by U+FFFD.
std::string validUtf8(std::string_view text);

// validUtf8(text) with control characters (C0, DEL, C1) and backslashes written as escapes:
// \n, \t, \r, \\ or \xNN (\u{NN} for C1), so a name prints on one line and does nothing to a
// terminal.
std::string printableText(std::string_view text);

} // namespace lantern::core
