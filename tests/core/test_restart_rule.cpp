// TensorBoard's restart rule, checked against a reference written here from its documented
// behaviour and nothing else: per series (run, tag, kind), reading a run's files in name order,
// a point at step s removes the points kept so far with step >= s; SessionLog START on its own
// removes nothing. The reference replays every decoded value into a plain vector; the loader
// (fast path, compressed store, in-place removal) must keep exactly the same points, on every
// corpus case and on synthetic logs, and must keep every point with keepOrphanedData.

#include "core/events/event_decoder.h"
#include "core/io/file_byte_source.h"
#include "core/io/path_text.h"
#include "core/io/record_reader.h"
#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include "event.pb.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <regex>

using namespace lantern::core;
using namespace lantern::test;
namespace fs = std::filesystem;
namespace pb = lantern::pb;

namespace {

// ---- The reference ----

struct RefValue {
    RefValue(std::int64_t atStep, double atWallTime)
        : step(atStep)
        , wallTime(atWallTime)
    {
    }
    std::int64_t step = 0;
    double wallTime = 0;
    double scalar = 0;
    std::vector<HistogramBucket> histogram;
    std::uint32_t blobCount = 0;
    std::vector<double> numbers;
    std::vector<std::string> strings;
};

struct RefSeries {
    std::vector<RefValue> kept;
    std::uint64_t hidden = 0;
    // The largest step kept: a point above it removes nothing, which spares the scan.
    std::int64_t maxStep = std::numeric_limits<std::int64_t>::min();
};

using SeriesKey = std::pair<std::string, ValueKind>;
using RefRun = std::map<SeriesKey, RefSeries>;

void offer(RefSeries& series, RefValue value, bool keepEverything)
{
    if (!keepEverything && value.step <= series.maxStep) {
        const std::size_t before = series.kept.size();
        std::erase_if(series.kept, [&](const RefValue& kept) { return kept.step >= value.step; });
        series.hidden += before - series.kept.size();
        series.maxStep = std::numeric_limits<std::int64_t>::min();
        for (const RefValue& kept : series.kept)
            series.maxStep = std::max(series.maxStep, kept.step);
    }
    series.maxStep = std::max(series.maxStep, value.step);
    series.kept.push_back(std::move(value));
}

// Replays `files` (sorted here by name) through the full decoder, never the loader.
RefRun replay(std::vector<fs::path> files, bool keepEverything)
{
    std::sort(files.begin(), files.end(),
        [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
    RefRun run;
    EventDecoder decoder; // one per run: tag metadata is remembered per run
    for (const fs::path& file : files) {
        RecordReader reader(std::make_unique<FileByteSource>(file, 0));
        while (const auto record = reader.next()) {
            const auto event = decoder.decode(record->data);
            if (!event)
                continue;
            if (event->kind == EventKind::TaggedRunMetadata) {
                RefValue value(event->step, event->wallTime);
                value.blobCount = 1;
                offer(run[{event->runMetadataTag, ValueKind::RunMetadata}], value, keepEverything);
            }
            if (event->kind != EventKind::Summary)
                continue;
            for (const SummaryItem& item : event->items) {
                RefValue value(event->step, event->wallTime);
                value.scalar = item.scalar;
                value.histogram = item.histogram;
                value.blobCount = item.blobCount;
                value.numbers = item.numbers;
                value.strings = item.strings;
                if (item.kind != ValueKind::Image && item.kind != ValueKind::Audio)
                    value.blobCount = 1;
                offer(run[{item.tag, item.kind}], value, keepEverything);
            }
        }
    }
    return run;
}

// ---- Comparison with the loader ----

bool sameNumber(double a, double b)
{
    return bitsOf(a) == bitsOf(b) || (std::isnan(a) && std::isnan(b));
}

// The values the loader kept for one series, in the reference's form.
std::vector<RefValue> loaded(const TagData& data)
{
    std::vector<RefValue> values;
    data.scalars().snapshot().forEach([&](const ScalarPoint& point) {
        values.emplace_back(point.step, point.wallTime).scalar = point.value;
    });
    const auto histograms = data.histograms().snapshot();
    for (std::size_t i = 0; i < histograms.size(); ++i)
        values.emplace_back(histograms[i].step, histograms[i].wallTime).histogram
            = histograms[i].buckets;
    const auto blobs = data.blobs().snapshot();
    for (std::size_t i = 0; i < blobs.size(); ++i)
        values.emplace_back(blobs[i].step, blobs[i].wallTime).blobCount = blobs[i].count;
    const auto tensors = data.tensors().snapshot();
    for (std::size_t i = 0; i < tensors.size(); ++i) {
        RefValue& value = values.emplace_back(tensors[i].step, tensors[i].wallTime);
        value.numbers = tensors[i].numbers;
        value.strings = tensors[i].strings;
    }
    return values;
}

// "N point(s) of KIND tag 'TAG' hidden…" → hidden counts by (tag, kind name).
std::map<std::pair<std::string, std::string>, std::uint64_t> hiddenCounts(const RunData& run)
{
    static const std::regex pattern(R"(^(\d+) point\(s\) of (\S+) tag '(.*)' hidden)");
    std::map<std::pair<std::string, std::string>, std::uint64_t> counts;
    for (const Diagnostic& diagnostic : run.diagnostics) {
        std::smatch match;
        if (std::regex_search(diagnostic.reason, match, pattern)) {
            auto& count = counts[{match[3].str(), match[2].str()}];
            if (count != 0)
                return {}; // one diagnostic per series, never two
            count = std::stoull(match[1].str());
        }
    }
    return counts;
}

// Empty when the loader kept exactly what the reference kept; else what differs first.
std::string compare(const RunData& run, bool keepEverything)
{
    const RefRun reference = replay(run.files, keepEverything);
    const std::string where = "run '" + run.name + "', ";
    std::size_t seriesSeen = 0;
    for (const auto& [tag, data] : run.tags) {
        const std::string series = where + "tag '" + std::string(tag) + "' ("
            + std::string(valueKindName(data.kind)) + "): ";
        const auto found = reference.find({std::string(tag), data.kind});
        if (found == reference.end())
            return series + "not in the reference";
        ++seriesSeen;
        const std::vector<RefValue>& expected = found->second.kept;
        const std::vector<RefValue> actual = loaded(data);
        if (actual.size() != expected.size())
            return series + std::to_string(actual.size()) + " values kept, the reference keeps "
                + std::to_string(expected.size());
        for (std::size_t i = 0; i < actual.size(); ++i) {
            const RefValue &a = actual[i], &e = expected[i];
            const bool same = a.step == e.step && sameNumber(a.wallTime, e.wallTime)
                && (data.kind != ValueKind::Scalar || sameNumber(a.scalar, e.scalar))
                && a.histogram == e.histogram
                && (data.blobs().empty() || a.blobCount == e.blobCount)
                && std::equal(a.numbers.begin(), a.numbers.end(), e.numbers.begin(),
                    e.numbers.end(), sameNumber)
                && a.strings == e.strings;
            if (!same)
                return series + "value " + std::to_string(i) + " (step " + std::to_string(a.step)
                    + ") differs from the reference's (step " + std::to_string(e.step) + ")";
        }
    }
    if (seriesSeen != reference.size())
        return where + std::to_string(reference.size() - seriesSeen)
            + " reference series missing from the loader";
    const auto counts = hiddenCounts(run);
    for (const auto& [key, series] : reference) {
        const auto it = counts.find({key.first, std::string(valueKindName(key.second))});
        const std::uint64_t reported = it == counts.end() ? 0 : it->second;
        if (reported != series.hidden)
            return where + "tag '" + key.first + "': " + std::to_string(reported)
                + " hidden points reported, the reference hid " + std::to_string(series.hidden);
    }
    return {};
}

std::string compareLogdir(const fs::path& root, bool keepEverything, std::size_t* series = nullptr)
{
    LogdirLoader loader({{"", root}}, LoadOptions {keepEverything});
    loader.reload();
    for (const RunData* run : loader.runs()) {
        if (series)
            *series += run->tags.size();
        if (std::string difference = compare(*run, keepEverything); !difference.empty())
            return difference;
    }
    return {};
}

// ---- Synthetic logs ----

std::string sessionStartEvent(long long step, double wallTime)
{
    pb::Event event;
    event.set_wall_time(wallTime);
    event.set_step(step);
    event.mutable_session_log()->set_status(pb::SessionLog::START);
    return event.SerializeAsString();
}

std::vector<std::string> lossSteps(std::initializer_list<int> steps, double wallStart)
{
    std::vector<std::string> records;
    double wallTime = wallStart;
    for (const int step : steps) {
        records.push_back(scalarEvent("loss", step, float(step) + float(wallTime), wallTime));
        wallTime += 1;
    }
    return records;
}

} // namespace

class TestRestartRule : public QObject {
    Q_OBJECT
private slots:
    void referenceAgreesOnEveryCorpusCase()
    {
        const auto corpus = corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(corpusMissingMessage()));
        std::size_t cases = 0, series = 0;
        for (const auto& entry : fs::directory_iterator(*corpus)) {
            if (!entry.is_directory())
                continue;
            ++cases;
            for (const bool keepEverything : {false, true}) {
                const std::string difference = compareLogdir(entry.path(), keepEverything, &series);
                QVERIFY2(difference.empty(),
                    qPrintable(QString::fromStdString(pathText(entry.path().filename()) + ": "
                        + (keepEverything ? "keeping everything: " : "") + difference)));
            }
        }
        QVERIFY(cases > 0);
        qInfo("%zu corpus cases, %zu series: the loader keeps what the reference keeps", cases,
            series / 2);
    }

    void repeatedStepsKeepTheNewestValue_data()
    {
        QTest::addColumn<QList<int>>("steps");
        QTest::addColumn<QList<int>>("kept");
        QTest::newRow("repeated") << QList<int> {0, 1, 1, 2, 2, 2, 3} << QList<int> {0, 1, 2, 3};
        QTest::newRow("back mid-file")
            << QList<int> {0, 1, 2, 3, 4, 5, 2, 3} << QList<int> {0, 1, 2, 3};
        QTest::newRow("back to the start") << QList<int> {5, 6, 7, 0} << QList<int> {0};
        QTest::newRow("back, then repeated")
            << QList<int> {0, 10, 20, 10, 10, 15} << QList<int> {0, 10, 15};
    }
    void repeatedStepsKeepTheNewestValue()
    {
        QFETCH(QList<int>, steps);
        QFETCH(QList<int>, kept);
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        std::vector<std::string> records {fileVersionEvent()};
        for (std::size_t i = 0; i < std::size_t(steps.size()); ++i)
            records.push_back(scalarEvent("loss", steps[i], float(i), 100.0 + double(i)));
        appendRecords(root / "events.out.tfevents.1.h", records);

        LogdirLoader loader({{"", root}});
        loader.reload();
        const RunData& run = *loader.runs().at(0);
        const std::vector<std::int64_t> expected(kept.begin(), kept.end());
        QCOMPARE(scalarSteps(run, "loss"), expected);
        // Each kept step holds the value written last for it.
        const auto points = run.tags.at("loss").scalars().snapshot().points();
        for (const ScalarPoint& point : points) {
            const auto last = std::find(steps.rbegin(), steps.rend(), int(point.step));
            QCOMPARE(point.value, double(steps.rend() - last - 1));
        }
        QCOMPARE(compare(run, false), std::string());
        // One diagnostic for the series, counting every hidden point.
        QCOMPARE(run.diagnostics.size(), std::size_t(1));
        QVERIFY2(run.diagnostics[0].reason.starts_with(std::to_string(steps.size() - kept.size())
                     + " point(s) of scalars tag 'loss'"),
            run.diagnostics[0].reason.c_str());
    }

    void sessionStartAloneRemovesNothing()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        std::vector<std::string> records {fileVersionEvent()};
        for (auto& r : lossSteps({0, 1, 2, 3, 4, 5}, 100))
            records.push_back(r);
        records.push_back(sessionStartEvent(3, 200)); // says "restarted at 3", writes nothing
        for (auto& r : lossSteps({6, 7}, 300))
            records.push_back(r);
        appendRecords(root / "events.out.tfevents.1.h", records);
        LogdirLoader loader({{"", root}});
        loader.reload();
        const RunData& run = *loader.runs().at(0);
        QCOMPARE(scalarSteps(run, "loss"), stepRange(0, 7));
        QVERIFY(run.diagnostics.empty());
        QCOMPARE(compare(run, false), std::string());
    }

