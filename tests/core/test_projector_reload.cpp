// The loader looks for the projector's embeddings as part of each reload: in a logdir with no
// event files at all, in a run that gets a projector_config.pbtxt after the first load, and
// again only when the folders or their projector files changed (the fingerprint).

#include "core/io/path_text.h"
#include "core/io/run_discovery.h"
#include "core/load/logdir_loader.h"
#include "core/load/projector_fingerprint.h"
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

using Roots = std::vector<std::pair<std::string, fs::path>>;

// A three-point, two-dimensional embedding in a TSV, named by a config in `folder`.
void writeTsvEmbedding(const fs::path& folder, const std::string& name = "words")
{
    writeBytes(folder / (name + ".tsv"), "1\t0\n0\t1\n1\t1\n");
    writeBytes(folder / "projector_config.pbtxt",
        "embeddings { tensor_name: \"" + name + "\" tensor_path: \"" + name + ".tsv\" }\n");
}

void writeRun(const fs::path& folder, long long step)
{
    appendRecords(folder / "events.out.tfevents.1.host",
        {fileVersionEvent(), scalarEvent("loss", step, 0.5f, double(step))});
}

// Reloads that look as if an hour after the files were written, so that the projector
// fingerprint is settled (justWrittenFilesAreSearchedUntilSettled: what happens when not).
struct Reloads : ReloadingLogdir {
    explicit Reloads(const fs::path& root)
        : ReloadingLogdir(
            root, {.now = [] { return fs::file_time_type::clock::now() + std::chrono::hours(1); }})
    {
    }
    SnapshotChange next() { return reload(); }
};

} // namespace

