// The server runs in the foreground (-D) with its log on stderr (-e), so it is this process's
// child and its readiness ("Server listening on …") and failures can be read.

#include "tests/support/ssh_test_server.h"

#include <QDir>
#include <QFile>

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace lantern::test {
namespace {

constexpr const char* kSshd = "/usr/sbin/sshd";

// A port nothing listens on now: bind port 0 and read which port the system chose.
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

QByteArray runTool(const QString& program, const QStringList& arguments, bool* ok = nullptr)
{
    QProcess process;
    process.start(program, arguments);
    const bool finished = process.waitForFinished(20000);
    if (ok)
        *ok = finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    return process.readAllStandardOutput();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Every process below `pid` (sshd forks one per connection, and that one another), from /proc.
std::vector<pid_t> descendantsOf(pid_t pid)
{
    std::vector<pid_t> found;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    std::vector<std::pair<pid_t, pid_t>> parents; // (process, parent)
    for (const QString& entry : entries) {
        bool isNumber = false;
        const pid_t process = entry.toInt(&isNumber);
        if (!isNumber)
            continue;
        // "pid (name) state ppid ...": the name may hold spaces, so read after the last ')'.
        const QByteArray stat = readFile(QStringLiteral("/proc/%1/stat").arg(process));
        const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1)
            parents.emplace_back(process, pid_t(fields[1].toInt()));
    }
    std::vector<pid_t> frontier {pid};
    while (!frontier.empty()) {
        const pid_t parent = frontier.back();
        frontier.pop_back();
        for (const auto& [process, itsParent] : parents)
            if (itsParent == parent) {
                found.push_back(process);
                frontier.push_back(process);
            }
    }
    return found;
}

} // namespace

SshTestServer::SshTestServer() = default;

SshTestServer::~SshTestServer()
{
    stop();
}

QString SshTestServer::path(const QString& name) const
{
    return m_directory.filePath(name);
}

QString SshTestServer::home() const
{
    return path(QStringLiteral("home"));
}

QString SshTestServer::url(const QString& remotePath) const
{
    return QStringLiteral("ssh://127.0.0.1:%1%2").arg(m_port).arg(remotePath);
}

QProcessEnvironment SshTestServer::clientEnvironment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home());
    environment.remove(QStringLiteral("SSH_AUTH_SOCK"));
    return environment;
}

void SshTestServer::becomeClient() const
{
    qputenv("HOME", home().toUtf8());
    qunsetenv("SSH_AUTH_SOCK");
}

bool SshTestServer::generateKey(const QString& file)
{
    QFile::remove(file);
    QFile::remove(file + QStringLiteral(".pub"));
    bool ok = false;
    runTool(QStringLiteral("ssh-keygen"),
        {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
            QStringLiteral("-N"), QString(), QStringLiteral("-C"), QStringLiteral("lantern-test"),
            QStringLiteral("-f"), file},
        &ok);
    return ok;
}

QString SshTestServer::knownHostsLine() const
{
    const QByteArray key = readFile(path(QStringLiteral("host_key.pub")));
    const QList<QByteArray> fields = key.trimmed().split(' ');
    if (fields.size() < 2)
        return {};
    return QStringLiteral("[127.0.0.1]:%1 %2 %3\n")
        .arg(m_port)
        .arg(QString::fromLatin1(fields[0]), QString::fromLatin1(fields[1]));
}

QString SshTestServer::otherKnownHostsLine()
{
    const QString other = path(QStringLiteral("other_host_key"));
    if (!generateKey(other))
        return {};
    const QList<QByteArray> fields = readFile(other + QStringLiteral(".pub")).trimmed().split(' ');
    return QStringLiteral("[127.0.0.1]:%1 %2 %3\n")
        .arg(m_port)
        .arg(QString::fromLatin1(fields.value(0)), QString::fromLatin1(fields.value(1)));
}

void SshTestServer::writeKnownHosts(const QString& text) const
{
    writeFile(home() + QStringLiteral("/.ssh/known_hosts"), text.toUtf8());
}

