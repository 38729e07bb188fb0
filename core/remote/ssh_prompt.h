#pragma once
// How a connection asks the person at the keyboard for a secret (a key's passphrase, a
// password, a keyboard-interactive answer): a terminal for lantern-cli, a dialog in the app.

#include <functional>
#include <optional>
#include <string>

namespace lantern::core {

// Returns the answer, or nullopt when the person declined (or nobody can be asked). `echo`
// says whether the answer may be shown as it is typed. Answers are never stored.
using SshPrompt = std::function<std::optional<std::string>(const std::string& prompt, bool echo)>;

} // namespace lantern::core
