// The server runs in the foreground (-D) with its log on stderr (-e), so it is this process's
// child and its readiness ("Server listening on …") and failures can be read.

#include "tests/support/ssh_test_server.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <netinet/in.h>
#include <pwd.h>
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

// pam_wrapper's library, whose folder also holds pam_matrix; empty when not installed.
QString pamWrapperLibrary()
{
    QStringList folders {QStringLiteral("/usr/lib64"), QStringLiteral("/usr/lib")};
    for (const QString& multiarch : QDir(QStringLiteral("/usr/lib")).entryList(QDir::Dirs))
        if (multiarch.contains(QStringLiteral("-linux-")))
            folders.prepend(QStringLiteral("/usr/lib/") + multiarch);
    for (const QString& folder : folders)
        if (QFile::exists(folder + QStringLiteral("/pam_wrapper/pam_matrix.so")))
            return folder + QStringLiteral("/libpam_wrapper.so");
    return {};
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
    const QString user = m_asNobody ? QStringLiteral("nobody@") : QString();
    return QStringLiteral("ssh://") + user + QStringLiteral("127.0.0.1:%1").arg(m_port)
        + remotePath;
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

bool SshTestServer::replaceHostKey()
{
    stop();
    if (!generateKey(path(QStringLiteral("host_key")))) {
        m_why = QStringLiteral("ssh-keygen failed");
        return false;
    }
    return start();
}

bool SshTestServer::useUnknownClientKey()
{
    return generateKey(home() + QStringLiteral("/.ssh/id_ed25519"));
}

bool SshTestServer::writeConfig()
{
    const bool key = m_login == Login::Key;
    const auto yesNo = [](bool on) { return on ? QStringLiteral("yes") : QStringLiteral("no"); };
    const QString config
        = QStringLiteral("ListenAddress 127.0.0.1\n"
                         "Port %1\n"
                         "HostKey %2\n"
                         "PidFile none\n"
                         "AuthorizedKeysFile %3\n"
                         "StrictModes no\n"
                         "PubkeyAuthentication %4\n"
                         "UsePAM %5\n"
                         "PasswordAuthentication %6\n"
                         "KbdInteractiveAuthentication %7\n"
                         "PermitRootLogin %8\n"
                         "Subsystem sftp internal-sftp\n")
              .arg(m_port)
              .arg(path(QStringLiteral("host_key")), path(QStringLiteral("authorized_keys")),
                  yesNo(key), yesNo(!key || m_asNobody), yesNo(m_login == Login::Password),
                  yesNo(m_login == Login::KeyboardInteractive),
                  key ? QStringLiteral("prohibit-password") : QStringLiteral("yes"));
    return writeFile(path(QStringLiteral("sshd_config")), config.toUtf8());
}

// sshd's PAM service "sshd" (and "other", which PAM also reads), for pam_wrapper: every stage
// by pam_matrix, whose database lets this process's user in with `password`.
bool SshTestServer::writePamService(const QString& password)
{
    const QString library = pamWrapperLibrary();
    const passwd* user = m_asNobody ? ::getpwnam("nobody") : ::getpwuid(::geteuid());
    if (library.isEmpty() || !user)
        return false;
    const QString database = path(QStringLiteral("pam_passdb"));
    const QString matrix = QFileInfo(library).path() + QStringLiteral("/pam_wrapper/pam_matrix.so");
    QString service;
    for (const char* stage : {"auth", "account", "password", "session"})
        service += QStringLiteral("%1 required %2 passdb=%3\n")
                       .arg(QString::fromLatin1(stage), matrix, database);
    QDir().mkpath(path(QStringLiteral("pam")));
    return writeFile(database,
               QStringLiteral("%1:%2:sshd\n")
                   .arg(QString::fromLocal8Bit(user->pw_name), password)
                   .toUtf8())
        && writeFile(path(QStringLiteral("pam/sshd")), service.toUtf8())
        && writeFile(path(QStringLiteral("pam/other")), service.toUtf8());
}

bool SshTestServer::restartWithLogin(Login login, const QString& password)
{
    stop();
    m_login = login;
    if (login != Login::Key && !writePamService(password)) {
        m_why = QStringLiteral("pam_wrapper is not installed (Debian: libpam-wrapper)");
        m_login = Login::Key;
        start();
        return false;
    }
    return start();
}

bool SshTestServer::prepare()
{
    if (!m_directory.isValid()) {
        m_why = QStringLiteral("cannot create a temporary folder");
        return false;
    }
    const QString ssh = home() + QStringLiteral("/.ssh");
    QDir().mkpath(ssh);
    m_port = freePort();
    if (!generateKey(path(QStringLiteral("host_key")))
        || !generateKey(ssh + QStringLiteral("/id_ed25519"))) {
        m_why = QStringLiteral("ssh-keygen failed (Debian: openssh-client)");
        return false;
    }
    writeFile(
        path(QStringLiteral("authorized_keys")), readFile(ssh + QStringLiteral("/id_ed25519.pub")));
    writeKnownHosts(knownHostsLine());
    writeFile(ssh + QStringLiteral("/config"), QByteArray());
    return true;
}

bool SshTestServer::startAsNobody()
{
    const passwd* nobody = ::getpwnam("nobody");
    if (::geteuid() != 0 || !nobody) {
        m_why = QStringLiteral("only root can run sshd as another user");
        return false;
    }
    m_asNobody = true;
    if (!QFile::exists(QString::fromLatin1(kSshd)))
        return start(); // which says why
    if (m_port == 0 && !prepare())
        return false;
    if (!writePamService({})) {
        m_why = QStringLiteral("pam_wrapper is not installed (Debian: libpam-wrapper)");
        return false;
    }
    // nobody reads the config, the authorized keys and the served files below our folder,
    // and owns the host key, which sshd insists only its user may read.
    QFile(m_directory.path())
        .setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther
            | QFile::ExeOther);
    const QString hostKey = path(QStringLiteral("host_key"));
    if (::chown(hostKey.toLocal8Bit().constData(), nobody->pw_uid, nobody->pw_gid) != 0) {
        m_why = QStringLiteral("cannot give the host key to nobody");
        return false;
    }
    return start();
}

