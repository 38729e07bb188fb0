#pragma once
// Quoting for a POSIX shell: the remote side of an exec channel runs its command line through
// the user's login shell, and a path must reach the program as one argument, whatever it holds.

#include <string>
#include <string_view>

namespace lantern::core {

// `text` in single quotes, each ' written as '\'' : nothing inside is interpreted.
std::string shellQuote(std::string_view text);

} // namespace lantern::core
