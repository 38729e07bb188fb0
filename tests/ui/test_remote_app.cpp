// Remote log directories in the app, against a real OpenSSH server the test starts
// (tests/support/ssh_test_server.h): ssh:// and NAME:ssh:// specs load and are polled every
// 2 s, File › Open Remote Log Directory… builds the spec and Open Recent lists it, an unknown
// host's fingerprint is shown and asked about, a changed host key is refused with a modal
// warning, a key's passphrase and a password or keyboard-interactive answer are asked in a
// dialog (and never stored), and a dropped connection keeps what was loaded, says
// "reconnecting in N s (why)" counting down, and goes on where it stopped. Skips, saying why,
// when sshd cannot start here.

#include "core/remote/ssh_hosts.h"
#include "core/write/event_file_writer.h"
#include "tests/support/ssh_test_server.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"
#include "ui/adapter/log_loader.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/projector/embedding_scatter_plot.h"
#include "ui/dashboards/projector/projector_dashboard.h"
#include "ui/dashboards/projector/projector_panel.h"
#include "ui/dashboards/scalars/scalars_dashboard.h"
#include "ui/main_window.h"
#include "ui/remote/remote_logdir_dialog.h"
#include "ui/settings.h"
#include "ui/widgets/diagnostics_panel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace lantern;
using namespace lantern::test;
namespace fs = std::filesystem;

namespace {

constexpr int kTimeout = 20000;

bool waitForLoad(ui::MainWindow& window)
{
    QSignalSpy loaded(&window, &ui::MainWindow::loadFinished);
    return loaded.wait(kTimeout);
}

// Answers the modal dialog named `name` each time one shows, with `answer`; counts them.
class DialogAnswerer : public QObject {
public:
    DialogAnswerer(const QString& name, std::function<void(QWidget*)> answer)
        : m_name(name)
        , m_answer(std::move(answer))
    {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            QWidget* modal = QApplication::activeModalWidget();
            if (!modal)
                m_answered = nullptr; // the next dialog may have the same address
            if (!modal || modal->objectName() != m_name || modal == m_answered)
                return;
            m_answered = modal;
            ++m_count;
            m_answer(modal);
        });
        m_timer.start(20);
    }
    int count() const { return m_count; }

private:
    QString m_name;
    std::function<void(QWidget*)> m_answer;
    QTimer m_timer;
    QWidget* m_answered = nullptr; // the dialog answered last (it closes soon after)
    int m_count = 0;
};

void click(QWidget* dialog, const QString& button)
{
    auto* found = dialog->findChild<QPushButton*>(button);
    QVERIFY2(found, qPrintable(button));
    found->click();
}

QStringList scalarTags(ui::MainWindow& window)
{
    if (!window.showTab(QStringLiteral("scalars")))
        return {};
    return window.findChild<ui::ScalarsDashboard*>()->cardTags();
}

QLabel* connectionStatus(ui::MainWindow& window)
{
    return window.findChild<QLabel*>(QStringLiteral("connectionStatus"));
}

std::size_t lossPoints(const ui::MainWindow& window)
{
    std::size_t points = 0;
    for (const auto& run : window.loader()->snapshot()->runs)
        if (const auto* tag = run->find("loss"))
            points += tag->scalars.size();
    return points;
}

