#pragma once
// Logs a connected, verified session in: ssh-agent and key files first (a key's passphrase is
// asked through the prompt), then keyboard-interactive and password when a prompt is given.

#include "core/remote/ssh_prompt.h"

#include <string>

struct ssh_session_struct;

namespace lantern::core {

// Empty on success; else why every method failed, naming the methods the server accepts.
std::string authenticate(ssh_session_struct* session, const SshPrompt& prompt);

} // namespace lantern::core
