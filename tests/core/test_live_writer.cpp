// Loading while writers write: an EventFileWriter (plain and GZIP) flushing as it goes, and a
// raw writer that pushes records out a few bytes at a time (partial headers, partial data),
// rotates to a new file and restarts with a SessionLog START at an earlier step. The test
// reloads a LogdirLoader every few milliseconds meanwhile; every intermediate load must be
// well formed, and the last must hold exactly what was written: nothing lost, nothing twice,
// the points the restart wrote again replacing the old ones (TensorBoard's rule).

#include "core/io/path_text.h"
#include "core/io/record_writer.h"
#include "core/load/logdir_loader.h"
#include "core/write/event_file_writer.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include "event.pb.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <random>
#include <thread>

using namespace lantern::core;
using namespace lantern::test;
namespace fs = std::filesystem;
namespace pb = lantern::pb;

namespace {

constexpr int kWriterSteps = 300;
constexpr int kRawFirstSteps = 120; // file 1: steps [0, 120)
constexpr int kRestartStep = 70; // file 2: START at 70, then steps [70, 200)
constexpr int kRawLastStep = 200;

std::string sessionStart(std::int64_t step)
{
    pb::Event event;
    event.set_wall_time(1000.0 + double(step));
    event.set_step(step);
    event.mutable_session_log()->set_status(pb::SessionLog::START);
    return event.SerializeAsString();
}

// Writes framed records to a new file a few bytes at a time, flushing after each piece.
void trickle(const fs::path& path, const std::vector<std::string>& records, std::mt19937& random)
{
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file)
        return;
    std::string bytes;
    for (const std::string& record : records)
        bytes += frameRecord(record);
    for (std::size_t at = 0; at < bytes.size();) {
        const std::size_t piece = std::min<std::size_t>(1 + random() % 7, bytes.size() - at);
        std::fwrite(bytes.data() + at, 1, piece, file);
        std::fflush(file);
        at += piece;
        if (random() % 4 == 0)
            std::this_thread::sleep_for(std::chrono::microseconds(1000));
    }
    std::fclose(file);
}

std::map<std::int64_t, double> pointsOf(const RunData& run, const std::string& tag)
{
    std::map<std::int64_t, double> points;
    if (const auto it = run.tags.find(tag); it != run.tags.end())
        it->second.scalars().snapshot().forEach(
            [&](const ScalarPoint& p) { points.emplace(p.step, p.value); });
    return points;
}

// Steps strictly increasing: no duplicates, no disorder, at every moment.
bool strictlyIncreasing(const RunData& run, const std::string& tag)
{
    const auto it = run.tags.find(tag);
    if (it == run.tags.end())
        return true;
    bool ok = true;
    bool first = true;
    std::int64_t last = 0;
    it->second.scalars().snapshot().forEach([&](const ScalarPoint& p) {
        ok &= first || p.step > last;
        first = false;
        last = p.step;
    });
    return ok;
}

const RunData* findRun(const LogdirLoader& loader, const std::string& name)
{
    for (const RunData* run : loader.runs())
        if (run->name == name)
            return run;
    return nullptr;
}

} // namespace

