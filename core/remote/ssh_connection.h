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

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

struct ssh_channel_struct;
struct ssh_session_struct;
struct sftp_session_struct;

namespace lantern::core {

// What a connection asked of the server, for tests that count round trips.
struct SshRequests {
    std::size_t channelsOpened = 0; // exec channels (the kept shell)
    std::size_t shellScripts = 0; // scripts sent to the kept shell
    std::size_t filesOpened = 0; // SFTP opens
    std::size_t directoriesOpened = 0; // SFTP opendirs (listing without a shell)
    std::size_t stats = 0; // SFTP stats
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

    // Runs the POSIX sh `script` on a shell kept open on this connection and returns what it
    // wrote to stdout. The shell is started on first use (`exec sh` through the login shell),
    // so a new channel and the login shell's start-up files are paid for once, not on every
    // listing. The script's output must not hold three NUL bytes in a row (they frame it).
    // nullopt when no POSIX shell could be started or it stopped mid-way. Caller holds lock().
    std::optional<std::string> runInShell(const std::string& script);

    SshRequests& requests() { return m_requests; }

    // The last libssh or SFTP error, as a sentence (caller holds lock()).
    std::string lastError() const;

private:
    SshConnection() = default;
    void closeShell();

    ssh_channel_struct* m_shell = nullptr;
    SshRequests m_requests;
    ssh_session_struct* m_session = nullptr;
    sftp_session_struct* m_sftp = nullptr;
    std::mutex m_mutex;
};

} // namespace lantern::core
