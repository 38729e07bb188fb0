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

#include <memory>

namespace lantern::test {

class SshTestServer {
public:
    SshTestServer();
    ~SshTestServer();

    // Starts sshd; false with why() set when it cannot run here (tests then skip).
    bool start();
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

    // known_hosts lines: this server's key, or a different key for the same host and port.
    QString knownHostsLine() const;
    QString otherKnownHostsLine();
    void writeKnownHosts(const QString& text) const;
    // The server key's fingerprint as `ssh-keygen -l` prints it ("SHA256:…").
    QString hostKeyFingerprint() const;
    // Replaces the client's key by a new one the server does not know.
    bool useUnknownClientKey();

    // The paths below the server's own folder.
    QString path(const QString& name) const;

private:
    bool generateKey(const QString& file);
    bool writeConfig();

    QTemporaryDir m_directory;
    std::unique_ptr<QProcess> m_sshd;
    int m_port = 0;
    QString m_why;
};

} // namespace lantern::test
