// Run discovery: nested runs, name order, skipped profiler markers, symlink loops, specs.

#include "core/io/logdir_spec.h"
#include "core/io/opened_logdirs.h"
#include "core/io/path_text.h"
#include "core/io/run_discovery.h"
#include "tests/support/test_main.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace lantern::core;
namespace fs = std::filesystem;

namespace {
void touch(const fs::path& path)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path) << "";
}
} // namespace

class TestRunDiscovery : public QObject {
    Q_OBJECT
private slots:
    void findsRunsAndOrdersFiles()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        touch(root / "events.out.tfevents.100.host");
        touch(root / "train" / "events.out.tfevents.200.host");
        touch(root / "train" / "events.out.tfevents.100.host");
        touch(root / "train" / "notes.txt");
        touch(root / "eval" / "deep" / "er" / "my.tfevents.file");
        touch(root / "profile" / "events.out.tfevents.1.host.profile-empty");
        touch(root / "empty" / "nothing.here");

        const DiscoveryResult found = discoverRuns(root);
        QCOMPARE(found.runs.size(), std::size_t(3));
        QCOMPARE(found.runs[0].name, std::string("."));
        QCOMPARE(found.runs[1].name, std::string("eval/deep/er"));
        QCOMPARE(found.runs[2].name, std::string("train"));
        QCOMPARE(found.runs[2].eventFiles.size(), std::size_t(2));
        QCOMPARE(pathText(found.runs[2].eventFiles[0].path.filename()),
            std::string("events.out.tfevents.100.host"));
        QVERIFY(found.problems.empty());
    }

    void symlinkLoopIsEnteredOnce()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        touch(root / "a" / "events.out.tfevents.1.x");
        fs::create_directory_symlink(root, root / "a" / "loop");
        fs::create_directory_symlink(root / "a", root / "alias");
        const DiscoveryResult found = discoverRuns(root);
        QCOMPARE(found.runs.size(), std::size_t(1));
        QCOMPARE(found.runs[0].name, std::string("a"));
        QCOMPARE(found.problems.size(), std::size_t(2));
    }

    void missingDirectoryIsAProblemNotACrash()
    {
        const DiscoveryResult found = discoverRuns("/nonexistent/lantern/logdir");
        QVERIFY(found.runs.empty());
        QCOMPARE(found.problems.size(), std::size_t(1));
    }

    void eventFileNames()
    {
        QVERIFY(isEventFileName("events.out.tfevents.1572286373.DESKTOP-56ER3LB"));
        QVERIFY(isEventFileName("events.out.tfevents.resnet"));
        QVERIFY(isEventFileName("tfevents.v2"));
        QVERIFY(!isEventFileName("events.out.tfevents.1.host.profile-empty"));
        QVERIFY(!isEventFileName("checkpoint"));
    }

    void logdirSpecs()
    {
        LogdirSpec spec = parseLogdirSpec("train:/tmp/logs/train");
        QCOMPARE(spec.name, std::string("train"));
        QCOMPARE(pathText(spec.path), std::string("/tmp/logs/train"));
        spec = parseLogdirSpec("/tmp/logs/a:b");
        QVERIFY(spec.name.empty());
        QCOMPARE(pathText(spec.path), std::string("/tmp/logs/a:b"));
#if defined(_WIN32)
        QVERIFY(parseLogdirSpec("C:\\logs").name.empty());
#endif
        QVERIFY(parseLogdirSpec("gs://bucket/logs").name.empty());
        const auto list = parseLogdirSpecList("first:/x,b:/y");
        QCOMPARE(list.size(), std::size_t(2));
        QCOMPARE(list[0].name, std::string("first"));
        QCOMPARE(list[1].name, std::string("b"));
        QCOMPARE(pathText(list[1].path), std::string("/y"));
    }

    void anOpenedEventFileOpensItsFolderNamedAfterIt()
    {
        QTemporaryDir temp;
        const fs::path folder = fs::path(temp.path().toStdString()) / "train";
        fs::create_directories(folder);
        const std::string first = pathText(folder / "events.out.tfevents.1.h");
        const std::string second = pathText(folder / "events.out.tfevents.2.h");
        std::ofstream(first) << "x";
        std::ofstream(second) << "x";
        const std::string named = "train:" + pathText(folder);
        QCOMPARE(openedLogdirSpecs({first}), std::vector<std::string> {named});
        QCOMPARE(openedLogdirSpecs({first, second}), std::vector<std::string> {named});
        // The folder opened as a logdir too: the file is its root run, ".", and adds nothing.
        const std::string plain = pathText(folder);
        QCOMPARE(openedLogdirSpecs({first, plain + "/"}), std::vector<std::string> {plain + "/"});
        QCOMPARE(
            openedLogdirSpecs({"run:" + plain, first}), std::vector<std::string> {"run:" + plain});
        // Folders, specs, remote paths and other files are opened as they are.
        const std::string notes = pathText(folder / "notes.txt");
        std::ofstream(notes) << "x";
        const std::vector<std::string> asTheyAre {
            plain, "a:/x/y", "ssh://host/logs", "/no/such", notes};
        QCOMPARE(openedLogdirSpecs(asTheyAre), asTheyAre);
    }
};

LANTERN_TEST_GUILESS_MAIN(TestRunDiscovery)
#include "test_run_discovery.moc"