class TestProjectorReload : public QObject {
    Q_OBJECT
private slots:
    void logdirWithOnlyProjectorDataHasItsEmbedding()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        writeTsvEmbedding(root);
        Reloads reloads(root);
        const LogdirSnapshot& snapshot = *reloads.last;
        QVERIFY(snapshot.runs.empty());
        QCOMPARE(snapshot.totalEventFiles, std::uint64_t(0));
        QVERIFY(snapshot.projector);
        QCOMPARE(snapshot.projector->embeddings.size(), std::size_t(1));
        QCOMPARE(snapshot.projector->embeddings[0].run, std::string("."));
        QCOMPARE(snapshot.projector->embeddings[0].name, std::string("words"));
        QCOMPARE(snapshot.projector->embeddings[0].tensorPath, root / "words.tsv");
        QCOMPARE(snapshot.lastReload.projectorSearches, std::uint64_t(1));
    }

    void emptyLogdirHasAnEmptyDiscovery()
    {
        QTemporaryDir temp;
        Reloads reloads(pathFromText(temp.path().toStdString()));
        QVERIFY(reloads.last->projector); // never null
        QVERIFY(reloads.last->projector->embeddings.empty());
        QVERIFY(reloads.last->projector->problems.empty());
    }

    void nothingChangedIsNotSearchedAgain()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        writeRun(root / "a", 1);
        writeTsvEmbedding(root / "a");
        Reloads reloads(root);
        const auto first = reloads.last->projector;
        QCOMPARE(first->embeddings.size(), std::size_t(1));

        // Points appended to the run's event file do not touch its projector files.
        appendRecords(
            root / "a" / "events.out.tfevents.1.host", {scalarEvent("loss", 2, 0.25f, 2)});
        const SnapshotChange change = reloads.next();
        QCOMPARE(change.runs, std::vector<std::string> {"a"});
        QVERIFY(!change.projectorChanged);
        QCOMPARE(reloads.last->lastReload.projectorSearches, std::uint64_t(0));
        QCOMPARE(reloads.last->projector, first); // the same object, shared

        const SnapshotChange none = reloads.next();
        QVERIFY(none.empty());
        QVERIFY(!none.projectorChanged);
    }

    void configWrittenIntoAnExistingRunIsFound()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        writeRun(root / "a", 1);
        Reloads reloads(root);
        QVERIFY(reloads.last->projector->embeddings.empty());

        writeTsvEmbedding(root / "a");
        const SnapshotChange change = reloads.next();
        QVERIFY(change.projectorChanged);
        QVERIFY(!change.runSetChanged);
        QVERIFY(!change.empty());
        QCOMPARE(reloads.last->lastReload.projectorSearches, std::uint64_t(1));
        QCOMPARE(reloads.last->projector->embeddings.size(), std::size_t(1));
        QCOMPARE(reloads.last->projector->embeddings[0].run, std::string("a"));
    }

    void configRewrittenInPlaceIsReadAgain()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        writeRun(root / "a", 1);
        writeTsvEmbedding(root / "a", "first");
        writeBytes(root / "a" / "second.tsv", "1\t2\n3\t4\n");
        Reloads reloads(root);
        QCOMPARE(reloads.last->projector->embeddings.size(), std::size_t(1));

        // The same file, overwritten (the folder's entries stay as they were).
        writeBytes(root / "a" / "projector_config.pbtxt",
            "embeddings { tensor_name: \"first\" tensor_path: \"first.tsv\" }\n"
            "embeddings { tensor_name: \"second\" tensor_path: \"second.tsv\" }\n");
        QVERIFY(reloads.next().projectorChanged);
        QCOMPARE(reloads.last->projector->embeddings.size(), std::size_t(2));
    }

    void runsComingAndGoingAreSearchedAgain()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        writeRun(root / "a", 1);
        const fs::path b = root / "later" / "b";
        writeTsvEmbedding(b); // not a run yet: no event file
        Reloads reloads(root);
        QVERIFY(reloads.last->projector->embeddings.empty());

        writeRun(b, 1);
        const SnapshotChange change = reloads.next();
        QVERIFY(change.runSetChanged);
        QVERIFY(change.projectorChanged);
        QCOMPARE(reloads.last->projector->embeddings.size(), std::size_t(1));
        QCOMPARE(reloads.last->projector->embeddings[0].run, std::string("later/b"));

        fs::remove_all(b);
        QVERIFY(reloads.next().projectorChanged);
        QVERIFY(reloads.last->projector->embeddings.empty());
    }

    void problemsAreInTheSnapshot()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        writeRun(root / "a", 1);
        writeBytes(root / "a" / "projector_config.pbtxt", "embeddings { tensor_path: ");
        Reloads reloads(root);
        QVERIFY(reloads.last->projector->embeddings.empty());
        QCOMPARE(reloads.last->projector->problems.size(), std::size_t(1));
        QVERIFY(reloads.last->projector->problems[0].find("projector_config.pbtxt")
            != std::string::npos);
    }

    // What each part of the fingerprint notices, each alone: files rewritten in place, files
    // appearing in folders that are not runs, above the root, and in a run.
    void fingerprintFollowsTheFilesDiscoveryReads()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString()) / "logs";
        const fs::path run = root / "x" / "a";
        const fs::path assets = run / "plugins" / "org_tensorflow_tensorboard_projector";
        writeRun(run, 1);
        writeBytes(run / "model.ckpt-1.index", "not yet");
        writeBytes(assets / "projector_config.pbtxt", "embeddings { tensor_path: \"x.tsv\" }");
        const std::vector<ProjectorRunDirectory> runs {{"x/a", run}};
        const Roots roots {{"", root}};
        const auto now = [&] {
            ProjectorFingerprint fingerprint;
            discoverRuns(root, [&](const auto& entry) { fingerprint.addEntry(entry); });
            fingerprint.addFolders(runs, roots);
            return fingerprint;
        };
        ProjectorFingerprint before = now();
        QCOMPARE(now(), before);

        appendRecords(run / "events.out.tfevents.1.host", {scalarEvent("loss", 2, 0.1f, 2)});
        QCOMPARE(now(), before); // event data is not projector data

        const auto changes = [&](const char* what) {
            const ProjectorFingerprint after = now();
            const bool changed = !(after == before);
            before = after;
            if (!changed)
                qWarning("unnoticed: %s", what);
            return changed;
        };
        writeBytes(run / "model.ckpt-1.index", "now longer");
        QVERIFY(changes("an index file rewritten in place"));
        writeBytes(assets / "projector_config.pbtxt", "embeddings { tensor_path: \"longer.tsv\" }");
        QVERIFY(changes("the asset folder's config rewritten in place"));
        writeBytes(root / "x" / "checkpoint", "model_checkpoint_path: \"a/model.ckpt-1\"\n");
        QVERIFY(changes("a `checkpoint` state file in the run's parent, not a run itself"));
        writeBytes(root / "x" / "checkpoint", "model_checkpoint_path: \"a/model.ckpt-22\"\n");
        QVERIFY(changes("that state file rewritten in place"));
        writeBytes(root.parent_path() / "checkpoint", "model_checkpoint_path: \"m\"\n");
        QVERIFY(changes("a `checkpoint` state file above the root"));
        writeBytes(run / "metadata.tsv", "label\n");
        QVERIFY(changes("a file appearing in the run folder"));
        fs::rename(run / "metadata.tsv", run / "labels.tsv");
        QVERIFY(changes("a file renamed"));

        // Another set of run folders, even with the same files.
        ProjectorFingerprint renamed;
        discoverRuns(root, [&](const auto& entry) { renamed.addEntry(entry); });
        renamed.addFolders(std::vector<ProjectorRunDirectory> {{"b", run}}, roots);
        QVERIFY(!(renamed == now()));
    }

    // A fingerprint taken right after a write may miss a second write in the same tick of the
    // file system's clock: the loader looks once more when the files are older than that.
    void justWrittenFilesAreSearchedOnceMoreWhenSettled()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        writeRun(root / "a", 1);
        writeTsvEmbedding(root / "a");
        auto now = fs::file_time_type::clock::now();
        LogdirLoader loader({{"", root}});
        loader.setSettlePolicy({.now = [&now] { return now; }});
        const auto searched = [&loader] {
            loader.reload();
            return loader.snapshot()->lastReload.projectorSearches == 1;
        };
        QVERIFY(searched());
        QVERIFY(!searched()); // nothing seen to change, and too early to be sure
        now += std::chrono::seconds(3);
        QVERIFY(searched()); // settled now: once more
        QVERIFY(!searched());
        QCOMPARE(loader.projector()->embeddings.size(), std::size_t(1));
    }

    void changeFlagSurvivesMerging()
    {
        SnapshotChange first = SnapshotChange::nothing();
        SnapshotChange second = SnapshotChange::nothing();
        second.projectorChanged = true;
        QVERIFY(first.empty());
        QVERIFY(!second.empty());
        first.merge(second);
        QVERIFY(first.projectorChanged);
        first.merge(SnapshotChange::nothing());
        QVERIFY(first.projectorChanged);
    }

    void corpusLogdirWithoutEventFilesHasItsEmbedding()
    {
        const auto corpus = corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(corpusMissingMessage()));
        const fs::path folder
            = *corpus / "f04_tf1_projector_sprite_checkpoint_minimal" / "minimalsample";
        if (!fs::exists(folder))
            QSKIP("corpus case f04 is absent");
        LogdirLoader loader({{"", folder}});
        loader.reload();
        const auto snapshot = loader.snapshot();
        QVERIFY(snapshot->runs.empty());
        QVERIFY(!snapshot->projector->embeddings.empty());
        const ProjectorEmbeddingSource& source = snapshot->projector->embeddings[0];
        QCOMPARE(source.run, std::string("."));
        QCOMPARE(source.shape, (std::vector<std::uint32_t> {500, 784}));
    }
};

LANTERN_TEST_MAIN(TestProjectorReload)
#include "test_projector_reload.moc"