class LiveWriter : public QObject {
    Q_OBJECT

private slots:
    void loadsExactlyWhatWasWrittenWhileItIsWritten()
    {
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        const fs::path root = pathFromText(temp.path().toStdString());
        fs::create_directories(root / "raw");
        std::atomic<int> running {3};

        auto writeWithWriter = [&](const fs::path& directory, RecordCompression compression) {
            EventFileWriterOptions options;
            options.compression = compression;
            options.wallTime = 1.7e9;
            EventFileWriter writer(directory, options);
            const std::vector<double> sample {1, 2, 3};
            for (int step = 0; step < kWriterSteps; ++step) {
                writer.addScalar("loss", step, float(step) * 0.25f, 1.7e9 + step);
                if (step % 10 == 0)
                    writer.addHistogram("weights", step, sample, SummaryStyle::Tf2, 1.7e9 + step);
                writer.flush();
                if (step % 2 == 0)
                    std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
            --running;
        };
        std::thread plain(writeWithWriter, root / "writer", RecordCompression::None);
        std::thread gzip(writeWithWriter, root / "gzip", RecordCompression::Gzip);
        std::thread raw([&] {
            std::mt19937 random(42);
            std::vector<std::string> first {fileVersionEvent(1000.0)};
            for (int step = 0; step < kRawFirstSteps; ++step)
                first.push_back(scalarEvent("loss", step, float(step), 1000.0 + step));
            trickle(root / "raw" / "events.out.tfevents.1000000001.host.1.0", first, random);
            std::vector<std::string> second {fileVersionEvent(2000.0), sessionStart(kRestartStep)};
            for (int step = kRestartStep; step < kRawLastStep; ++step)
                second.push_back(scalarEvent("loss", step, float(step) + 1000.0f, 2000.0 + step));
            trickle(root / "raw" / "events.out.tfevents.1000000002.host.1.0", second, random);
            --running;
        });

        LogdirLoader loader({{"", root}});
        int reloads = 0;
        bool wellFormed = true;
        std::string problem;
        do {
            loader.reload();
            ++reloads;
            for (const RunData* run : loader.runs()) {
                if (!strictlyIncreasing(*run, "loss") && wellFormed) {
                    wellFormed = false;
                    problem = run->name + ": steps out of order or repeated";
                }
                for (const Diagnostic& diagnostic : run->diagnostics)
                    if (diagnostic.reason.find("orphaned") == std::string::npos && wellFormed) {
                        wellFormed = false;
                        problem = run->name + ": " + diagnostic.reason + " at "
                            + std::to_string(diagnostic.offset);
                    }
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(3));
        } while (running > 0);
        plain.join();
        gzip.join();
        raw.join();
        loader.reload();
        qInfo("%d reloads while writing", reloads);
        QVERIFY2(wellFormed, problem.c_str());
        QVERIFY(reloads > 5);

        for (const char* name : {"writer", "gzip"}) {
            const RunData* run = findRun(loader, name);
            QVERIFY2(run, name);
            std::map<std::int64_t, double> expected;
            for (int step = 0; step < kWriterSteps; ++step)
                expected.emplace(step, float(step) * 0.25f);
            QCOMPARE(pointsOf(*run, "loss"), expected);
            QVERIFY(strictlyIncreasing(*run, "loss"));
            QCOMPARE(run->tags.at("loss").scalars().size(), std::size_t(kWriterSteps));
            QCOMPARE(run->tags.at("weights").histograms().size(), std::size_t(kWriterSteps / 10));
            QVERIFY(run->diagnostics.empty());
        }

        const RunData* run = findRun(loader, "raw");
        QVERIFY(run);
        std::map<std::int64_t, double> expected;
        for (int step = 0; step < kRestartStep; ++step)
            expected.emplace(step, float(step));
        for (int step = kRestartStep; step < kRawLastStep; ++step)
            expected.emplace(step, float(step) + 1000.0f);
        QCOMPARE(pointsOf(*run, "loss"), expected);
        QCOMPARE(run->tags.at("loss").scalars().size(), expected.size());
        QCOMPARE(run->files.size(), std::size_t(2));
        // The restart was reported: the points its new steps replaced were hidden, in one
        // diagnostic for the series, and nothing else went wrong.
        QCOMPARE(run->diagnostics.size(), std::size_t(1));
        QVERIFY(run->diagnostics[0].reason.starts_with(std::to_string(kRawFirstSteps - kRestartStep)
            + " point(s) of scalars tag 'loss' hidden"));
    }
};

LANTERN_TEST_GUILESS_MAIN(LiveWriter)
#include "test_live_writer.moc"
