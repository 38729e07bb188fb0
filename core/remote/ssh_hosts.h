#pragma once
// The open SSH connections of the process, one per host (user, host and port as written), so
// every log directory and file on a host shares it. A dropped connection is opened again on
// the next use.

#include "core/remote/ssh_connection.h"
#include "core/remote/ssh_prompt.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace lantern::core {

class SshHosts {
public:
    static SshHosts& shared();

    // How secrets are asked for from now on (lantern-cli: the terminal; the app: a dialog).
    void setPrompt(SshPrompt prompt);
    // Who judges a host not yet in known_hosts (the app: a dialog); none refuses it.
    void setHostKeyQuestion(HostKeyQuestion question);
    // Who is warned of a host whose key changed (the app: a dialog); it is refused regardless.
    void setHostKeyWarning(HostKeyWarning warning);

    // The live connection to `url`'s host, opened if needed; nullptr with `error` set.
    std::shared_ptr<SshConnection> connect(const SshUrl& url, std::string& error);

    // Why `url`'s host could not be reached the last time it was tried (connecting, or the
    // connection dropping under a listing); empty once a connection to it opens again.
    std::string unreachableReason(const SshUrl& url);
    void reportUnreachable(const SshUrl& url, const std::string& reason);

    // Closes every connection (tests restart their server; the app closes logdirs).
    void closeAll();

private:
    std::mutex m_mutex;
    SshPrompt m_prompt;
    HostKeyQuestion m_hostKeyQuestion;
    HostKeyWarning m_hostKeyWarning;
    std::map<std::string, std::shared_ptr<SshConnection>> m_connections; // by origin
    std::map<std::string, std::string> m_unreachable; // by origin
};

} // namespace lantern::core