// With LANTERN_TEST_SCREENSHOTS=DIR, saves `widget` there as NAME.png, to be looked at.
void saveScreenshot(QWidget& widget, const QString& name)
{
    const QString directory = qEnvironmentVariable("LANTERN_TEST_SCREENSHOTS");
    if (!directory.isEmpty())
        widget.grab().save(directory + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace

class TestRemoteApp : public QObject {
    Q_OBJECT

    SshTestServer m_server;
    QTemporaryDir m_data; // what the server serves: this machine's own files
    bool m_up = false;

    // A logdir with one run "run" whose file holds `tags`, each at steps 0..steps-1.
    QString writeLogdir(const QString& name, const QStringList& tags, int steps = 3)
    {
        const QString logdir = m_data.filePath(name);
        core::EventFileWriter writer(ui::pathFromQString(logdir) / "run");
        for (int step = 0; step < steps; ++step)
            for (const QString& tag : tags)
                writer.addScalar(tag.toStdString(), step, float(step), 10.0 + step);
        return logdir;
    }

    QString knownHosts() const
    {
        QFile file(m_server.home() + QStringLiteral("/.ssh/known_hosts"));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // recent logdirs kept away from the user's
        QSettings().clear();
        QVERIFY(m_data.isValid());
        m_up = m_server.start();
        if (!m_up)
            QSKIP(qPrintable(QStringLiteral("no SSH server: ") + m_server.why()));
        m_server.becomeClient();
    }

    void init()
    {
        if (!m_up)
            return;
        QVERIFY2(m_server.ensureRunning(), qPrintable(m_server.why())); // if a test failed
        m_server.writeKnownHosts(m_server.knownHostsLine());
        core::SshHosts::shared().closeAll(); // each test connects anew
    }

    void cleanupTestCase() { core::SshHosts::shared().closeAll(); }

    void remoteSpecsLoadAndArePolled()
    {
        const QString logdir = writeLogdir(QStringLiteral("specs"), {"loss", "accuracy"});
        ui::MainWindow window;
        window.show();
        window.openLogdirs({QStringLiteral("gpu:") + m_server.url(logdir)});
        QVERIFY(waitForLoad(window));
        QCOMPARE(window.loader()->snapshot()->runs.size(), std::size_t(1));
        QCOMPARE(window.loader()->snapshot()->runs[0]->name, std::string("gpu/run"));
        QCOMPARE(scalarTags(window), (QStringList {"accuracy", "loss"}));
        QCOMPARE(window.loader()->pollInterval(), 2000); // remote: every 2 s, not 1
        QVERIFY(connectionStatus(window)->isHidden());

        // Polled with no reload asked for: a new file's tag shows up by itself.
        {
            core::EventFileWriter more(ui::pathFromQString(logdir) / "run");
            more.addScalar("lr", 0, 0.1f, 20.0);
        }
        QTRY_VERIFY_WITH_TIMEOUT(scalarTags(window).contains(QStringLiteral("lr")), kTimeout);

        // A plain ssh:// spec, and a local one keeps its own interval.
        window.openLogdirs({m_server.url(logdir)});
        QVERIFY(waitForLoad(window));
        QCOMPARE(window.loader()->snapshot()->runs[0]->name, std::string("run"));
        QCOMPARE(scalarTags(window), (QStringList {"accuracy", "loss", "lr"}));
        window.openLogdirs({logdir});
        QVERIFY(waitForLoad(window));
        QCOMPARE(window.loader()->pollInterval(), 1000);
    }

    void remoteDialogValidatesAndBuildsTheSpec()
    {
        ui::RemoteLogdirDialog dialog;
        auto* host = dialog.findChild<QLineEdit*>(QStringLiteral("host"));
        auto* user = dialog.findChild<QLineEdit*>(QStringLiteral("user"));
        auto* port = dialog.findChild<QSpinBox*>(QStringLiteral("port"));
        auto* path = dialog.findChild<QLineEdit*>(QStringLiteral("path"));
        auto* problem = dialog.findChild<QLabel*>(QStringLiteral("problem"));
        auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        dialog.show();
        QVERIFY(!ok->isEnabled());
        QCOMPARE(problem->text(), QStringLiteral("Enter the host."));
        QTest::keyClicks(host, QStringLiteral("gpu box"));
        QVERIFY(problem->text().contains(QStringLiteral("without spaces")));
        host->clear();
        QTest::keyClicks(host, QStringLiteral("gpu-box"));
        QCOMPARE(problem->text(), QStringLiteral("Enter the log directory's path on the host."));
        QTest::keyClicks(path, QStringLiteral("runs"));
        QVERIFY(problem->text().contains(QStringLiteral("absolute")));
        QVERIFY(!ok->isEnabled());
        QVERIFY(dialog.spec().isEmpty());
        path->clear();
        QTest::keyClicks(path, QStringLiteral("/home/me/my runs"));
        QVERIFY(ok->isEnabled());
        QVERIFY(problem->isHidden());
        QCOMPARE(dialog.spec(), QStringLiteral("ssh://gpu-box/home/me/my runs"));
        QTest::keyClicks(user, QStringLiteral("me"));
        port->setValue(2222);
        QCOMPARE(dialog.spec(), QStringLiteral("ssh://me@gpu-box:2222/home/me/my runs"));
        saveScreenshot(dialog, QStringLiteral("remote_dialog"));
        host->setText(QStringLiteral("::1"));
        QCOMPARE(dialog.spec(), QStringLiteral("ssh://me@[::1]:2222/home/me/my runs"));
    }

    void openRemoteFromTheMenuAndFromRecent()
    {
        QSettings().clear();
        const QString logdir = writeLogdir(QStringLiteral("menu"), {"loss"});
        ui::MainWindow window;
        window.show();
        window.openLogdirs({logdir}); // a local one first: Open Recent lists both
        QVERIFY(waitForLoad(window));

        const DialogAnswerer answerer(QStringLiteral("remoteLogdirDialog"), [&](QWidget* dialog) {
            dialog->findChild<QLineEdit*>(QStringLiteral("host"))->setText("127.0.0.1");
            dialog->findChild<QSpinBox*>(QStringLiteral("port"))->setValue(m_server.port());
            dialog->findChild<QLineEdit*>(QStringLiteral("path"))->setText(logdir);
            dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
        });
        auto* openRemote = window.findChild<QAction*>(QStringLiteral("openRemoteLogdir"));
        QVERIFY(openRemote);
        QCOMPARE(openRemote->text(), QStringLiteral("Open Re&mote Log Directory…"));
        openRemote->trigger();
        QCOMPARE(answerer.count(), 1);
        QCOMPARE(window.loader()->logdirSpecs(), QStringList {m_server.url(logdir)});
        QVERIFY(waitForLoad(window));
        QCOMPARE(scalarTags(window), QStringList {"loss"});

        QMenu* recent = nullptr;
        for (QMenu* menu : window.findChildren<QMenu*>())
            if (menu->title() == QStringLiteral("Open &Recent"))
                recent = menu;
        QVERIFY(recent);
        QStringList entries;
        for (QAction* action : recent->actions())
            entries.append(action->text());
        QCOMPARE(entries, (QStringList {m_server.url(logdir), logdir}));

        window.openLogdirs({logdir});
        QVERIFY(waitForLoad(window));
        recent->actions().at(1)->trigger(); // the remote one, now second
        QCOMPARE(window.loader()->logdirSpecs(), QStringList {m_server.url(logdir)});
        QVERIFY(waitForLoad(window));
        QCOMPARE(window.loader()->snapshot()->runs.size(), std::size_t(1));
    }

    void unknownHostShowsItsFingerprintAndAsks()
    {
        const QString logdir = writeLogdir(QStringLiteral("unknown"), {"loss"});
        m_server.writeKnownHosts({});
        ui::MainWindow window;
        window.show();
        QString shown;
        bool trust = false;
        const DialogAnswerer answerer(QStringLiteral("hostKeyDialog"), [&](QWidget* dialog) {
            shown = static_cast<QMessageBox*>(dialog)->text();
            saveScreenshot(*dialog, QStringLiteral("host_key_dialog"));
            click(dialog, trust ? QStringLiteral("trustHostKey") : QStringLiteral("refuseHostKey"));
        });

        // Refused: not connected, with why, and not asked again at every poll.
        window.openLogdirs({m_server.url(logdir)});
        QVERIFY(waitForLoad(window));
        QCOMPARE(answerer.count(), 1);
        QVERIFY2(shown.contains(m_server.hostKeyFingerprint()), qPrintable(shown));
        QVERIFY(shown.contains(QStringLiteral("[127.0.0.1]:%1").arg(m_server.port())));
        QVERIFY(window.loader()->snapshot()->runs.empty());
        QTRY_VERIFY(!connectionStatus(window)->isHidden());
        QVERIFY2(connectionStatus(window)->text().startsWith(QStringLiteral("not connected")),
            qPrintable(connectionStatus(window)->text()));
        QVERIFY(connectionStatus(window)->text().contains(QStringLiteral("not accepted")));
        QVERIFY(knownHosts().isEmpty());
        window.loader()->reload();
        QTest::qWait(500);
        QCOMPARE(answerer.count(), 1);

        // Opened again and trusted: connected, and the key is in known_hosts.
        trust = true;
        window.openLogdirs({m_server.url(logdir)});
        QTRY_VERIFY_WITH_TIMEOUT(!window.loader()->snapshot()->runs.empty(), kTimeout);
        QCOMPARE(answerer.count(), 2);
        QTRY_VERIFY(connectionStatus(window)->isHidden());
        const QString key = m_server.knownHostsLine().split(QLatin1Char(' ')).value(2).trimmed();
        QVERIFY(!key.isEmpty());
        QVERIFY2(knownHosts().contains(key), qPrintable(knownHosts()));
        QCOMPARE(scalarTags(window), QStringList {"loss"});
    }

    void changedHostKeyIsRefusedWithAWarning()
    {
        const QString logdir = writeLogdir(QStringLiteral("changed"), {"loss"});
        const QString oldFingerprint = m_server.hostKeyFingerprint();
        QVERIFY2(m_server.replaceHostKey(), qPrintable(m_server.why())); // known_hosts: the old
        ui::MainWindow window;
        window.show();
        const DialogAnswerer asked(QStringLiteral("hostKeyDialog"),
            [](QWidget* dialog) { click(dialog, QStringLiteral("trustHostKey")); });
        QString warning;
        const DialogAnswerer warned(QStringLiteral("changedHostKeyDialog"), [&](QWidget* dialog) {
            warning = static_cast<QMessageBox*>(dialog)->text();
            saveScreenshot(*dialog, QStringLiteral("changed_host_key_dialog"));
            click(dialog, QStringLiteral("closeChangedHostKey"));
        });
        window.openLogdirs({m_server.url(logdir)});
        QVERIFY(waitForLoad(window));
        QCOMPARE(asked.count(), 0); // never offered to accept
        QCOMPARE(warned.count(), 1); // a modal warning with the facts to judge by
        const QString host = QStringLiteral("[127.0.0.1]:%1").arg(m_server.port());
        for (const QString& fact : {host, m_server.hostKeyFingerprint(), oldFingerprint,
                 m_server.home() + QStringLiteral("/.ssh/known_hosts:1"),
                 QStringLiteral("ssh-keygen -R '") + host})
            QVERIFY2(warning.contains(fact), qPrintable(fact + QStringLiteral(" in ") + warning));
        QVERIFY(oldFingerprint != m_server.hostKeyFingerprint());
        QVERIFY(window.loader()->snapshot()->runs.empty());
        QTRY_VERIFY(!connectionStatus(window)->isHidden());
        QVERIFY2(connectionStatus(window)->text().contains(QStringLiteral("has CHANGED")),
            qPrintable(connectionStatus(window)->text()));
        auto* start = window.findChild<QLabel*>(QStringLiteral("startMessage"));
        QVERIFY2(start->text().contains(QStringLiteral("Refusing to connect")),
            qPrintable(start->text()));

        // Each poll is refused again, without a new dialog; opening anew warns again.
        window.loader()->reload();
        QTest::qWait(500);
        QCOMPARE(warned.count(), 1);
        window.openLogdirs({m_server.url(logdir)});
        QVERIFY(waitForLoad(window));
        QCOMPARE(warned.count(), 2);
        QVERIFY(window.loader()->snapshot()->runs.empty());
    }

    void keyPassphraseIsAskedInADialog()
    {
        const QString logdir = writeLogdir(QStringLiteral("passphrase"), {"loss"});
        // A client key with a passphrase, which the server accepts; the fixture's key is put
        // back afterwards.
        const QString key = m_server.home() + QStringLiteral("/.ssh/id_ed25519");
        QFile::rename(key, key + QStringLiteral(".plain"));
        QFile::rename(key + QStringLiteral(".pub"), key + QStringLiteral(".plain.pub"));
        const auto restore = qScopeGuard([key] {
            QFile::remove(key);
            QFile::remove(key + QStringLiteral(".pub"));
            QFile::rename(key + QStringLiteral(".plain"), key);
            QFile::rename(key + QStringLiteral(".plain.pub"), key + QStringLiteral(".pub"));
        });
        QProcess keygen;
        keygen.start(QStringLiteral("ssh-keygen"),
            {"-q", "-t", "ed25519", "-N", "open sesame", "-C", "lantern-test", "-f", key});
        QVERIFY(keygen.waitForFinished(20000) && keygen.exitCode() == 0);
        QFile publicKey(key + QStringLiteral(".pub"));
        QFile authorized(m_server.path(QStringLiteral("authorized_keys")));
        QVERIFY(publicKey.open(QIODevice::ReadOnly) && authorized.open(QIODevice::Append));
        authorized.write(publicKey.readAll());
        authorized.close();

        ui::MainWindow window;
        window.show();
        QString prompt;
        bool hidden = false;
        const DialogAnswerer answerer(QStringLiteral("sshSecretDialog"), [&](QWidget* widget) {
            auto* dialog = static_cast<QInputDialog*>(widget);
            prompt = dialog->labelText();
            hidden = dialog->textEchoMode() == QLineEdit::Password;
            dialog->setTextValue(QStringLiteral("open sesame"));
            dialog->accept();
        });
        window.openLogdirs({m_server.url(logdir)});
        QTRY_VERIFY_WITH_TIMEOUT(
            window.loader()->snapshot() && !window.loader()->snapshot()->runs.empty(), kTimeout);
        QCOMPARE(answerer.count(), 1);
        QVERIFY2(prompt.contains(QStringLiteral("assphrase")), qPrintable(prompt));
        QVERIFY(hidden);
        QCOMPARE(scalarTags(window), QStringList {"loss"});
    }

    void passwordIsAskedInADialogAndNeverStored_data()
    {
        QTest::addColumn<int>("login");
        QTest::newRow("password") << int(SshTestServer::Login::Password);
        QTest::newRow("keyboard-interactive") << int(SshTestServer::Login::KeyboardInteractive);
    }
    void passwordIsAskedInADialogAndNeverStored()
    {
        QFETCH(int, login);
        const QString password = QStringLiteral("lantern 23 secret");
        const auto restore = qScopeGuard([this] {
            core::SshHosts::shared().closeAll();
            m_server.restartWithLogin(SshTestServer::Login::Key);
        });
        if (!m_server.restartWithLogin(SshTestServer::Login(login), password))
            QSKIP(qPrintable(QStringLiteral("no password login: ") + m_server.why()));
        QSettings().clear();
        const QString logdir = writeLogdir(QStringLiteral("password"), {"loss"});
        QStringList prompts;
        bool hidden = true;
        QString answer = QStringLiteral("wrong");
        {
            ui::MainWindow window;
            window.show();
            const DialogAnswerer answerer(QStringLiteral("sshSecretDialog"), [&](QWidget* widget) {
                auto* dialog = static_cast<QInputDialog*>(widget);
                prompts.append(dialog->labelText());
                hidden = hidden && dialog->textEchoMode() == QLineEdit::Password;
                dialog->setTextValue(answer);
                saveScreenshot(*dialog, QStringLiteral("password_dialog"));
                dialog->accept();
            });

            // A wrong password: not connected, saying why.
            window.openLogdirs({m_server.url(logdir)});
            QVERIFY(waitForLoad(window));
            QCOMPARE(answerer.count(), 1);
            QVERIFY(window.loader()->snapshot()->runs.empty());
            QTRY_VERIFY(!connectionStatus(window)->isHidden());
            QVERIFY2(
                connectionStatus(window)->text().contains(QStringLiteral("authentication failed")),
                qPrintable(connectionStatus(window)->text()));

            // The right one: connected and loaded.
            answer = password;
            window.openLogdirs({m_server.url(logdir)});
            QTRY_VERIFY_WITH_TIMEOUT(!window.loader()->snapshot()->runs.empty(), kTimeout);
            QCOMPARE(answerer.count(), 2);
            QTRY_VERIFY(connectionStatus(window)->isHidden());
            QCOMPARE(scalarTags(window), QStringList {"loss"});
        }
        // Naming who logs in where.
        QVERIFY2(
            prompts.value(0).contains(QStringLiteral("@127.0.0.1")), qPrintable(prompts.value(0)));
        QVERIFY2(
            prompts.value(0).contains(QStringLiteral("assword: ")), qPrintable(prompts.value(0)));
        QVERIFY(hidden);

        // Remembered in Open Recent, without the password, in no setting and in no file.
        QSettings settings;
        settings.sync();
        QVERIFY(!settings.allKeys().isEmpty());
        QCOMPARE(ui::Settings().recentLogdirs().value(0), m_server.url(logdir));
        QFile file(settings.fileName());
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
        const QByteArray stored = file.readAll();
        QVERIFY2(stored.contains(m_server.url(logdir).toUtf8()), stored.constData());
        QVERIFY(!stored.contains(password.toUtf8()));
        for (const QString& key : settings.allKeys())
            QVERIFY2(!settings.value(key).toString().contains(password)
                    && !settings.value(key).toStringList().join(QString()).contains(password),
                qPrintable(key));
        for (const QString& name :
            QDir(m_server.home() + QStringLiteral("/.ssh")).entryList(QDir::Files)) {
            QFile sshFile(m_server.home() + QStringLiteral("/.ssh/") + name);
            QVERIFY(sshFile.open(QIODevice::ReadOnly));
            QVERIFY2(!sshFile.readAll().contains(password.toUtf8()), qPrintable(name));
        }
    }

    void unreadableFolderAndFileAreReported()
    {
        SshTestServer asNobody; // when root, who reads everything
        const DeniableServer deniable = deniableServer(m_server, m_data.path(), asNobody);
        if (!deniable.server)
            QSKIP(qPrintable(deniable.why));
        SshTestServer* server = deniable.server;
        server->becomeClient();
        const auto restore = qScopeGuard([this] {
            core::SshHosts::shared().closeAll();
            m_server.becomeClient();
        });
        const fs::path logdir = deniable.served / "locked";
        fs::path blockedFile;
        for (const char* run : {"run", "secret", "blocked"}) {
            core::EventFileWriter writer(logdir / run);
            for (int step = 0; step < 4; ++step)
                writer.addScalar("loss", step, float(step), 10.0 + step);
            blockedFile = writer.path();
        }
        fs::permissions(logdir / "secret", fs::perms::none);
        fs::permissions(blockedFile, fs::perms::none);
        const auto unlock = qScopeGuard([&] {
            fs::permissions(logdir / "secret", fs::perms::owner_all);
            fs::permissions(blockedFile, fs::perms::owner_read | fs::perms::owner_write);
        });

        ui::MainWindow window;
        window.show();
        window.openLogdirs({server->url(QString::fromStdString(logdir.string()))});
        QVERIFY(waitForLoad(window));
        QTRY_VERIFY_WITH_TIMEOUT(window.diagnosticsPanel()->problemCount() >= 2, kTimeout);
        // The readable run loads; each refusal is listed with its path.
        QCOMPARE(lossPoints(window), std::size_t(4));
        QStringList rows;
        const QTableWidget* table = window.diagnosticsPanel()->table();
        for (int row = 0; row < table->rowCount(); ++row) {
            QStringList cells;
            for (int column = 0; column < table->columnCount(); ++column)
                cells.append(
                    table->item(row, column) ? table->item(row, column)->text() : QString());
            rows.append(cells.join(QLatin1Char('|')));
        }
        const QString secret = server->url(QString::fromStdString((logdir / "secret").string()));
        const QString blocked = server->url(QString::fromStdString(blockedFile.string()));
        QVERIFY2(rows.filter(secret + QStringLiteral(": Permission denied")).size() == 1,
            qPrintable(rows.join(QLatin1Char('\n'))));
        QVERIFY2(rows.filter(QRegularExpression(QStringLiteral("^blocked\\|")
                                 + QRegularExpression::escape(blocked)
                                 + QStringLiteral("\\|.*Permission denied")))
                     .size()
                == 1,
            qPrintable(rows.join(QLatin1Char('\n'))));
        saveScreenshot(*window.diagnosticsPanel(), QStringLiteral("permission_denied"));

        // A log directory that cannot be listed at all: said on the start page with the reason.
        window.openLogdirs({secret});
        QVERIFY(waitForLoad(window));
        const auto* message = window.findChild<QLabel*>(QStringLiteral("startMessage"));
        const auto* status = window.findChild<QLabel*>(QStringLiteral("statusText"));
        QVERIFY(message && status);
        QVERIFY2(message->text().startsWith(
                     QStringLiteral("<p><b>%1: Permission denied</b></p>").arg(secret)),
            qPrintable(message->text()));
        QCOMPARE(status->text(), QStringLiteral("No runs found"));
        QTest::qWait(50); // the page's layout follows the new message in the event loop
        saveScreenshot(window, QStringLiteral("permission_denied_root"));
    }

    // The Projector tab of an ssh:// logdir: the embedding's tensor, metadata and sprite atlas
    // are read over SFTP, as from the disk.
    void projectorTabReadsARemoteLogdir()
    {
        const auto corpus = test::corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(test::corpusMissingMessage()));
        const QString logdir
            = ui::qStringFromPath(*corpus / "c01_torch_tutorial_images_graph_embedding");
        ui::MainWindow window;
        window.resize(1400, 900);
        window.show();
        auto* projector = window.findChild<ui::ProjectorDashboard*>(QStringLiteral("projector"));
        QVERIFY(projector);
        QSignalSpy shown(projector, &ui::ProjectorDashboard::projectionShown);
        window.openLogdirs({m_server.url(logdir)});
        QVERIFY(waitForLoad(window));
        QTRY_VERIFY_WITH_TIMEOUT(projector->hasEmbeddings() && !window.isComputing(), kTimeout);
        QVERIFY(window.showTab(QStringLiteral("projector")));
        QVERIFY(shown.count() > 0 || shown.wait(kTimeout));
        QCOMPARE(projector->embeddingChooser()->count(), 1);
        QCOMPARE(projector->plot()->pointCount(), 100); // the rows of tensors.tsv
        QCOMPARE(projector->colorChooser()->currentText(), QStringLiteral("label")); // metadata
        QVERIFY2(
            projector->panel()->sprites->isEnabled(), qPrintable(projector->panel()->messages()));
        projector->plot()->grab();
        QCOMPARE(projector->plot()->spritesDrawn(), 100); // the 28×28 tiles of sprite.png
        saveScreenshot(window, QStringLiteral("remote_projector"));
    }

    void droppedConnectionKeepsDataAndReconnects()
    {
        const QString logdir = writeLogdir(QStringLiteral("dropped"), {"loss"}, 5);
        ui::MainWindow window;
        window.show();
        window.openLogdirs({m_server.url(logdir)});
        QVERIFY(waitForLoad(window));
        QCOMPARE(lossPoints(window), std::size_t(5));

        m_server.stop();
        {
            core::EventFileWriter more(ui::pathFromQString(logdir) / "run");
            for (int step = 5; step < 8; ++step)
                more.addScalar("loss", step, float(step), 20.0 + step);
        }
        window.loader()->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!connectionStatus(window)->isHidden(), kTimeout);
        QCOMPARE(lossPoints(window), std::size_t(5)); // everything loaded stays
        QCOMPARE(scalarTags(window), QStringList {"loss"});
        QVERIFY(window.loader()->pollInterval() > 2000); // backing off

        // The reason, and a countdown to the next try that goes down.
        const QRegularExpression status(QStringLiteral("^reconnecting in (\\d+) s \\(%1: (.+)\\)$")
                                            .arg(QRegularExpression::escape(m_server.url({}))));
        const auto countdown = [&] {
            const QRegularExpressionMatch match = status.match(connectionStatus(window)->text());
            return match.hasMatch() ? match.captured(1).toInt() : -1;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(
            countdown() > 0, qPrintable(connectionStatus(window)->text()), kTimeout);
        const int first = countdown();
        QVERIFY2(first <= (window.loader()->pollInterval() + 999) / 1000,
            qPrintable(connectionStatus(window)->text()));
        QVERIFY(!status.match(connectionStatus(window)->text()).captured(2).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(countdown() > 0 && countdown() < first, 3000);
        saveScreenshot(window, QStringLiteral("reconnecting"));

        QVERIFY2(m_server.start(), qPrintable(m_server.why()));
        window.loader()->reload(); // rather than wait for the backed-off poll
        QTRY_VERIFY_WITH_TIMEOUT(connectionStatus(window)->isHidden(), kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(lossPoints(window), std::size_t(8), kTimeout); // none twice
        QCOMPARE(window.loader()->pollInterval(), 2000);
        QCOMPARE(window.diagnosticsPanel()->problemCount(), 0); // no stale "connection lost"
    }
};

LANTERN_TEST_MAIN(TestRemoteApp)
#include "test_remote_app.moc"
