// The loader over time, as a training job and a user's disk behave: restarts replace the steps
// they write again, files grow, are replaced in place or deleted, runs come and go, compressed
// files are read, and hostile length fields are survived.

#include "core/io/crc32c.h"
#include "core/io/little_endian.h"
#include "core/io/path_text.h"
#include "core/io/record_writer.h"
#include "core/load/event_file_state.h"
#include "core/load/logdir_loader.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include "event.pb.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace lantern::core;
using namespace lantern::test;
namespace fs = std::filesystem;
namespace pb = lantern::pb;

namespace {

std::string sessionStartEvent(long long step)
{
    pb::Event event;
    event.set_wall_time(50.0);
    event.set_step(step);
    event.mutable_session_log()->set_status(pb::SessionLog::START);
    return event.SerializeAsString();
}

std::vector<std::string> lossSteps(int first, int last, double wallStart = 100.0)
{
    std::vector<std::string> records;
    for (int step = first; step <= last; ++step)
        records.push_back(scalarEvent("loss", step, float(step) * 0.5f, wallStart + step));
    return records;
}

} // namespace

class TestLoaderUpdates : public QObject {
    Q_OBJECT
private slots:
    void restartReplacesTheStepsItWritesAgain()
    {
        // A SessionLog START at 15 removes nothing by itself; the restarted job's step 15
        // removes the old 15-20, as TensorBoard's rule does per series.
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        std::vector<std::string> records {fileVersionEvent()};
        for (auto& r : lossSteps(0, 20))
            records.push_back(r);
        records.push_back(sessionStartEvent(15)); // restarted from the checkpoint at step 15
        for (auto& r : lossSteps(15, 30, 500.0))
            records.push_back(r);
        appendRecords(root / "events.out.tfevents.1.h", records);

        LogdirLoader loader({{"", root}});
        loader.reload();
        const RunData& run = *loader.runs()[0];
        QCOMPARE(scalarSteps(run, "loss"), stepRange(0, 30));
        // The points from step 15 on are the restarted job's (wall times from 500 on).
        QCOMPARE(run.tags.at("loss").scalars().snapshot()[15].wallTime, 515.0);
        QCOMPARE(run.diagnostics.size(), std::size_t(1));
        QVERIFY(run.diagnostics[0].reason.starts_with("6 point(s) of scalars tag 'loss' hidden"));
    }

    void stepGoingBackHidesAcrossFiles()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        std::vector<std::string> first {fileVersionEvent()};
        for (auto& r : lossSteps(0, 9))
            first.push_back(r);
        appendRecords(root / "events.out.tfevents.100.h", first);
        std::vector<std::string> second {fileVersionEvent()};
        for (auto& r : lossSteps(5, 12, 900.0))
            second.push_back(r);
        appendRecords(root / "events.out.tfevents.200.h", second);

        LogdirLoader loader({{"", root}});
        loader.reload();
        const RunData& run = *loader.runs()[0];
        QCOMPARE(scalarSteps(run, "loss"), stepRange(0, 12));
        QCOMPARE(run.diagnostics.size(), std::size_t(1));
        QCOMPARE(run.diagnostics[0].file, pathText(root / "events.out.tfevents.200.h"));
        QVERIFY(run.diagnostics[0].reason.starts_with("5 point(s) of scalars tag 'loss' hidden"));

