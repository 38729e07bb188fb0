// The loader end to end on files written by our own writer: values, incremental reloads,
// files that grow, and damage reported with file and offset.

#include "core/io/path_text.h"
#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace lantern::core;
using namespace lantern::test;
namespace fs = std::filesystem;

class TestLogdirLoader : public QObject {
    Q_OBJECT
private slots:
    void loadsScalarsFromRuns()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        fs::create_directories(root / "run_a");
        std::vector<std::string> records {fileVersionEvent()};
        for (int step = 0; step < 100; ++step)
            records.push_back(scalarEvent("loss", step, 1.0f / float(step + 1), 1000.0 + step));
        appendRecords(root / "run_a" / "events.out.tfevents.1.host", records);

        LogdirLoader loader({{"", root}});
        const LoadStatistics statistics = loader.reload();
        QCOMPARE(statistics.records, std::uint64_t(101));
        QCOMPARE(loader.runs().size(), std::size_t(1));
        const RunData& run = *loader.runs()[0];
        QCOMPARE(run.name, std::string("run_a"));
        QCOMPARE(run.fileVersion, std::string("brain.Event:2"));
        const ScalarSnapshot loss = run.tags.at("loss").scalars().snapshot();
        QCOMPARE(loss.size(), std::size_t(100));
        QCOMPARE(loss[99].step, std::int64_t(99));
        QCOMPARE(loss[3].value, double(1.0f / 4.0f));
        QCOMPARE(loss[5].wallTime, 1005.0);
    }

    void reloadReadsOnlyWhatWasAppended()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        const fs::path file = root / "events.out.tfevents.1.host";
        appendRecords(file, {fileVersionEvent(), scalarEvent("acc", 0, 0.5f, 1.0)});
        LogdirLoader loader({{"", root}});
        loader.reload();
        QCOMPARE(loader.runs()[0]->tags.at("acc").scalars().size(), std::size_t(1));

        // Half of a record: not an error, just not there yet.
        const std::string next = scalarEvent("acc", 1, 0.75f, 2.0);
        appendRecords(file, {next});
        const auto fullSize = fs::file_size(file);
        fs::resize_file(file, fullSize - 5);
        LoadStatistics statistics = loader.reload();
        QCOMPARE(loader.runs()[0]->tags.at("acc").scalars().size(), std::size_t(1));
        QVERIFY(loader.runs()[0]->diagnostics.empty());

        // The writer finishes the record.
        std::string framedTail;
        {
            QTemporaryDir other;
            const fs::path scratch = pathFromText(other.path().toStdString()) / "x";
            appendRecords(scratch, {next});
            std::ifstream in(scratch, std::ios::binary);
            framedTail.assign(std::istreambuf_iterator<char>(in), {});
        }
        std::ofstream(file, std::ios::binary | std::ios::app)
            << framedTail.substr(framedTail.size() - 5);
        statistics = loader.reload();
        QCOMPARE(statistics.records, std::uint64_t(1));
        QCOMPARE(loader.runs()[0]->tags.at("acc").scalars().size(), std::size_t(2));
        QCOMPARE(loader.runs()[0]->tags.at("acc").scalars().snapshot()[1].value, 0.75);

        // An unchanged reload reads nothing.
        QCOMPARE(loader.reload().records, std::uint64_t(0));
    }

    void damageIsReportedAndLaterRecordsKept()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        const fs::path file = root / "events.out.tfevents.1.host";
        std::vector<std::string> records {fileVersionEvent()};
        for (int step = 0; step < 10; ++step)
            records.push_back(scalarEvent("loss", step, float(step), 100.0 + step));
        appendRecords(file, records);
        // Flip one byte in the middle of the file.
        std::fstream stream(file, std::ios::in | std::ios::out | std::ios::binary);
        const auto size = static_cast<std::streamoff>(fs::file_size(file));
        stream.seekg(size / 2);
        char byte = 0;
        stream.read(&byte, 1);
        stream.seekp(size / 2);
        byte = char(byte ^ 0x10);
        stream.write(&byte, 1);
        stream.close();

        LogdirLoader loader({{"", root}});
        loader.reload();
        const RunData& run = *loader.runs()[0];
        QCOMPARE(run.tags.at("loss").scalars().size(), std::size_t(9));
        QCOMPARE(run.diagnostics.size(), std::size_t(1));
        QCOMPARE(run.diagnostics[0].file, pathText(file));
        QVERIFY(run.diagnostics[0].offset <= std::uint64_t(size / 2));
        QVERIFY(
            run.diagnostics[0].offset + run.diagnostics[0].bytesSkipped > std::uint64_t(size / 2));
    }

    void namedLogdirsPrefixRuns()
    {
        QTemporaryDir a, b;
        appendRecords(
            pathFromText(a.path().toStdString()) / "events.out.tfevents.1.h", {fileVersionEvent()});
        appendRecords(pathFromText(b.path().toStdString()) / "sub" / "events.out.tfevents.1.h",
            {fileVersionEvent()});
        LogdirLoader loader({{"first", pathFromText(a.path().toStdString())},
            {"second", pathFromText(b.path().toStdString())}});
        loader.reload();
        QCOMPARE(loader.runs().size(), std::size_t(2));
        QCOMPARE(loader.runs()[0]->name, std::string("first"));
        QCOMPARE(loader.runs()[1]->name, std::string("second/sub"));
        // Each run remembers which logdir it came from, so the UI can group by it.
        const auto snapshot = loader.snapshot();
        QCOMPARE(snapshot->runs[0]->logdirName, std::string("first"));
        QCOMPARE(snapshot->runs[1]->logdirName, std::string("second"));
    }

    void unnamedLogdirLeavesRunsUngrouped()
    {
        QTemporaryDir a;
        appendRecords(pathFromText(a.path().toStdString()) / "train" / "events.out.tfevents.1.h",
            {fileVersionEvent()});
        LogdirLoader loader({{"", pathFromText(a.path().toStdString())}});
        loader.reload();
        const auto snapshot = loader.snapshot();
        QCOMPARE(snapshot->runs.size(), std::size_t(1));
        QCOMPARE(snapshot->runs[0]->name, std::string("train"));
        QVERIFY(snapshot->runs[0]->logdirName.empty());
    }

    // float32 values, then float64 ones: the series is float64 and every value exact.
    void aTagThatChangesDtypeKeepsFullPrecision()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        writeMixedDtypeTag(root);
        LogdirLoader loader({{"", root}});
        loader.reload();
        const auto snapshot = loader.snapshot();
        const TagSnapshot* mixed = snapshot->runs.at(0)->find("mixed", ValueKind::Scalar);
        QVERIFY(mixed);
        QCOMPARE(mixed->scalars.type(), ScalarType::Float64);
        QCOMPARE(mixed->scalars.points().size(), kMixedDtypeValues.size());
        for (std::size_t i = 0; i < kMixedDtypeValues.size(); ++i)
            QCOMPARE(mixed->scalars[i].value, kMixedDtypeValues[i]);
    }

    // TensorBoard keys series by (tag, plugin): a histogram tag that later holds scalars (and
    // the reverse) keeps both series, each found by its kind.
    void aTagThatChangesKindKeepsBothSeries()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        const std::vector<double> sample {1.0, 2.0, 4.0};
        {
            EventFileWriter writer(root);
            writer.addHistogram("w", 0, sample, SummaryStyle::Tf2, 1.0);
            writer.addScalar("w", 1, 0.25f, 2.0);
            writer.addHistogram("w", 2, sample, SummaryStyle::Tf1, 3.0);
            writer.addScalar("v", 0, 1.5f, 1.0);
            writer.addHistogram("v", 1, sample, SummaryStyle::Tf1, 2.0);
        }
        LogdirLoader loader({{"", root}});
        loader.reload();
        const RunData& run = *loader.runs().at(0);
        QCOMPARE(run.tags.count("w"), std::size_t(2));
        QCOMPARE(run.tags.at("w").kind, ValueKind::Histogram); // the first kind comes first
        QCOMPARE(run.tags.find("w", ValueKind::Histogram)->histograms().size(), std::size_t(2));
        QCOMPARE(run.tags.find("w", ValueKind::Scalar)->scalars().size(), std::size_t(1));
        QCOMPARE(run.tags.find("v", ValueKind::Scalar)->scalars().size(), std::size_t(1));
        QCOMPARE(run.tags.find("v", ValueKind::Histogram)->histograms().size(), std::size_t(1));
        QCOMPARE(run.countOf(ValueKind::Scalar), std::uint64_t(2));
        QCOMPARE(run.countOf(ValueKind::Histogram), std::uint64_t(3));
        QVERIFY(run.diagnostics.empty()); // different series: neither hides the other's steps

        const auto snapshot = loader.snapshot();
        const RunSnapshot& view = *snapshot->runs.at(0);
        QCOMPARE(view.tags.size(), std::size_t(4));
        QCOMPARE(view.find("w", ValueKind::Scalar)->scalars[0].value, 0.25);
        QCOMPARE(view.find("w", ValueKind::Histogram)->histograms.size(), std::size_t(2));
        QCOMPARE(view.find("v")->kind, ValueKind::Scalar);
    }
};

LANTERN_TEST_GUILESS_MAIN(TestLogdirLoader)
#include "test_logdir_loader.moc"
