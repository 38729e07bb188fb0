// Change notices (core/load/snapshot_change.h) on a live logdir: what a reload touched, named
// by run and tag, and whether points were only appended, against what was written.

#include "core/io/path_text.h"
#include "core/load/logdir_loader.h"
#include "core/load/snapshot_change.h"
#include "tests/support/reloading_logdir.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include <QTemporaryDir>
#include <QTest>

using namespace lantern::core;
using namespace lantern::test;
namespace fs = std::filesystem;

namespace {

// Two runs, "a" and "b", each with "loss" and "lr" at steps 1 and 2.
struct LiveLogdir {
    QTemporaryDir temp;
    fs::path root = pathFromText(temp.path().toStdString());
    fs::path fileOf(const std::string& run) const
    {
        return root / run / "events.out.tfevents.1.host";
    }
    void write(const std::string& run, const std::string& tag, long long step, bool header = false)
    {
        fs::create_directories(root / run);
        std::vector<std::string> records;
        if (header)
            records.push_back(fileVersionEvent());
        records.push_back(scalarEvent(tag, step, float(step), double(step)));
        appendRecords(fileOf(run), records);
    }
    LiveLogdir()
    {
        for (const std::string run : {"a", "b"}) {
            write(run, "loss", 1, true);
            write(run, "lr", 1);
            write(run, "loss", 2);
            write(run, "lr", 2);
        }
    }
};

using Loaded = ReloadingLogdir;

} // namespace

class TestSnapshotChange : public QObject {
    Q_OBJECT
private slots:
    void nothingWrittenChangesNothing()
    {
        LiveLogdir logdir;
        Loaded loaded(logdir.root);
        const SnapshotChange change = loaded.reload();
        QVERIFY(change.empty());
        QVERIFY(!change.everything);
        QVERIFY(change.appendsOnly);
        QVERIFY(!change.touchesKind(ValueKind::Scalar));
    }

    void oneGrowingRunIsNamedWithItsTagAndAppendsOnly()
    {
        LiveLogdir logdir;
        Loaded loaded(logdir.root);
        logdir.write("b", "loss", 3);
        const SnapshotChange change = loaded.reload();
        QVERIFY(!change.everything);
        QVERIFY(change.appendsOnly);
        QVERIFY(!change.runSetChanged);
        QCOMPARE(change.runs, std::vector<std::string> {"b"});
        QCOMPARE(change.series.size(), std::size_t(1));
        QCOMPARE(change.series[0].run, std::string("b"));
        QCOMPARE(change.series[0].tag, std::string("loss"));
        QVERIFY(change.series[0].kind == ValueKind::Scalar);
        QVERIFY(change.touchesTag("b", "loss"));
        QVERIFY(!change.touchesTag("b", "lr"));
        QVERIFY(!change.touchesTag("a", "loss"));
        QVERIFY(!change.touchesRun("a"));
        QVERIFY(change.touchesKind(ValueKind::Scalar));
        QVERIFY(!change.touchesKind(ValueKind::Image));
    }

    void restartRulePurgeIsNotAppendsOnly()
    {
        LiveLogdir logdir;
        Loaded loaded(logdir.root);
        // A restart: step 1 again removes the points at steps 1 and 2 of a/lr.
        logdir.write("a", "lr", 1);
        const SnapshotChange change = loaded.reload();
        QVERIFY(!change.appendsOnly);
        QCOMPARE(change.runs, std::vector<std::string> {"a"});
        QVERIFY(change.touchesTag("a", "lr"));
        QVERIFY(!change.touchesTag("a", "loss"));
        QCOMPARE(loaded.last->find("a")->find("lr")->scalars.size(), std::size_t(1));
    }

    void replacedFileReReadsTheRunAndIsNotAppendsOnly()
    {
        LiveLogdir logdir;
        Loaded loaded(logdir.root);
        // A shorter file of the same name replaces the one read: the run is re-read.
        fs::remove(logdir.fileOf("a"));
        logdir.write("a", "loss", 1, true);
        const SnapshotChange change = loaded.reload();
        QVERIFY(!change.appendsOnly);
        QVERIFY(change.touchesRun("a"));
        QVERIFY(!change.touchesRun("b"));
        QVERIFY(change.touchesTag("a", "loss")); // re-read, though its first point is the same
        QVERIFY(change.touchesTag("a", "lr")); // gone
    }

    void addedRunIsAppendsOnlyRemovedRunIsNot()
    {
        LiveLogdir logdir;
        Loaded loaded(logdir.root);
        logdir.write("c", "acc", 1, true);
        SnapshotChange change = loaded.reload();
        QVERIFY(change.appendsOnly);
        QVERIFY(change.runSetChanged);
        QCOMPARE(change.runs, std::vector<std::string> {"c"});
        QVERIFY(change.touchesTag("c", "acc"));

        fs::remove_all(logdir.root / "b");
        change = loaded.reload();
        QVERIFY(!change.appendsOnly);
        QVERIFY(change.runSetChanged);
        QCOMPARE(change.runs, std::vector<std::string> {"b"});
        QVERIFY(change.touchesTag("b", "lr"));
    }

    void mergedChangesKeepEverythingTheyNamed()
    {
        LiveLogdir logdir;
        Loaded loaded(logdir.root);
        logdir.write("b", "loss", 3);
        SnapshotChange first = loaded.reload();
        logdir.write("a", "lr", 1); // a purge
        first.merge(loaded.reload());
        QCOMPARE(first.runs, (std::vector<std::string> {"a", "b"}));
        QVERIFY(first.touchesTag("a", "lr"));
        QVERIFY(first.touchesTag("b", "loss"));
        QVERIFY(!first.touchesTag("a", "loss"));
        QVERIFY(!first.appendsOnly);
        SnapshotChange none = SnapshotChange::nothing();
        none.merge(SnapshotChange {});
        QVERIFY(none.everything);
    }
};

LANTERN_TEST_MAIN(TestSnapshotChange)
#include "test_snapshot_change.moc"
