// Session set-up with libssh: options from the URL first (as `ssh` gives the command line
// precedence), then ~/.ssh/config and the system's ssh_config for the rest.

#include "core/remote/ssh_connection.h"

#include "core/remote/host_key_check.h"
#include "core/remote/ssh_authentication.h"

#include <cstdint>
#include <cstdlib>
#include <libssh/libssh.h>
#include <libssh/sftp.h>
#include <string_view>

namespace lantern::core {
namespace {

// ~/.ssh, with ~ taken from $HOME as a shell would (libssh itself asks the password database).
std::string sshDirectory()
{
    const char* home = std::getenv("HOME");
    return home && *home ? std::string(home) + "/.ssh" : std::string();
}

std::string sftpErrorText(int code)
{
    switch (code) {
    case SSH_FX_NO_SUCH_FILE:
        return "No such file or directory";
    case SSH_FX_PERMISSION_DENIED:
        return "Permission denied";
    case SSH_FX_NO_CONNECTION:
    case SSH_FX_CONNECTION_LOST:
        return "the connection was lost";
    case SSH_FX_OP_UNSUPPORTED:
        return "the server does not support this operation";
    case SSH_FX_EOF:
        return "end of file";
    default:
        return {};
    }
}

} // namespace

std::unique_ptr<SshConnection> SshConnection::open(const SshUrl& url, const SshPrompt& prompt,
    std::string& error, const HostKeyQuestion& hostKeyQuestion,
    const HostKeyWarning& hostKeyWarning)
{
    std::unique_ptr<SshConnection> connection(new SshConnection);
    ssh_session session = ssh_new();
    if (!session) {
        error = "cannot create an SSH session";
        return nullptr;
    }
    connection->m_session = session;
    ssh_options_set(session, SSH_OPTIONS_HOST, url.host.c_str());
    if (!url.user.empty())
        ssh_options_set(session, SSH_OPTIONS_USER, url.user.c_str());
    if (url.port) {
        const unsigned port = unsigned(*url.port);
        ssh_options_set(session, SSH_OPTIONS_PORT, &port);
    }
    const std::string directory = sshDirectory();
    if (!directory.empty()) {
        ssh_options_set(session, SSH_OPTIONS_SSH_DIR, directory.c_str());
        ssh_options_parse_config(session, (directory + "/config").c_str());
    }
    ssh_options_parse_config(session, "/etc/ssh/ssh_config");
    const long timeoutSeconds = 15; // a host that does not answer must not stall a reload forever
    ssh_options_set(session, SSH_OPTIONS_TIMEOUT, &timeoutSeconds);
    const int noDelay = 1; // small SFTP requests go out at once
    ssh_options_set(session, SSH_OPTIONS_NODELAY, &noDelay);

    if (ssh_connect(session) != SSH_OK) {
        error = std::string("cannot connect: ") + ssh_get_error(session);
        return nullptr;
    }
    error = checkHostKey(session, hostKeyQuestion, hostKeyWarning);
    if (!error.empty())
        return nullptr;
    error = authenticate(session, prompt);
    if (!error.empty())
        return nullptr;
    connection->m_sftp = sftp_new(session);
    if (!connection->m_sftp || sftp_init(connection->m_sftp) != SSH_OK) {
        error = std::string("cannot start SFTP (is the sftp subsystem enabled on the server?): ")
            + ssh_get_error(session);
        return nullptr;
    }
    return connection;
}

SshConnection::~SshConnection()
{
    closeShell();
    if (m_sftp)
        sftp_free(m_sftp);
    if (m_session) {
        ssh_disconnect(m_session);
        ssh_free(m_session);
    }
}

bool SshConnection::alive() const
{
    return m_session && ssh_is_connected(m_session);
}

std::string SshConnection::lastError() const
{
    if (!alive())
        return "the connection was lost";
    if (m_sftp) {
        const std::string text = sftpErrorText(sftp_get_error(m_sftp));
        if (!text.empty())
            return text;
    }
    return ssh_get_error(m_session);
}

void SshConnection::closeShell()
{
    if (!m_shell)
        return;
    ssh_channel_close(m_shell);
    ssh_channel_free(m_shell);
    m_shell = nullptr;
}

std::optional<std::string> SshConnection::runInShell(const std::string& script)
{
    // Framed so that what the login shell's start-up files print is left out, and the end of
    // this script's output is known without closing the shell.
    static constexpr std::string_view kBegin("[\0\0\0", 4), kEnd("\0\0\0]", 4);
    if (!m_shell) {
        m_shell = ssh_channel_new(m_session);
        if (!m_shell)
            return std::nullopt;
        ++m_requests.channelsOpened;
        if (ssh_channel_open_session(m_shell) != SSH_OK
            || ssh_channel_request_exec(m_shell, "exec sh") != SSH_OK) {
            closeShell();
            return std::nullopt;
        }
    }
    ++m_requests.shellScripts;
    const std::string framed
        = "printf '[\\000\\000\\000'; " + script + "\nprintf '\\000\\000\\000]'\n";
    if (ssh_channel_write(m_shell, framed.data(), std::uint32_t(framed.size()))
        != int(framed.size())) {
        closeShell();
        return std::nullopt;
    }
    std::string output;
    char buffer[64 * 1024];
    for (;;) {
        const int got = ssh_channel_read_timeout(m_shell, buffer, sizeof buffer, 0, 100);
        if (got > 0)
            output.append(buffer, std::size_t(got));
        // stderr is drained so the shell cannot stall on it; scripts fold what matters into
        // stdout, where its order with the rest is kept.
        while (ssh_channel_read_nonblocking(m_shell, buffer, sizeof buffer, 1) > 0) { }
        if (output.ends_with(kEnd)) {
            const std::size_t begin = output.find(kBegin);
            if (begin == std::string::npos)
                break;
            output.resize(output.size() - kEnd.size());
            return output.substr(begin + kBegin.size());
        }
        if (got == SSH_ERROR || ssh_channel_is_eof(m_shell) || !alive())
            break;
    }
    closeShell();
    return std::nullopt;
}

} // namespace lantern::core
