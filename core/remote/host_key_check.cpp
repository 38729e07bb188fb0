// Host-key verification with libssh's known_hosts reader. The messages name the host as
// known_hosts and ssh name it ("[host]:port" off port 22) so the commands they suggest work.

#include "core/remote/host_key_check.h"

#include <libssh/libssh.h>

namespace lantern::core {
namespace {

// "ED25519 key SHA256:...", or the reason it cannot be shown.
std::string describeServerKey(ssh_session session)
{
    ssh_key key = nullptr;
    if (ssh_get_server_publickey(session, &key) != SSH_OK)
        return "a key that could not be read";
    unsigned char* hash = nullptr;
    std::size_t length = 0;
    std::string text = std::string(ssh_key_type_to_char(ssh_key_type(key))) + " key ";
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &length) == 0) {
        char* fingerprint = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, length);
        text += fingerprint ? fingerprint : "(no fingerprint)";
        ssh_string_free_char(fingerprint);
        ssh_clean_pubkey_hash(&hash);
    }
    ssh_key_free(key);
    return text;
}

struct HostName {
    std::string host;
    unsigned port = 22;
    std::string knownHostsName() const
    {
        return port == 22 ? host : "[" + host + "]:" + std::to_string(port);
    }
    std::string sshArguments() const
    {
        return port == 22 ? host : "-p " + std::to_string(port) + " " + host;
    }
};

HostName hostOf(ssh_session session)
{
    HostName name;
    char* host = nullptr;
    if (ssh_options_get(session, SSH_OPTIONS_HOST, &host) == SSH_OK && host) {
        name.host = host;
        ssh_string_free_char(host);
    }
    unsigned port = 22;
    if (ssh_options_get_port(session, &port) == SSH_OK)
        name.port = port;
    return name;
}

} // namespace

std::string checkHostKey(ssh_session session, const HostKeyQuestion& ask)
{
    const HostName name = hostOf(session);
    switch (ssh_session_is_known_server(session)) {
    case SSH_KNOWN_HOSTS_OK:
        return {};
    case SSH_KNOWN_HOSTS_CHANGED:
    case SSH_KNOWN_HOSTS_OTHER:
        return "WARNING: the host key of " + name.knownHostsName()
            + " has CHANGED: it does not match the one in known_hosts. Someone may be "
              "impersonating the host (a man-in-the-middle attack), or its key was replaced. "
              "Refusing to connect. The host now offers "
            + describeServerKey(session)
            + ". If the change is expected, remove the old key with `ssh-keygen -R '"
            + name.knownHostsName() + "'` and accept the new one.";
    case SSH_KNOWN_HOSTS_NOT_FOUND:
    case SSH_KNOWN_HOSTS_UNKNOWN:
        if (ask) {
            const std::string key = describeServerKey(session);
            if (!ask({name.knownHostsName(), key}))
                return "the host " + name.knownHostsName() + " offers " + key
                    + ", which was not accepted: not connected.";
            if (ssh_session_update_known_hosts(session) != SSH_OK)
                return "cannot add the host key of " + name.knownHostsName()
                    + " to known_hosts: " + ssh_get_error(session);
            return {};
        }
        return "the host " + name.knownHostsName()
            + " is not in known_hosts, so its identity cannot be verified. It offers "
            + describeServerKey(session)
            + ". If that is the host's key (ask its administrator, or compare with "
              "`ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub` on it), accept it by "
              "connecting once with `ssh "
            + name.sshArguments() + "` and answering yes, then try again.";
    case SSH_KNOWN_HOSTS_ERROR:
        break;
    }
    return "cannot check the host key of " + name.knownHostsName() + ": " + ssh_get_error(session);
}

} // namespace lantern::core
