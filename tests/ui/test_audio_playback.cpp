// Playback that really plays: a private PulseAudio server with a null sink (an output device
// that consumes samples in real time and sounds nowhere) is started for the test's duration,
// so it runs the same on a machine without sound. The Audio card plays a 2 s clip: the
// playhead advances with the output, stops where paused, jumps where the waveform is clicked,
// and the clip ends at its end. Skipped, saying why, only when pulseaudio cannot be started.

#include "core/load/logdir_loader.h"
#include "tests/support/audio_test_logdir.h"
#include "tests/support/test_main.h"
#include "ui/adapter/path_qstring.h"
#include "ui/dashboards/audio/audio_card.h"
#include "ui/dashboards/audio/audio_dashboard.h"
#include "ui/dashboards/audio/clip_player.h"
#include "ui/dashboards/audio/waveform_view.h"
#include "ui/widgets/card_grid.h"
#include "ui/widgets/run_list_model.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <cmath>
#include <memory>

using namespace lantern;
namespace fs = std::filesystem;

namespace {

constexpr int kPlayFrames = 2 * test::kClipRate; // 2 s

// A PulseAudio server of our own, in a private folder, with one null sink; stopped at the end.
class NullSoundServer {
public:
    ~NullSoundServer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
    // Empty on success (PULSE_SERVER then names it), else why it could not be started.
    QString start()
    {
        const QString program = QStandardPaths::findExecutable(QStringLiteral("pulseaudio"));
        if (program.isEmpty())
            return QStringLiteral("pulseaudio is not installed (Debian package pulseaudio)");
        if (!m_folder.isValid())
            return QStringLiteral("no temporary folder");
        const QString socket = m_folder.filePath(QStringLiteral("native"));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        // Its state, cookie and runtime files go in our folder, never the user's.
        environment.insert(QStringLiteral("HOME"), m_folder.path());
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_folder.path());
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_folder.path());
        environment.insert(
            QStringLiteral("PULSE_RUNTIME_PATH"), m_folder.filePath(QStringLiteral("pulse")));
        environment.remove(QStringLiteral("PULSE_SERVER"));
        m_process.setProcessEnvironment(environment);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        // -n: no default configuration; only the null sink and a socket anyone may use.
        m_process.start(program,
            {QStringLiteral("-n"), QStringLiteral("--daemonize=no"),
                QStringLiteral("--system=false"), QStringLiteral("--exit-idle-time=-1"),
                QStringLiteral("--disallow-exit"), QStringLiteral("--log-target=stderr"),
                QStringLiteral("-L"), QStringLiteral("module-null-sink"), QStringLiteral("-L"),
                QStringLiteral("module-native-protocol-unix auth-anonymous=1 socket=") + socket});
        QElapsedTimer waited;
        waited.start();
        while (!QFile::exists(socket) && waited.elapsed() < 10000
            && m_process.state() != QProcess::NotRunning)
            QTest::qWait(50);
        if (!QFile::exists(socket))
            return QStringLiteral("pulseaudio did not start: ")
                + QString::fromLocal8Bit(m_process.readAll()).trimmed();
        qputenv("PULSE_SERVER", ("unix:" + socket).toLocal8Bit());
        return {};
    }

private:
    QTemporaryDir m_folder;
    QProcess m_process;
};

} // namespace

class TestAudioPlayback : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Before anything asks Qt Multimedia for devices: it connects to the server once.
        m_server = std::make_unique<NullSoundServer>();
        const QString problem = m_server->start();
        if (!problem.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no sound server for the playback test: ") + problem));
        QVERIFY2(ui::ClipPlayer::hasOutputDevice(), "the null sink is not an output device");
    }
    void cleanupTestCase() { m_server.reset(); }

    void playheadFollowsPlayback()
    {
        QTemporaryDir temp;
        const fs::path root = ui::pathFromQString(temp.path());
        {
            core::EventFileWriter writer(root / "run");
            const core::EncodedAudio clip = test::sineClip(3, kPlayFrames);
            writer.addAudio("speech", 1, std::span(&clip, 1));
        }
        core::LogdirLoader loader({{"", root}});
        loader.reload();
        ui::RunListModel runs;
        runs.setSnapshot(loader.snapshot());
        ui::AudioDashboard dashboard(&runs);
        dashboard.setSnapshot(loader.snapshot());
        dashboard.resize(900, 600);
        dashboard.show();
        ui::AudioCard* card = dashboard.card(QStringLiteral("speech"), QStringLiteral("run"));
        QVERIFY(card);
        QTRY_VERIFY_WITH_TIMEOUT(card->loaded().hasAudio() && !card->isLoading(), 10000);
        ui::ClipPlayer* player = card->player();
        ui::WaveformView* view = card->waveform();
        QCOMPARE(player->duration(), 2.0);
        QVERIFY2(card->playButton()->isEnabled(), qPrintable(card->playerStatus()->text()));
        QCOMPARE(card->playerStatus()->text(), QStringLiteral("0:00.0 / 0:02.0"));

        QTest::mouseClick(card->playButton(), Qt::LeftButton);
        QVERIFY(player->isPlaying());
        QCOMPARE(card->playButton()->text(), QStringLiteral("Pause"));
        // The output consumes the clip in real time: the playhead moves, forward only.
        double last = 0;
        QElapsedTimer clock;
        clock.start();
        while (view->playhead() < 0.5 && clock.elapsed() < 8000) {
            QTest::qWait(40);
            QVERIFY(view->playhead() >= last);
            last = view->playhead();
        }
        QVERIFY2(view->playhead() >= 0.5, qPrintable(QString::number(view->playhead())));
        QVERIFY(player->isPlaying());

        QTest::mouseClick(card->playButton(), Qt::LeftButton);
        QVERIFY(!player->isPlaying());
        const double paused = player->position();
        QTest::qWait(300);
        QCOMPARE(player->position(), paused);
        QCOMPARE(view->playhead(), paused);
        // The playhead is drawn where the position is.
        const QImage drawn = view->grab().toImage();
        const int x = int(std::lround(view->xAt(paused)));
        bool red = false;
        for (int dx = -2; dx <= 2; ++dx) {
            const QColor color = drawn.pixelColor(std::clamp(x + dx, 0, drawn.width() - 1), 5);
            red = red || (color.red() > 180 && color.green() < 90 && color.blue() < 90);
        }
        QVERIFY(red);

        // A click on the waveform seeks there; playing goes on from there to the end.
        QTest::mouseClick(view, Qt::LeftButton, {}, QPoint(view->width() * 3 / 4, 20));
        QVERIFY(std::abs(player->position() - 1.5) < 0.02);
        QTest::mouseClick(card->playButton(), Qt::LeftButton);
        QVERIFY(player->isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(view->playhead() > 1.6, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!player->isPlaying(), 8000);
        QCOMPARE(player->position(), 2.0);
        QCOMPARE(card->playButton()->text(), QStringLiteral("Play"));
    }

private:
    std::unique_ptr<NullSoundServer> m_server;
};

LANTERN_TEST_MAIN(TestAudioPlayback)
#include "test_audio_playback.moc"