QString SshTestServer::hostKeyFingerprint() const
{
    const QByteArray line = runTool(QStringLiteral("ssh-keygen"),
        {QStringLiteral("-lf"), path(QStringLiteral("host_key.pub"))});
    return QString::fromLatin1(line.split(' ').value(1));
}

bool SshTestServer::useUnknownClientKey()
{
    return generateKey(home() + QStringLiteral("/.ssh/id_ed25519"));
}

bool SshTestServer::writeConfig()
{
    const QString config
        = QStringLiteral("ListenAddress 127.0.0.1\n"
                         "Port %1\n"
                         "HostKey %2\n"
                         "PidFile none\n"
                         "AuthorizedKeysFile %3\n"
                         "StrictModes no\n"
                         "UsePAM no\n"
                         "PasswordAuthentication no\n"
                         "KbdInteractiveAuthentication no\n"
                         "PermitRootLogin prohibit-password\n"
                         "Subsystem sftp internal-sftp\n")
              .arg(m_port)
              .arg(path(QStringLiteral("host_key")), path(QStringLiteral("authorized_keys")));
    return writeFile(path(QStringLiteral("sshd_config")), config.toUtf8());
}

bool SshTestServer::start()
{
    if (!QFile::exists(QString::fromLatin1(kSshd))) {
        m_why = QStringLiteral("%1 is not installed (Debian: openssh-server)").arg(kSshd);
        return false;
    }
    if (!m_directory.isValid()) {
        m_why = QStringLiteral("cannot create a temporary folder");
        return false;
    }
    const QString ssh = home() + QStringLiteral("/.ssh");
    if (m_port == 0) { // the first start; a restart keeps keys and port
        QDir().mkpath(ssh);
        m_port = freePort();
        if (!generateKey(path(QStringLiteral("host_key")))
            || !generateKey(ssh + QStringLiteral("/id_ed25519"))) {
            m_why = QStringLiteral("ssh-keygen failed (Debian: openssh-client)");
            return false;
        }
        writeFile(path(QStringLiteral("authorized_keys")),
            readFile(ssh + QStringLiteral("/id_ed25519.pub")));
        writeKnownHosts(knownHostsLine());
        writeFile(ssh + QStringLiteral("/config"), QByteArray());
        if (!writeConfig()) {
            m_why = QStringLiteral("cannot write the server's configuration");
            return false;
        }
    }
    // Run as root, sshd confines its unprivileged half in this empty folder, which the
    // openssh-server service would otherwise create when it starts.
    if (::geteuid() == 0)
        QDir().mkpath(QStringLiteral("/run/sshd"));

    // The log goes to a file: a pipe nobody reads would fill and stall the server.
    const QString logFile = path(QStringLiteral("sshd.log"));
    QFile::remove(logFile);
    m_sshd = std::make_unique<QProcess>();
    m_sshd->setProcessChannelMode(QProcess::MergedChannels);
    m_sshd->setStandardOutputFile(logFile);
    m_sshd->start(QString::fromLatin1(kSshd),
        {QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"),
            path(QStringLiteral("sshd_config"))});
    QByteArray log;
    for (int waited = 0; waited < 10000; waited += 20) {
        log = readFile(logFile);
        if (log.contains("Server listening on"))
            return true;
        if (m_sshd->waitForFinished(20))
            break;
    }
    m_why = QStringLiteral("sshd did not start: %1").arg(QString::fromLocal8Bit(log.trimmed()));
    stop();
    return false;
}

bool SshTestServer::running() const
{
    return m_sshd && m_sshd->state() == QProcess::Running;
}

void SshTestServer::stop()
{
    if (!m_sshd)
        return;
    // The listener and every session it forked: connections drop as when a server dies.
    for (const pid_t session : descendantsOf(pid_t(m_sshd->processId())))
        ::kill(session, SIGKILL);
    m_sshd->kill();
    m_sshd->waitForFinished(5000);
    m_sshd.reset();
}

} // namespace lantern::test