    void restartAcrossFilesOfEveryKind()
    {
        // Three files of one run, written out of name order on purpose: the second file (by
        // name) goes back to step 3 for every kind, the third repeats step 4.
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        const std::vector<double> sample {1.0, 2.0, 3.0};
        const EncodedImage image {1, 1, 3, std::string("\x89PNG\r\n\x1a\n", 8)};
        const auto write = [&](const std::string& name, std::initializer_list<int> steps,
                               double wallStart) {
            EventFileWriterOptions options;
            options.fileName = name;
            EventFileWriter writer(root, options);
            double wallTime = wallStart;
            for (const int step : steps) {
                writer.addScalarTensor("acc", step, step * 0.25, ScalarType::Float64, wallTime);
                writer.addHistogram("weights", step, sample, SummaryStyle::Tf2, wallTime);
                writer.addHistogram("tf1_weights", step, sample, SummaryStyle::Tf1, wallTime);
                writer.addImage("samples", step, std::span(&image, 1), SummaryStyle::Tf2, wallTime);
                writer.addText("notes", step, "step " + std::to_string(step), wallTime);
                writer.addSessionStart(step, wallTime); // removes nothing on its own
                wallTime += 1;
            }
        };
        write("events.out.tfevents.300.h", {4, 4, 5}, 300);
        write("events.out.tfevents.100.h", {0, 1, 2, 3, 4, 5, 6}, 100);
        write("events.out.tfevents.200.h", {3, 4}, 200);

        for (const bool keepEverything : {false, true})
            QCOMPARE(compareLogdir(root, keepEverything), std::string());

        LogdirLoader loader({{"", root}});
        loader.reload();
        const RunData& run = *loader.runs().at(0);
        for (const char* tag : {"acc", "weights", "tf1_weights", "samples", "notes"}) {
            const TagData& data = run.tags.at(tag);
            const std::vector<RefValue> values = loaded(data);
            std::vector<std::int64_t> steps;
            for (const RefValue& value : values)
                steps.push_back(value.step);
            QCOMPARE(steps, stepRange(0, 5));
            QCOMPARE(values[4].wallTime, 301.0); // file 300's second step 4
            QCOMPARE(values[3].wallTime, 200.0); // file 200's step 3
        }
        // 0-6, then 3 hides 3-6 (4), 4 repeats, then 4 hides 4 (1), 4 again (1), 5 adds.
        QCOMPARE(hiddenCounts(run).at({"weights", "histograms"}), std::uint64_t(6));

        LogdirLoader keeping({{"", root}}, LoadOptions {true});
        keeping.reload();
        QCOMPARE(keeping.runs().at(0)->tags.at("notes").size(), std::size_t(12));
        QVERIFY(keeping.runs().at(0)->diagnostics.empty());
    }

