// Finding and reading the projector's embeddings: configs in run folders, in the plugin's
// asset folder and at the logdir root, checkpoint variables added by TensorBoard's augment
// rule, on hand-written folders, our demo and the corpus.

#include "core/demo/demo_logdir.h"
#include "core/io/path_text.h"
#include "core/projector/projector_discovery.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include <QTemporaryDir>
#include <QTest>

using namespace lantern::core;
namespace fs = std::filesystem;

namespace {

using Logdirs = std::vector<std::pair<std::string, fs::path>>;

ProjectorDiscovery discoverRoot(const fs::path& root)
{
    const Logdirs logdirs {{"", root}};
    return discoverProjectorEmbeddings({}, logdirs);
}

const ProjectorEmbeddingSource* named(const ProjectorDiscovery& found, const std::string& name)
{
    for (const auto& source : found.embeddings)
        if (source.name == name)
            return &source;
    return nullptr;
}

} // namespace

class TestProjectorDiscovery : public QObject {
    Q_OBJECT
private slots:
    void demoEmbeddingLoads()
    {
        QTemporaryDir temp;
        DemoOptions options;
        options.directory = pathFromText(temp.path().toStdString());
        options.steps = 5;
        QCOMPARE(writeDemoLogdir(options), std::string());
        const ProjectorDiscovery found = discoverRoot(options.directory);
        QCOMPARE(found.embeddings.size(), std::size_t(1));
        const ProjectorEmbeddingSource& source = found.embeddings[0];
        QCOMPARE(source.run, std::string("."));
        QCOMPARE(source.name, std::string("dense_1/activations"));
        QCOMPARE(source.tensorPath, options.directory / "embedding.tsv");
        QCOMPARE(source.metadataPath, options.directory / "embedding_metadata.tsv");

        const LoadedEmbedding loaded = loadEmbedding(source);
        QVERIFY2(loaded.error.empty(), loaded.error.c_str());
        QVERIFY2(loaded.warning.empty(), loaded.warning.c_str());
        QCOMPARE(loaded.rows, std::size_t(source.shape.at(0)));
        QCOMPARE(loaded.columns, std::size_t(source.shape.at(1)));
        QCOMPARE(loaded.values.size(), loaded.rows * loaded.columns);
        QCOMPARE(loaded.metadata.rows.size(), loaded.rows);
        QCOMPARE(loaded.metadata.columns.size(), std::size_t(3));
    }

    void runFoldersAndAssetFolderAreSearched()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        // run "a": config in the run folder; run "b": one in the asset folder, which wins.
        lantern::test::writeBytes(root / "a" / "projector_config.pbtxt",
            "embeddings { tensor_path: \"v.tsv\" metadata_path: \"m.tsv\" }");
        lantern::test::writeBytes(root / "a" / "v.tsv", "1\t0\n0\t1\n1\t1\n");
        lantern::test::writeBytes(root / "a" / "m.tsv", "x\ny\n"); // 2 labels for 3 points
        const fs::path assets = root / "b" / "plugins" / "org_tensorflow_tensorboard_projector";
        lantern::test::writeBytes(root / "b" / "projector_config.pbtxt",
            "embeddings { tensor_name: \"ignored\" tensor_path: \"v.tsv\" }");
        lantern::test::writeBytes(assets / "projector_config.pbtxt",
            "embeddings { tensor_name: \"words\" tensor_path: \"w.tsv\" }\n"
            "embeddings { tensor_name: \"escape\" tensor_path: \"../../../a/v.tsv\" }");
        lantern::test::writeBytes(assets / "w.tsv", "1\t2\t3\n4\t5\t6\n");

        const std::vector<ProjectorRunDirectory> runs {{"a", root / "a"}, {"b", root / "b"}};
        const Logdirs logdirs {{"", root}};
        const ProjectorDiscovery found = discoverProjectorEmbeddings(runs, logdirs);
        QCOMPARE(found.embeddings.size(), std::size_t(3));
        QCOMPARE(found.embeddings[0].run, std::string("a"));
        QCOMPARE(found.embeddings[0].name, std::string("v.tsv")); // named after its file
        QCOMPARE(found.embeddings[1].run, std::string("b"));
        QCOMPARE(found.embeddings[1].name, std::string("words"));
        QVERIFY(!named(found, "ignored"));
        // Leaving the asset folder is allowed (projector_paths.h says why).
        QVERIFY(named(found, "escape"));
        QCOMPARE(named(found, "escape")->tensorPath, root / "a" / "v.tsv");
        QVERIFY(found.problems.empty());