        // Keeping orphaned data keeps every point as written, with no diagnostic.
        LogdirLoader keeping({{"", root}}, LoadOptions {true});
        keeping.reload();
        std::vector<std::int64_t> asWritten = stepRange(0, 9);
        for (std::int64_t step = 5; step <= 12; ++step)
            asWritten.push_back(step);
        QCOMPARE(scalarSteps(*keeping.runs()[0], "loss"), asWritten);
        QVERIFY(keeping.runs()[0]->diagnostics.empty());
    }

    void repeatedStepKeepsTheNewestValue()
    {
        // TensorBoard's rule: the second value at step 3 replaces the first.
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        appendRecords(root / "events.out.tfevents.1.h",
            {fileVersionEvent(), scalarEvent("loss", 3, 1.0f, 1.0),
                scalarEvent("loss", 3, 2.0f, 2.0), scalarEvent("loss", 4, 3.0f, 3.0)});
        LogdirLoader loader({{"", root}});
        loader.reload();
        QCOMPARE(scalarSteps(*loader.runs()[0], "loss"), (std::vector<std::int64_t> {3, 4}));
        QCOMPARE(loader.runs()[0]->tags.at("loss").scalars().snapshot()[0].value, 2.0);
        QCOMPARE(loader.runs()[0]->diagnostics.size(), std::size_t(1));
    }

    void newFilesAndRunsArePickedUpAndDeletedRunsDisappear()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        appendRecords(root / "a" / "events.out.tfevents.1.h", {fileVersionEvent()});
        LogdirLoader loader({{"", root}});
        loader.reload();
        QCOMPARE(loader.runs().size(), std::size_t(1));

        appendRecords(root / "b" / "events.out.tfevents.1.h", lossSteps(0, 2));
        appendRecords(root / "a" / "events.out.tfevents.2.h", lossSteps(0, 3));
        loader.reload();
        QCOMPARE(loader.runs().size(), std::size_t(2));
        QCOMPARE(scalarSteps(*loader.runs()[0], "loss"), stepRange(0, 3));
        QCOMPARE(scalarSteps(*loader.runs()[1], "loss"), stepRange(0, 2));

        fs::remove_all(root / "b");
        loader.reload();
        QCOMPARE(loader.runs().size(), std::size_t(1));
        QCOMPARE(loader.runs()[0]->name, std::string("a"));
    }

    void fileReplacedInPlaceIsReread()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        const fs::path file = root / "events.out.tfevents.1.h";
        appendRecords(file, lossSteps(0, 50));
        LogdirLoader loader({{"", root}});
        loader.reload();
        QCOMPARE(loader.runs()[0]->tags.at("loss").scalars().size(), std::size_t(51));

        // Shorter: a new job overwrote the file.
        fs::remove(file);
        appendRecords(file, lossSteps(100, 104));
        loader.reload();
        QCOMPARE(scalarSteps(*loader.runs()[0], "loss"), stepRange(100, 104));

        // Same length, different first bytes.
        fs::remove(file);
        std::vector<std::string> other;
        for (int step = 200; step <= 204; ++step)
            other.push_back(scalarEvent("loss", step, 7.0f, 1.0 + step)); // same sizes as before
        appendRecords(file, other);
        loader.reload();
        QCOMPARE(scalarSteps(*loader.runs()[0], "loss"), stepRange(200, 204));
    }

    void unchangedReloadReadsNothing()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        for (int run = 0; run < 20; ++run)
            appendRecords(
                root / ("run" + std::to_string(run)) / "events.out.tfevents.1.h", lossSteps(0, 5));
        LogdirLoader loader({{"", root}});
        QCOMPARE(loader.reload().records, std::uint64_t(20 * 6));
        const auto before = loader.snapshot();
        const LoadStatistics again = loader.reload();
        QCOMPARE(again.records, std::uint64_t(0));
        QCOMPARE(again.bytesRead, std::uint64_t(0));
        const auto after = loader.snapshot();
        // Unchanged runs share their snapshot with the previous one.
        QCOMPARE(after->runs.size(), std::size_t(20));
        for (std::size_t i = 0; i < after->runs.size(); ++i)
            QCOMPARE(after->runs[i].get(), before->runs[i].get());
    }

    void snapshotIsUnchangedByLaterLoading()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        const fs::path file = root / "events.out.tfevents.1.h";
        appendRecords(file, lossSteps(0, 9));
        LogdirLoader loader({{"", root}});
        loader.reload();
        const auto snapshot = loader.snapshot();
        appendRecords(file, lossSteps(10, 600));
        loader.reload();
        const TagSnapshot* loss = snapshot->runs[0]->find("loss");
        QVERIFY(loss);
        QCOMPARE(loss->scalars.size(), std::size_t(10));
        const auto later = loader.snapshot();
        QCOMPARE(later->runs[0]->find("loss")->scalars.size(), std::size_t(601));
        QVERIFY(later->runs[0]->generation != snapshot->runs[0]->generation);
        QVERIFY(later->runs[0]->find("loss")->generation != loss->generation);
    }

    void gzipFileIsReadAndFollowed()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        std::string framed = frameRecord(fileVersionEvent());
        for (auto& r : lossSteps(0, 99))
            framed += frameRecord(r);
        const std::string compressed = compress(framed, 15 + 16);
        const fs::path file = root / "events.out.tfevents.1.h.gz";
        writeBytes(file, compressed.substr(0, compressed.size() / 2));
        LogdirLoader loader({{"", root}});
        loader.reload();
        const std::size_t partial = loader.runs()[0]->tags.at("loss").scalars().size();
        QVERIFY(partial < 100);
        writeBytes(file, compressed.substr(compressed.size() / 2), true);
        loader.reload();
        QCOMPARE(scalarSteps(*loader.runs()[0], "loss"), stepRange(0, 99));
        QVERIFY(loader.runs()[0]->diagnostics.empty());
    }

    void corruptGzipIsReportedOnceAndNotInflatedAgainAsItGrows()
    {
        // Junk after a whole GZIP member stops the decompressor there: the records before it
        // are kept and the failure reported once, where it is. The file growing does not
        // start the decompressor again from the start (only a failed read of the file does).
        QTemporaryDir temp;
        const fs::path file = pathFromText(temp.path().toStdString()) / "events.out.tfevents.1.h";
        std::string framed = frameRecord(fileVersionEvent());
        for (auto& r : lossSteps(0, 49))
            framed += frameRecord(r);
        writeBytes(file, compress(framed, 15 + 16) + std::string(64, 'x'));
        EventFileState state(file, 0);
        EventDecoder decoder;
        RunData run;
        const auto read = [&] {
            ReadCounts counts;
            state.readNew({file, fs::file_size(file), fs::last_write_time(file)}, false, decoder,
                run, counts);
            return counts.inflatedFromStart;
        };
        const auto checkDamage = [&] {
            QCOMPARE(scalarSteps(run, "loss"), stepRange(0, 49));
            QCOMPARE(run.diagnostics.size(), std::size_t(1));
            QCOMPARE(run.diagnostics[0].offset, std::uint64_t(framed.size()));
            QVERIFY2(run.diagnostics[0].reason.starts_with("decompression failed"),
                run.diagnostics[0].reason.c_str());
        };
        QCOMPARE(read(), std::uint64_t(1));
        checkDamage();
        for (int step = 50; step < 52; ++step) {
            writeBytes(file, compress(frameRecord(lossSteps(step, step)[0]), 15 + 16), true);
            QCOMPARE(read(), std::uint64_t(0));
            checkDamage();
        }
    }

    void hugeLengthFieldIsSurvived()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        std::string header(12, '\0');
        storeLittleEndian64(header.data(), std::uint64_t(1) << 60);
        storeLittleEndian32(header.data() + 8, maskCrc(crc32c(header.data(), 8)));
        std::string bytes = frameRecord(fileVersionEvent()) + header;
        for (auto& r : lossSteps(0, 4))
            bytes += frameRecord(r);
        writeBytes(root / "events.out.tfevents.1.h", bytes);
        LogdirLoader loader({{"", root}});
        loader.reload();
        const RunData& run = *loader.runs()[0];
        QCOMPARE(scalarSteps(run, "loss"), stepRange(0, 4));
        QCOMPARE(run.diagnostics.size(), std::size_t(1));
        QCOMPARE(run.diagnostics[0].offset, std::uint64_t(frameRecord(fileVersionEvent()).size()));
    }

    void emptyAndHeaderOnlyFiles()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        writeBytes(root / "empty" / "events.out.tfevents.1.h", "");
        appendRecords(root / "header" / "events.out.tfevents.1.h", {fileVersionEvent()});
        LogdirLoader loader({{"", root}});
        loader.reload();
        QCOMPARE(loader.runs().size(), std::size_t(2));
        for (const RunData* run : loader.runs())
            QVERIFY(run->diagnostics.empty());
        QCOMPARE(loader.runs()[1]->fileVersion, std::string("brain.Event:2"));
    }
};

LANTERN_TEST_GUILESS_MAIN(TestLoaderUpdates)
#include "test_loader_updates.moc"
