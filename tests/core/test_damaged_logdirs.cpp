// Damage seen through the loader: a file that ends inside a record is reported once it has
// settled (and read on if it grows after all), a sparse file's hole is one diagnostic with
// every record around it kept, and unreadable files and folders are reported with the
// system's reason instead of looking like empty runs.

#include "core/io/path_text.h"
#include "core/io/record_reader.h"
#include "core/io/record_writer.h"
#include "core/load/logdir_loader.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace lantern::core;
using namespace lantern::test;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> lossEvents(int first, int last)
{
    std::vector<std::string> events;
    for (int step = first; step <= last; ++step)
        events.push_back(scalarEvent("loss", step, float(step) / 10, 1000.0 + step));
    return events;
}

std::vector<std::int64_t> stepRange(int first, int last)
{
    std::vector<std::int64_t> steps;
    for (int step = first; step <= last; ++step)
        steps.push_back(step);
    return steps;
}

std::string describe(const std::vector<Diagnostic>& diagnostics)
{
    std::string out;
    for (const Diagnostic& d : diagnostics)
        out += d.file + "@" + std::to_string(d.offset) + "+" + std::to_string(d.bytesSkipped) + ": "
            + d.reason + "\n";
    return out;
}

// A loader whose clock the test sets: files count as settled after an hour unchanged.
struct ClockedLoader {
    fs::file_time_type now;
    LogdirLoader loader;

    explicit ClockedLoader(const fs::path& root)
        : loader({LogdirSpec {{}, root}})
    {
        loader.setSettlePolicy({std::chrono::hours(1), [this] { return now; }});
    }
};

} // namespace

class DamagedLogdirs : public QObject {
    Q_OBJECT

private slots:
    void truncationIsReportedOnceTheFileSettles()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        const fs::path file = root / "events.out.tfevents.1.h";
        appendRecords(file, lossEvents(1, 10));
        const std::uint64_t whole = fs::file_size(file);
        const std::string last = frameRecord(lossEvents(11, 11).front());
        writeBytes(file, last.substr(0, 20), true);

        ClockedLoader clocked(root);
        clocked.now = fs::last_write_time(file) + std::chrono::seconds(5);
        clocked.loader.reload();
        const RunData* run = clocked.loader.runs().at(0);
        QCOMPARE(scalarSteps(*run, "loss"), stepRange(1, 10));
        QVERIFY2(run->diagnostics.empty(), describe(run->diagnostics).c_str()); // being written

        clocked.now += std::chrono::hours(2); // nothing changed for two hours: truncated
        clocked.loader.reload();
        run = clocked.loader.runs().at(0);
        QCOMPARE(run->diagnostics.size(), std::size_t(1));
        QCOMPARE(run->diagnostics[0].file, pathText(file));
        QCOMPARE(run->diagnostics[0].offset, whole);
        QCOMPARE(run->diagnostics[0].bytesSkipped, std::uint64_t(20));
        QVERIFY(run->diagnostics[0].reason.find("truncated") != std::string::npos);
        clocked.loader.reload();
        QCOMPARE(clocked.loader.runs().at(0)->diagnostics.size(), std::size_t(1)); // once