bool SshTestServer::start()
{
    if (!QFile::exists(QString::fromLatin1(kSshd))) {
        m_why = QStringLiteral("%1 is not installed (Debian: openssh-server)").arg(kSshd);
        return false;
    }
    if (m_port == 0 && !prepare()) // the first start; a restart keeps keys and port
        return false;
    if (!writeConfig()) {
        m_why = QStringLiteral("cannot write the server's configuration");
        return false;
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
    if (m_login != Login::Key || m_asNobody) { // sshd's PAM calls go to our service files
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("LD_PRELOAD"), pamWrapperLibrary());
        environment.insert(QStringLiteral("PAM_WRAPPER"), QStringLiteral("1"));
        environment.insert(QStringLiteral("PAM_WRAPPER_SERVICE_DIR"), path(QStringLiteral("pam")));
        m_sshd->setProcessEnvironment(environment);
    }
    const QStringList sshd {QString::fromLatin1(kSshd), QStringLiteral("-D"), QStringLiteral("-e"),
        QStringLiteral("-f"), path(QStringLiteral("sshd_config"))};
    const passwd* nobody = ::getpwnam("nobody");
    if (m_asNobody && nobody) // setpriv (util-linux) drops root's user and groups first
        m_sshd->start(QStringLiteral("setpriv"),
            QStringList {QStringLiteral("--reuid=%1").arg(nobody->pw_uid),
                QStringLiteral("--regid=%1").arg(nobody->pw_gid), QStringLiteral("--clear-groups")}
                + sshd);
    else
        m_sshd->start(sshd.first(), sshd.mid(1));
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

DeniableServer deniableServer(SshTestServer& own, const QString& ownFolder, SshTestServer& asNobody)
{
    if (::geteuid() != 0)
        return {&own, std::filesystem::path(ownFolder.toStdString()), {}};
    if (!asNobody.startAsNobody())
        return {nullptr, {},
            QStringLiteral("running as root, and sshd cannot run as nobody: ") + asNobody.why()};
    return {&asNobody, std::filesystem::path(asNobody.path(QStringLiteral("served")).toStdString()),
        {}};
}

} // namespace lantern::test
