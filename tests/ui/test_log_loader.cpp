// LogLoader, the bridge that loads on its own thread: opening other logdirs supersedes a load
// underway (no snapshot of the logdirs left behind reaches the window), and destroying it
// while it loads waits for the load and delivers nothing.

#include "core/write/event_file_writer.h"
#include "tests/support/test_main.h"
#include "ui/adapter/log_loader.h"
#include "ui/adapter/path_qstring.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace lantern;
namespace fs = std::filesystem;

namespace {

constexpr int kGuardMilliseconds = 60000; // fails a hung load instead of waiting forever

QString writeLogdir(const fs::path& logdir, const std::string& run)
{
    core::EventFileWriter writer(logdir / run);
    writer.addScalar("loss", 1, 0.5f);
    return ui::qStringFromPath(logdir);
}

std::vector<std::string> runNames(const ui::LogdirSnapshotPtr& snapshot)
{
    std::vector<std::string> names;
    for (const auto& run : snapshot->runs)
        names.push_back(run->name);
    return names;
}

} // namespace

class TestLogLoader : public QObject {
    Q_OBJECT
private slots:
    void openingOtherLogdirsSupersedesTheLoadUnderway()
    {
        QTemporaryDir temp;
        const fs::path root = ui::pathFromQString(temp.path());
        const QString first = writeLogdir(root / "first", "run_a");
        const QString second = writeLogdir(root / "second", "run_b");
        ui::LogLoader loader;
        QSignalSpy changed(&loader, &ui::LogLoader::snapshotChanged);
        loader.open({first});
        loader.open({second}); // the first load cannot have been delivered yet
        QVERIFY(loader.isLoading());
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isLoading(), kGuardMilliseconds);
        QCOMPARE(changed.count(), 1);
        const auto snapshot = changed.at(0).at(0).value<ui::LogdirSnapshotPtr>();
        QCOMPARE(runNames(snapshot), std::vector<std::string> {"run_b"});
        QCOMPARE(loader.snapshot(), snapshot);

        // Reopening the first reads it again, with a loader of its own.
        loader.open({first});
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isLoading(), kGuardMilliseconds);
        QCOMPARE(runNames(loader.snapshot()), std::vector<std::string> {"run_a"});
    }

    void destroyedWhileLoadingItWaitsAndDeliversNothing()
    {
        QTemporaryDir temp;
        const QString logdir = writeLogdir(ui::pathFromQString(temp.path()), "run");
        int delivered = 0;
        {
            ui::LogLoader loader;
            connect(&loader, &ui::LogLoader::snapshotChanged, this, [&] { ++delivered; });
            loader.open({logdir});
            QVERIFY(loader.isLoading());
        }
        QCoreApplication::processEvents();
        QCOMPARE(delivered, 0);
    }
};

LANTERN_TEST_GUILESS_MAIN(TestLogLoader)
#include "test_log_loader.moc"