        // The writer was only paused: the rest of the record arrives and nothing is lost.
        writeBytes(file, last.substr(20) + frameRecord(lossEvents(12, 12).front()), true);
        clocked.loader.reload();
        QCOMPARE(scalarSteps(*clocked.loader.runs().at(0), "loss"), stepRange(1, 12));
        QVERIFY2(clocked.loader.runs().at(0)->diagnostics.empty(), // no longer true
            describe(clocked.loader.runs().at(0)->diagnostics).c_str());
    }

    void newerFileSettlesTheOlderOne()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        const fs::path older = root / "events.out.tfevents.1.h";
        appendRecords(older, lossEvents(1, 5));
        const std::uint64_t whole = fs::file_size(older);
        writeBytes(older, frameRecord(lossEvents(6, 6).front()).substr(0, 30), true);
        appendRecords(root / "events.out.tfevents.2.h", lossEvents(7, 9));

        ClockedLoader clocked(root);
        clocked.now = fs::last_write_time(older); // just written
        clocked.loader.reload();
        const RunData* run = clocked.loader.runs().at(0);
        std::vector<std::int64_t> expected = stepRange(1, 5);
        for (const std::int64_t step : stepRange(7, 9))
            expected.push_back(step);
        QCOMPARE(scalarSteps(*run, "loss"), expected);
        QCOMPARE(run->diagnostics.size(), std::size_t(1));
        QCOMPARE(run->diagnostics[0].file, pathText(older));
        QCOMPARE(run->diagnostics[0].offset, whole);
        QCOMPARE(run->diagnostics[0].bytesSkipped, std::uint64_t(30));
    }

    void sparseFileHoleIsOneDiagnostic()
    {
        // A gigabyte-long hole made by ftruncate (nothing written, so cheap on disk) between
        // records: every record on both sides comes back, and the hole is reported once.
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        const fs::path file = root / "events.out.tfevents.1.h";
        appendRecords(file, lossEvents(1, 20));
        const std::uint64_t holeStart = fs::file_size(file);
        const std::uint64_t holeEnd = holeStart + (std::uint64_t(1) << 30);
        {
            const int fd = ::open(file.c_str(), O_WRONLY);
            QVERIFY(fd >= 0);
            QCOMPARE(::ftruncate(fd, off_t(holeEnd)), 0);
            ::close(fd);
        }
        appendRecords(file, lossEvents(21, 40));
        LogdirLoader loader({LogdirSpec {{}, root}});
        loader.reload();
        const RunData* run = loader.runs().at(0);
        QCOMPARE(scalarSteps(*run, "loss"), stepRange(1, 40));
        QVERIFY2(run->diagnostics.size() == 1, describe(run->diagnostics).c_str());
        QCOMPARE(run->diagnostics[0].offset, holeStart);
        QCOMPARE(run->diagnostics[0].bytesSkipped, holeEnd - holeStart);
    }

    // Permissions. Tests and CI run as root, for whom chmod 000 stops nothing; then the load
    // runs in a forked child that has given up root for the "nobody" user, so the kernel
    // really refuses the reads. The child sends back what went wrong, or nothing.
    void unreadableFilesAndFoldersAreReported()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        appendRecords(root / "readable" / "events.out.tfevents.1.h", lossEvents(1, 3));
        const fs::path lockedFile = root / "locked_file" / "events.out.tfevents.1.h";
        appendRecords(lockedFile, lossEvents(1, 3));
        const fs::path lockedFolder = root / "locked_folder";
        appendRecords(lockedFolder / "run" / "events.out.tfevents.1.h", lossEvents(1, 3));
        fs::permissions(root, fs::perms(0755));
        fs::permissions(lockedFile, fs::perms::none);
        fs::permissions(lockedFolder, fs::perms::none);

        const std::string permissionDenied = std::strerror(EACCES);
        auto check = [&]() -> std::string {
            if (::access(lockedFile.c_str(), R_OK) == 0)
                return "skip: the file stays readable to this user";
            LogdirLoader loader({LogdirSpec {{}, root}});
            loader.reload();
            std::string problems;
            bool fileReported = false;
            for (const RunData* run : loader.runs()) {
                if (run->name == "readable" && scalarSteps(*run, "loss") != stepRange(1, 3))
                    problems += "the readable run lost its points\n";
                for (const Diagnostic& d : run->diagnostics)
                    if (d.file == pathText(lockedFile)
                        && d.reason.find(permissionDenied) != std::string::npos)
                        fileReported = true;
            }
            if (!fileReported)
                problems += "the unreadable file is not reported\n";
            bool folderReported = false;
            for (const std::string& problem : loader.discoveryProblems())
                if (problem.find(pathText(lockedFolder)) == 0
                    && problem.find(permissionDenied) != std::string::npos)
                    folderReported = true;
            if (!folderReported)
                problems += "the unreadable folder is not reported\n";
            return problems;
        };

        std::string outcome;
        if (::geteuid() != 0) {
            outcome = check();
        } else {
            const passwd* nobody = ::getpwnam("nobody");
            if (!nobody)
                QSKIP("running as root and there is no user 'nobody' to drop privileges to");
            int channel[2];
            QCOMPARE(::pipe(channel), 0);
            const pid_t child = ::fork();
            QVERIFY(child >= 0);
            if (child == 0) {
                ::close(channel[0]);
                std::string result = "skip: cannot drop root privileges";
                if (::setgid(nobody->pw_gid) == 0 && ::setuid(nobody->pw_uid) == 0)
                    result = check();
                [[maybe_unused]] const ssize_t written
                    = ::write(channel[1], result.data(), result.size());
                ::_exit(0);
            }
            ::close(channel[1]);
            char buffer[4096];
            ssize_t n;
            while ((n = ::read(channel[0], buffer, sizeof buffer)) > 0)
                outcome.append(buffer, std::size_t(n));
            ::close(channel[0]);
            int status = 0;
            ::waitpid(child, &status, 0);
            QVERIFY(WIFEXITED(status));
        }
        fs::permissions(lockedFolder, fs::perms(0755)); // so the temporary folder can go
        if (outcome.starts_with("skip: "))
            QSKIP(outcome.c_str());
        QVERIFY2(outcome.empty(), outcome.c_str());
    }
};

LANTERN_TEST_GUILESS_MAIN(DamagedLogdirs)
#include "test_damaged_logdirs.moc"
