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

// A host not yet in known_hosts, as the person must judge it: its name as known_hosts writes
// it ("[host]:port" off port 22) and its key ("ssh-ed25519 key SHA256:...").
struct UnknownHostKey {
    std::string host;
    std::string key;
};
// True when the person trusts the key: it is then added to known_hosts. Without a question
// (lantern-cli), an unknown host is refused with the fingerprint and how to accept it.
using HostKeyQuestion = std::function<bool(const UnknownHostKey& unknown)>;

// A host whose key is not the one known_hosts records for it: always refused, and the person
// warned (the app: a dialog) with the facts to judge it by.
struct ChangedHostKey {
    std::string host; // as known_hosts names it
    std::string offeredKey; // "ssh-ed25519 key SHA256:...", what the host offers now
    std::string recordedKey; // the key known_hosts holds for it, described the same way
    std::string knownHostsLine; // where that key is: "FILE:LINE"
};
using HostKeyWarning = std::function<void(const ChangedHostKey& changed)>;

} // namespace lantern::core
