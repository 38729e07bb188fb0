#pragma once
// One authenticated SSH connection with its SFTP session. Opening it reads ~/.ssh/config
// (aliases, User, Port, IdentityFile, ...), verifies the server's host key against
// ~/.ssh/known_hosts (an unknown or changed key is refused, with the fingerprint and what to
// do), then authenticates with ssh-agent, key files (passphrases asked through the prompt),
// and password or keyboard-interactive when a prompt is given.
//
// libssh sessions are not thread-safe: hold lock() around every use of session() or sftp().

#include "core/remote/ssh_prompt.h"
#include "core/remote/ssh_url.h"

#include <memory>
#include <mutex>
#include <string>

struct ssh_session_struct;
struct sftp_session_struct;

namespace lantern::core {

struct CommandResult {
    int exitStatus = -1; // -1 when the command could not be run at all
    std::string output; // what it wrote to stdout
    std::string errors; // what it wrote to stderr
};

class SshConnection {
public:
    // Connects to `url`'s host; nullptr with `error` set to a message for the person. An
    // unknown host key is put to `hostKeyQuestion` and a changed one told to `hostKeyWarning`
    // when they are given.
    static std::unique_ptr<SshConnection> open(const SshUrl& url, const SshPrompt& prompt,
        std::string& error, const HostKeyQuestion& hostKeyQuestion = {},
        const HostKeyWarning& hostKeyWarning = {});
    ~SshConnection();
    SshConnection(const SshConnection&) = delete;
    SshConnection& operator=(const SshConnection&) = delete;

    std::unique_lock<std::mutex> lock() { return std::unique_lock(m_mutex); }
    ssh_session_struct* session() const { return m_session; }
    sftp_session_struct* sftp() const { return m_sftp; }
    // False once the connection dropped; a new one must be opened.
    bool alive() const;

    // Runs `command` through the remote login shell on an exec channel (caller holds lock()).
    CommandResult run(const std::string& command);

    // The last libssh or SFTP error, as a sentence (caller holds lock()).
    std::string lastError() const;

private:
    SshConnection() = default;
    ssh_session_struct* m_session = nullptr;
    sftp_session_struct* m_sftp = nullptr;
    std::mutex m_mutex;
};

} // namespace lantern::core
