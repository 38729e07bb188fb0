#pragma once
// Finds the runs of a remote log directory: with one `find` over an exec channel when the
// host has a POSIX shell and GNU find (one round trip), else by walking it with SFTP readdir.

#include "core/io/run_discovery.h"
#include "core/remote/ssh_url.h"

namespace lantern::core {

// Paths in the result are ssh:// URLs below `logdir`'s.
DiscoveryResult discoverRemoteRuns(const SshUrl& logdir);

// Empty when `logdir` is a directory that can be listed; else why not (connection, host key,
// authentication, missing, not a directory, permission).
std::string remoteLogdirError(const SshUrl& logdir);

} // namespace lantern::core
