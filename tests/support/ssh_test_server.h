#pragma once
// A real OpenSSH server for tests: /usr/sbin/sshd started as a child process on 127.0.0.1 and a
// free port, with a throwaway host key, a throwaway user key in an authorized_keys of its own,
// and a config generated in a temporary folder (no system configuration is read or changed).
// A HOME of its own holds the client's key, known_hosts and ssh config, so the user's ~/.ssh
// is never touched. Stopped when destroyed.

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QTemporaryDir>

#include <filesystem>
#include <memory>

namespace lantern::test {

class SshTestServer {
public:
    SshTestServer();
    ~SshTestServer();

    // Starts sshd; false with why() set when it cannot run here (tests then skip).
    bool start();
    // Run as root, starts sshd as the unprivileged user "nobody" instead (setpriv), whom the
    // client then logs in as (by key; pam_wrapper stands in for the account check, as nobody
    // has no password): folders can then deny it access, which root's never do. Serves only
    // what is below path(), which nobody may read. False with why() set when not root.
    bool startAsNobody();
    void stop(); // kills the server (as a crash or a dropped network would)
    bool running() const;
    const QString& why() const { return m_why; }

    int port() const { return m_port; }
    // "ssh://127.0.0.1:PORT" + path.
    QString url(const QString& path) const;
    // The HOME the client must use; its .ssh holds id_ed25519 and a known_hosts that trusts
    // this server.
    QString home() const;
    // The client's environment: HOME as above, no ssh-agent.
    QProcessEnvironment clientEnvironment() const;
    // Makes this process a client as clientEnvironment() describes, for in-process loads.
    void becomeClient() const;
    // Starts the server again when a test stopped it and failed before restarting it.
    bool ensureRunning() { return running() || start(); }

    // The known_hosts line of this server's key.
    QString knownHostsLine() const;
    void writeKnownHosts(const QString& text) const;
    // The server key's fingerprint as `ssh-keygen -l` prints it ("SHA256:…").
    QString hostKeyFingerprint() const;
    // Gives the server a new host key and restarts it (as when a host is reinstalled, or
    // impersonated): the client's known_hosts still holds the old one.
    bool replaceHostKey();
    // Replaces the client's key by a new one the server does not know.
    bool useUnknownClientKey();

    // How the server lets the client in. Key: the client's key only (the default). Password
    // and KeyboardInteractive: only that method, for the user running the tests, with
    // `password` - checked by pam_wrapper's pam_matrix module against a file of ours, so no
    // system account, password or /etc/pam.d file is read or changed (Debian:
    // libpam-wrapper). Restarts the server; false with why() set when it cannot.
    enum class Login { Key, Password, KeyboardInteractive };
    bool restartWithLogin(Login login, const QString& password = {});

    // The paths below the server's own folder.
    QString path(const QString& name) const;

private:
    bool prepare(); // keys, known_hosts and port, on the first start
    bool generateKey(const QString& file);
    bool writeConfig();
    bool writePamService(const QString& password);

    Login m_login = Login::Key;
    bool m_asNobody = false;

    QTemporaryDir m_directory;
    std::unique_ptr<QProcess> m_sshd;
    int m_port = 0;
    QString m_why;
};

// For tests of permission denied: a server whose login user cannot read a folder denied to it,
// and a folder it serves. Not root: `own`, serving `ownFolder`. Root reads everything, so then
// `asNobody` started as nobody, serving a folder below its own. No server, with why, when
// neither can be had.
struct DeniableServer {
    SshTestServer* server = nullptr;
    std::filesystem::path served;
    QString why;
};
DeniableServer deniableServer(
    SshTestServer& own, const QString& ownFolder, SshTestServer& asNobody);

} // namespace lantern::test