        const LoadedEmbedding a = loadEmbedding(found.embeddings[0]);
        QCOMPARE(a.rows, std::size_t(3));
        QCOMPARE(a.columns, std::size_t(2));
        // Two labels for three points: both kept, the third point has none, and we say so.
        QCOMPARE(a.metadataFileRows, std::size_t(2));
        QCOMPARE(a.metadata.rows.size(), std::size_t(3));
        QCOMPARE(a.metadata.cell(1, 0), std::string_view("y"));
        QCOMPARE(a.metadata.cell(2, 0), std::string_view());
        QVERIFY2(
            a.warning.find("2 metadata rows for 3 points") != std::string::npos, a.warning.c_str());
        const LoadedEmbedding b = loadEmbedding(found.embeddings[1]);
        QCOMPARE(b.values, std::vector<float>({1, 2, 3, 4, 5, 6}));
    }

    void missingTensorIsReportedNotListed()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        lantern::test::writeBytes(root / "projector_config.pbtxt",
            "embeddings { tensor_name: \"embed\" tensor_path: \"absent.tsv\" }");
        const ProjectorDiscovery found = discoverRoot(root);
        QCOMPARE(found.embeddings.size(), std::size_t(1));
        const LoadedEmbedding loaded = loadEmbedding(found.embeddings[0]);
        QVERIFY(!loaded.error.empty());
        QCOMPARE(loaded.rows, std::size_t(0));
    }

    void corpusTsvEmbeddings()
    {
        const auto corpus = lantern::test::corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(lantern::test::corpusMissingMessage()));
        const ProjectorDiscovery c05
            = discoverRoot(*corpus / "c05_torch_embeddings_two_tags" / "runs");
        QCOMPARE(c05.embeddings.size(), std::size_t(2));
        for (const auto& source : c05.embeddings) {
            const LoadedEmbedding loaded = loadEmbedding(source);
            QVERIFY2(loaded.error.empty(), loaded.error.c_str());
            QVERIFY(loaded.rows > 0 && loaded.columns > 0);
            QCOMPARE(loaded.metadata.rows.size(), loaded.rows);
        }
        // c01 was written on Windows: backslashes in its paths.
        const ProjectorDiscovery c01 = discoverRoot(*corpus
            / "c01_torch_tutorial_images_graph_embedding" / "runs" / "fashion_mnist_experiment_1");
        QCOMPARE(c01.embeddings.size(), std::size_t(1));
        QVERIFY(!c01.embeddings[0].spritePath.empty());
        const LoadedEmbedding loaded = loadEmbedding(c01.embeddings[0]);
        QVERIFY2(loaded.error.empty(), loaded.error.c_str());
        QCOMPARE(loaded.metadata.rows.size(), loaded.rows);
    }

    void corpusCheckpointEmbeddings()
    {
        const auto corpus = lantern::test::corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(lantern::test::corpusMissingMessage()));
        const ProjectorDiscovery f01
            = discoverRoot(*corpus / "f01_tf1_saver_projector_3emb_plus_tf2_scalars" / "logs");
        for (const char* name : {"embed0", "embed1", "embed2"}) {
            const ProjectorEmbeddingSource* source = named(f01, name);
            QVERIFY2(source, name);
            QVERIFY(source->tensorPath.empty());
            QCOMPARE(source->checkpointVariable, std::string(name));
            QCOMPARE(source->shape.size(), std::size_t(2));
            const LoadedEmbedding loaded = loadEmbedding(*source);
            QVERIFY2(loaded.error.empty(), loaded.error.c_str());
            QCOMPARE(loaded.rows, std::size_t(source->shape[0]));
            QCOMPARE(loaded.columns, std::size_t(source->shape[1]));
            qInfo("f01 %s: %zu × %zu, metadata rows %zu %s", name, loaded.rows, loaded.columns,
                loaded.metadata.rows.size(), loaded.warning.c_str());
        }
        // f03 is a Keras checkpoint in two shards, named in the config by its object path.
        // Its runs train/ and validation/ see the root's checkpoint too (TensorBoard looks in
        // a run folder's parent); each variable is listed once, for the root that names it.
        const fs::path f03Root
            = fs::canonical(*corpus / "f03_tf2_keras_embeddings_freq_projector" / "log");
        const std::vector<ProjectorRunDirectory> f03Runs {
            {"train", f03Root / "train"}, {"validation", f03Root / "validation"}};
        const ProjectorDiscovery f03 = discoverProjectorEmbeddings(
            f03Runs, std::vector<std::pair<std::string, fs::path>> {{"", f03Root}});
        const ProjectorEmbeddingSource* keras
            = named(f03, "layer_with_weights-0/embeddings/.ATTRIBUTES/VARIABLE_VALUE");
        QVERIFY(keras);
        QCOMPARE(keras->run, std::string("."));
        QCOMPARE(keras->metadataPath, f03Root / "word.tsv");
        const auto copies = std::count_if(f03.embeddings.begin(), f03.embeddings.end(),
            [keras](const auto& source) { return source.name == keras->name; });
        QCOMPARE(copies, std::ptrdiff_t(1));
        const LoadedEmbedding kerasLoaded = loadEmbedding(*keras);
        QVERIFY2(kerasLoaded.error.empty(), kerasLoaded.error.c_str());
        QVERIFY(kerasLoaded.rows > 0);
        // Every listed checkpoint variable is a candidate: no optimizer slots.
        for (const auto& source : f03.embeddings)
            QVERIFY2(source.name.find(".OPTIMIZER_SLOT") == std::string::npos, source.name.c_str());
    }

    // A log directory opened through a symbolic link: a checkpoint found in a run's parent
    // folder is named under the path the user opened, not where the link points (the same
    // folder over SSH, where nothing is resolved, then reads the same).
    void checkpointInTheParentKeepsTheOpenedPath()
    {
        const auto corpus = lantern::test::corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(lantern::test::corpusMissingMessage()));
        QTemporaryDir temporary;
        const fs::path linked = pathFromText(temporary.path().toStdString()) / "linked";
        fs::create_directory_symlink(
            fs::absolute(*corpus / "f07_tf2_ckpt_projector_backslash_path"), linked);
        const std::vector<ProjectorRunDirectory> runs {{"logs/train", linked / "logs" / "train"}};
        const ProjectorDiscovery found = discoverProjectorEmbeddings(runs, Logdirs {{"", linked}});
        QVERIFY(!found.embeddings.empty());
        for (const auto& source : found.embeddings) {
            if (source.checkpointPrefix.empty())
                continue;
            QCOMPARE(pathText(source.checkpointPrefix),
                pathText(linked / "logs" / "embedding.ckpt-1"));
        }
    }
};

LANTERN_TEST_GUILESS_MAIN(TestProjectorDiscovery)
#include "test_projector_discovery.moc"
