#pragma once
// lantern-cli asks for SSH passphrases and passwords on the terminal, as `ssh` does.

#include <optional>
#include <string>

namespace lantern::cli {

// Reads one line from the controlling terminal (/dev/tty), not echoed unless `echo`; nullopt
// when there is no terminal (a script, CI): then nothing can be asked.
std::optional<std::string> askOnTerminal(const std::string& prompt, bool echo);

} // namespace lantern::cli
