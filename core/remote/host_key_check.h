#pragma once
// Verifies a connected session's server key against known_hosts, as `ssh` does with
// StrictHostKeyChecking=yes: only a key already recorded for the host is accepted.

#include <string>

struct ssh_session_struct;

namespace lantern::core {

// Empty when the key is known for this host; else what is wrong and what to do, for a person:
// an unknown host gives its key's fingerprint and how to accept it; a changed key is refused
// with a warning that someone may be impersonating the host.
std::string checkHostKey(ssh_session_struct* session);

} // namespace lantern::core