    void repeatedStepsStayLinear()
    {
        // Every step written twice, a few hundred thousand times: each repeat removes one
        // point, which must not copy the open tail or rebuild the chunk index each time.
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        std::vector<std::string> records {fileVersionEvent()};
        constexpr int kSteps = 100'000;
        for (int step = 0; step < kSteps; ++step)
            for (int copy = 0; copy < 2; ++copy)
                records.push_back(scalarEvent("loss", step, float(copy), double(step)));
        appendRecords(root / "events.out.tfevents.1.h", records);
        LogdirLoader loader({{"", root}});
        loader.reload();
        const RunData& run = *loader.runs().at(0);
        const ScalarSnapshot loss = run.tags.at("loss").scalars().snapshot();
        QCOMPARE(loss.size(), std::size_t(kSteps));
        std::int64_t expectedStep = 0;
        bool allNewest = true;
        loss.forEach([&](const ScalarPoint& point) {
            allNewest = allNewest && point.step == expectedStep++ && point.value == 1.0;
        });
        QVERIFY(allNewest);
        QCOMPARE(hiddenCounts(run).at({"loss", "scalars"}), std::uint64_t(kSteps));
    }
};

LANTERN_TEST_GUILESS_MAIN(TestRestartRule)
#include "test_restart_rule.moc"
