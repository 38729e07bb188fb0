// Host-key verification with libssh's known_hosts reader. The messages name the host as
// known_hosts and ssh name it ("[host]:port" off port 22) so the commands they suggest work.

#include "core/remote/host_key_check.h"

#include "core/io/open_file.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <libssh/libssh.h>
#include <memory>
#include <optional>
#include <vector>

namespace lantern::core {
namespace {

// "ssh-ed25519 key SHA256:..."
std::string describeKey(ssh_key key)
{
    unsigned char* hash = nullptr;
    std::size_t length = 0;
    std::string text = std::string(ssh_key_type_to_char(ssh_key_type(key))) + " key ";
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &length) == 0) {
        char* fingerprint = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, length);
        text += fingerprint ? fingerprint : "(no fingerprint)";
        ssh_string_free_char(fingerprint);
        ssh_clean_pubkey_hash(&hash);
    }
    return text;
}

// "ssh-ed25519 key SHA256:...", or the reason it cannot be shown.
std::string describeServerKey(ssh_session session)
{
    ssh_key key = nullptr;
    if (ssh_get_server_publickey(session, &key) != SSH_OK)
        return "a key that could not be read";
    std::string text = describeKey(key);
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

// The known_hosts files libssh checks: the session's own (~/.ssh/known_hosts unless the ssh
// config names another), then the system's.
std::vector<std::string> knownHostsFiles(ssh_session session)
{
    std::vector<std::string> files;
    for (const ssh_options_e option : {SSH_OPTIONS_KNOWNHOSTS, SSH_OPTIONS_GLOBAL_KNOWNHOSTS}) {
        char* file = nullptr;
        if (ssh_options_get(session, option, &file) == SSH_OK && file) {
            files.emplace_back(file);
            ssh_string_free_char(file);
        }
    }
    if (files.empty()) { // libssh's defaults, as the connection set them up
        if (const char* home = std::getenv("HOME"); home && *home)
            files.push_back(std::string(home) + "/.ssh/known_hosts");
        files.emplace_back("/etc/ssh/ssh_known_hosts");
    }
    return files;
}

struct RecordedKey {
    std::string key; // as describeKey() says it
    std::string where; // "FILE:LINE"
};

// The key known_hosts records for `host` (one of the offered key's type first: the one it
// replaces), with where it is written.
std::optional<RecordedKey> recordedKey(ssh_session session, const std::string& host)
{
    ssh_key offered = nullptr;
    ssh_get_server_publickey(session, &offered);
    const ssh_keytypes_e offeredType = offered ? ssh_key_type(offered) : SSH_KEYTYPE_UNKNOWN;
    ssh_key_free(offered);
    std::string lowercase = host; // known_hosts names hosts in lower case, as libssh matches
    std::transform(lowercase.begin(), lowercase.end(), lowercase.begin(),
        [](unsigned char c) { return char(std::tolower(c)); });
    std::optional<RecordedKey> found;
    for (const std::string& file : knownHostsFiles(session)) {
        const std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(openFile(file, "r"), std::fclose);
        if (!in)
            continue;
        char line[8192];
        for (int number = 1; std::fgets(line, sizeof line, in.get()); ++number) {
            line[std::strcspn(line, "\r\n")] = '\0';
            if (line[std::strspn(line, " \t")] == '\0' || line[std::strspn(line, " \t")] == '#')
                continue;
            ssh_knownhosts_entry* entry = nullptr;
            if (ssh_known_hosts_parse_line(lowercase.c_str(), line, &entry) != SSH_OK)
                continue;
            const bool sameType = ssh_key_type(entry->publickey) == offeredType;
            if (!found || sameType)
                found = RecordedKey {
                    describeKey(entry->publickey), file + ":" + std::to_string(number)};
            ssh_knownhosts_entry_free(entry);
            if (sameType)
                return found;
        }
    }
    return found;
}

} // namespace

std::string checkHostKey(
    ssh_session session, const HostKeyQuestion& ask, const HostKeyWarning& warn)
{
    const HostName name = hostOf(session);
    switch (ssh_session_is_known_server(session)) {
    case SSH_KNOWN_HOSTS_OK:
        return {};
    case SSH_KNOWN_HOSTS_CHANGED:
    case SSH_KNOWN_HOSTS_OTHER: {
        const std::optional<RecordedKey> recorded = recordedKey(session, name.knownHostsName());
        const ChangedHostKey changed {name.knownHostsName(), describeServerKey(session),
            recorded ? recorded->key : "an unreadable key",
            recorded ? recorded->where : "known_hosts"};
        if (warn)
            warn(changed);
        return "WARNING: the host key of " + changed.host
            + " has CHANGED: it does not match the one in known_hosts. Someone may be "
              "impersonating the host (a man-in-the-middle attack), or its key was replaced. "
              "Refusing to connect. The host now offers "
            + changed.offeredKey + "; known_hosts records " + changed.recordedKey + " at "
            + changed.knownHostsLine + ". If the change is expected, remove the old key with "
            + "`ssh-keygen -R '" + changed.host + "'` and accept the new one.";
    }
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
