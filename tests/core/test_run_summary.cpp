// A run at a glance (summarizeRun), what runs hold (holdingsOf) and which session's hparams a
// run shows (sessionStartsByRun), on logs written by our writer with known steps and times.

#include "core/analysis/hparams_table.h"
#include "core/analysis/run_summary.h"
#include "core/io/path_text.h"
#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "core/write/png_encoder.h"
#include "tests/support/test_main.h"

#include <QTemporaryDir>
#include <QTest>

using namespace lantern::core;
namespace fs = std::filesystem;
using namespace std::string_literals;

namespace {

std::size_t kindIndex(ValueKind kind)
{
    return static_cast<std::size_t>(kind);
}

EncodedImage tinyImage()
{
    const std::vector<std::uint8_t> pixels(4 * 3, 128);
    return {2, 2, 3, encodePng(2, 2, 3, pixels)};
}

} // namespace

class TestRunSummary : public QObject {
    Q_OBJECT
private slots:
    void summaryCoversEverySeries()
    {
        QTemporaryDir temp;
        const fs::path run = pathFromText(temp.path().toStdString()) / "a";
        {
            EventFileWriter writer(run);
            writer.addScalar("loss", 5, 1.0f, 1000.5);
            writer.addScalar("loss", 9, 0.5f, 1004.0);
            writer.addScalar("acc", 7, 0.1f, 1002.0);
            const std::vector<double> values = {1, 2, 3};
            writer.addHistogram(
                "weights", 3, values, SummaryStyle::Tf2, 999.0); // the earliest step and time
            const EncodedImage image = tinyImage();
            writer.addImage("sample", 12, std::span(&image, 1), SummaryStyle::Tf2, 1010.25);
            writer.addText("note", 4, "hello", 1001.0);
        }
        LogdirLoader loader({{"", pathFromText(temp.path().toStdString())}});
        loader.reload();
        const auto snapshot = loader.snapshot();
        QCOMPARE(snapshot->runs.size(), std::size_t(1));
        const RunSummary summary = summarizeRun(*snapshot->runs[0]);
        QCOMPARE(summary.eventFiles, std::uint64_t(1));
        QCOMPARE(summary.records, snapshot->runs[0]->eventCount);
        QVERIFY(summary.records >= 6);
        QCOMPARE(summary.firstStep, std::optional<std::int64_t>(3));
        QCOMPARE(summary.lastStep, std::optional<std::int64_t>(12));
        QCOMPARE(summary.firstWallTime, std::optional<double>(999.0));
        QCOMPARE(summary.lastWallTime, std::optional<double>(1010.25));
        QCOMPARE(summary.tagsOfKind[kindIndex(ValueKind::Scalar)], std::uint64_t(2));
        QCOMPARE(summary.tagsOfKind[kindIndex(ValueKind::Histogram)], std::uint64_t(1));
        QCOMPARE(summary.tagsOfKind[kindIndex(ValueKind::Image)], std::uint64_t(1));
        QCOMPARE(summary.tagsOfKind[kindIndex(ValueKind::Text)], std::uint64_t(1));
        QCOMPARE(summary.problems, std::uint64_t(0));

        const LogdirHoldings holdings = holdingsOf(*snapshot);
        QCOMPARE(holdings.valuesOfKind[kindIndex(ValueKind::Scalar)], std::uint64_t(3));
        QCOMPARE(holdings.valuesOfKind[kindIndex(ValueKind::Image)], std::uint64_t(1));
        QCOMPARE(holdings.graphs, std::uint64_t(0));
    }

    void emptyRunHasNoRanges()
    {
        QTemporaryDir temp;
        const fs::path run = pathFromText(temp.path().toStdString()) / "empty";
        {
            EventFileWriter writer(run); // the file version record only
        }
        LogdirLoader loader({{"", pathFromText(temp.path().toStdString())}});
        loader.reload();
        const auto snapshot = loader.snapshot();
        QCOMPARE(snapshot->runs.size(), std::size_t(1));
        const RunSummary summary = summarizeRun(*snapshot->runs[0]);
        QVERIFY(!summary.firstStep && !summary.lastStep && !summary.lastWallTime);
        QCOMPARE(summary.eventFiles, std::uint64_t(1));
    }

    // A run takes its own session's values, else its nearest parent run's; "." is no parent.
    void runsTakeTheirSessionsHParams()
    {
        QTemporaryDir temp;
        const fs::path root(pathFromText(temp.path().toStdString()));
        const auto session = [](double lr) {
            SessionStartInfo start;
            start.hparams = {{"lr", lr}};
            return start;
        };
        EventFileWriter(root / "a").addHParamsSessionStart(session(0.1));
        EventFileWriter(root / "a" / "train").addScalar("loss", 1, 1.0f);
        EventFileWriter(root / "b" / "c").addHParamsSessionStart(session(0.2));
        EventFileWriter(root / "b" / "c" / "eval" / "deep").addScalar("loss", 1, 1.0f);
        EventFileWriter(root).addHParamsSessionStart(session(0.3)); // the root run "."
        EventFileWriter(root / "d").addScalar("loss", 1, 1.0f);
        LogdirLoader loader({{"", root}});
        loader.reload();
        const auto snapshot = loader.snapshot();
        const std::vector<const SessionStartInfo*> starts = sessionStartsByRun(*snapshot);
        QCOMPARE(starts.size(), snapshot->runs.size());
        std::map<std::string, double> lrOf;
        for (std::size_t i = 0; i < starts.size(); ++i)
            if (starts[i])
                lrOf[snapshot->runs[i]->name] = std::get<double>(starts[i]->hparams.at("lr"));
        const std::map<std::string, double> expected
            = {{".", 0.3}, {"a", 0.1}, {"a/train", 0.1}, {"b/c", 0.2}, {"b/c/eval/deep", 0.2}};
        QCOMPARE(lrOf, expected); // "d" has none
    }
};

LANTERN_TEST_GUILESS_MAIN(TestRunSummary)
#include "test_run_summary.moc"
