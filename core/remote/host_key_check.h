#pragma once
// Verifies a connected session's server key against known_hosts, as `ssh` does with
// StrictHostKeyChecking=yes: only a key already recorded for the host is accepted.

#include "core/remote/ssh_prompt.h"

#include <string>

struct ssh_session_struct;

namespace lantern::core {

// Empty when the key is known for this host; else what is wrong and what to do, for a person:
// an unknown host gives its key's fingerprint and how to accept it; a changed key is refused
// with a warning that someone may be impersonating the host, the key recorded and where (also
// told to `warn` when given). An unknown host is put to `ask` when given: a key it accepts is
// added to known_hosts; one it declines is refused.
std::string checkHostKey(
    ssh_session_struct* session, const HostKeyQuestion& ask = {}, const HostKeyWarning& warn = {});

} // namespace lantern::core
