// Projector folders as users have them: every projector case of the corpus found (as the app
// does, with the loader's runs and the logdir's root) and loaded with its true shape; broken
// paths and checkpoints recovered where the file is beside the config and reported, with what
// was tried, where it is not; and each kind of bad file reported with everything else loaded.

#include "core/io/path_text.h"
#include "core/load/logdir_loader.h"
#include "core/projector/embedding_summary.h"
#include "core/projector/embedding_tensor.h"
#include "core/projector/image_header.h"
#include "core/projector/projector_discovery.h"
#include "tests/support/checkpoint_writer.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <tuple>

using namespace lantern::core;
using lantern::test::floatBytes;
using lantern::test::V1Slice;
using lantern::test::writeBytes;
using lantern::test::writeCheckpoint;
namespace fs = std::filesystem;

namespace {

// Discovery as the app runs it: the loader's runs, and the log directory as run ".".
struct Found {
    std::size_t runs = 0;
    ProjectorDiscovery discovery;
};

Found discover(const fs::path& logdir)
{
    LogdirLoader loader({LogdirSpec {"", logdir}});
    loader.reload();
    Found found;
    std::vector<ProjectorRunDirectory> runs;
    for (const RunData* run : loader.runs())
        runs.push_back({run->name, run->directory});
    found.runs = runs.size();
    const std::vector<std::pair<std::string, fs::path>> logdirs {{"", logdir}};
    found.discovery = discoverProjectorEmbeddings(runs, logdirs);
    return found;
}

const ProjectorEmbeddingSource* named(const ProjectorDiscovery& found, const std::string& name)
{
    for (const auto& source : found.embeddings)
        if (source.name == name)
            return &source;
    return nullptr;
}

bool mentions(const std::vector<std::string>& texts, const std::string& part)
{
    return std::any_of(texts.begin(), texts.end(),
        [&](const std::string& text) { return text.find(part) != std::string::npos; });
}

std::string joined(const std::vector<std::string>& texts)
{
    std::string out;
    for (const std::string& text : texts)
        out += text + "\n";
    return out;
}

// A 24-byte PNG header of the given size (enough for the size; not a decodable image).
std::string pngHeader(std::uint32_t width, std::uint32_t height)
{
    std::string bytes("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
    for (const std::uint32_t value : {width, height})
        for (int shift = 24; shift >= 0; shift -= 8)
            bytes += char((value >> shift) & 0xFF);
    return bytes;
}

struct CorpusCase {
    const char* path; // the log directory, inside the corpus
    const char* run;
    const char* name;
    std::size_t rows;
    std::size_t columns;
    std::size_t metadataRows; // after fitting to the points; 0 when none
};

} // namespace

class TestProjectorRecovery : public QObject {
    Q_OBJECT
private slots:
    void everyCorpusProjectorCaseLoads()
    {
        const auto corpus = lantern::test::corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(lantern::test::corpusMissingMessage()));
        // The truth, from the files: tensors.tsv lines × tabs, checkpoint index shapes.
        const CorpusCase cases[] = {
            {"c01_torch_tutorial_images_graph_embedding/runs", "fashion_mnist_experiment_1",
                "default:00000", 100, 784, 100},
            {"c03_torch_add_scalars_subdirs_embedding/only_funcs", ".", "default:00000", 100, 5,
                100},
            {"c05_torch_embeddings_two_tags/runs", ".", "person_embeddings_LSTM:00000", 294, 22,
                294},
            {"c05_torch_embeddings_two_tags/runs", ".", "window_embeddings_LSTM:00000", 294, 22,
                294},
            {"c06_torch_embedding_sprite_no_metadata/runs", ".", "default:00000", 500, 32, 0},
            {"f01_tf1_saver_projector_3emb_plus_tf2_scalars/logs", ".", "embed0", 10000, 16, 10000},
            {"f01_tf1_saver_projector_3emb_plus_tf2_scalars/logs", ".", "embed2", 10000, 16, 10000},
            {"f03_tf2_keras_embeddings_freq_projector/log", ".",
                "layer_with_weights-0/embeddings/.ATTRIBUTES/VARIABLE_VALUE", 10000, 16, 10000},
            {"f04_tf1_projector_sprite_checkpoint_minimal/minimalsample", ".", "mnistembedding",
                500, 784, 500},
            {"f07_tf2_ckpt_projector_backslash_path/logs", ".",
                "embedding/.ATTRIBUTES/VARIABLE_VALUE", 162, 16, 162},
        };
        for (const CorpusCase& expected : cases) {
            const Found found = discover(*corpus / expected.path);
            const ProjectorEmbeddingSource* source = named(found.discovery, expected.name);
            QVERIFY2(source, (std::string(expected.path) + " " + expected.name).c_str());
            QCOMPARE(source->run, std::string(expected.run));
            const LoadedEmbedding loaded = loadEmbedding(*source);
            QVERIFY2(loaded.error.empty(), loaded.error.c_str());
            QCOMPARE(loaded.rows, expected.rows);
            QCOMPARE(loaded.columns, expected.columns);
            QCOMPARE(loaded.values.size(), expected.rows * expected.columns);
            QCOMPARE(loaded.metadata.rows.size(), expected.metadataRows);
            // inspect's shape, found without the values, is the same.
            const EmbeddingSummary summary = summarizeEmbedding(*source);
            QCOMPARE(summary.rows, expected.rows);
            QCOMPARE(summary.columns, expected.columns);
        }
    }

    void corpusF04HasNoEventFilesAndItsSpriteIsFound()
    {
        const auto corpus = lantern::test::corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(lantern::test::corpusMissingMessage()));
        const Found f04
            = discover(*corpus / "f04_tf1_projector_sprite_checkpoint_minimal" / "minimalsample");
        QCOMPARE(f04.runs, std::size_t(0)); // no event files at all
        QCOMPARE(f04.discovery.embeddings.size(), std::size_t(1));
        const ProjectorEmbeddingSource& source = f04.discovery.embeddings[0];
        QVERIFY2(source.problems.empty(), joined(source.problems).c_str());
        // Written as "minimalsample/mnistdigits.png" from the folder above: found beside it.
        QCOMPARE(pathText(source.spritePath.filename()), std::string("mnistdigits.png"));
        QCOMPARE(source.spriteImageSize,
            std::optional(std::pair<std::uint32_t, std::uint32_t>(644, 644)));
        const LoadedEmbedding loaded = loadEmbedding(source);
        QVERIFY2(loaded.warning.empty(), loaded.warning.c_str()); // 23 × 23 tiles for 500 points
        QCOMPARE(loaded.metadata.columns.size(), std::size_t(2));
    }

    void corpusF06AndF07BrokenPaths()
    {
        const auto corpus = lantern::test::corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(lantern::test::corpusMissingMessage()));
        // f06: the `checkpoint` file names "/content/logs/2019-05-24 21:06:53/…-75" from Colab;
        // the index beside it is used, and its missing data shard is named, nothing else lost.
        const fs::path f06Run = *corpus / "f06_tf1_keras_embeddings_callback_broken_paths" / "logs"
            / "2019-05-24 21_06_53";
        const Found f06 = discover(f06Run.parent_path());
        const ProjectorEmbeddingSource* fc2 = named(f06.discovery, "fc2_embedding");
        QVERIFY(fc2);
        QCOMPARE(fc2->checkpointPrefix, f06Run / "keras_embedding.ckpt-75");
        QCOMPARE(fc2->shape, (std::vector<std::uint32_t> {400, 4096}));
        // (compared as files: the corpus path may hold "..", the found one not)
        QVERIFY(!fc2->metadataPath.empty());
        QVERIFY(fs::equivalent(fc2->metadataPath, f06Run / "metadata.tsv"));
        QCOMPARE(fc2->problems.size(), std::size_t(1));
        const std::string shard = pathText(f06Run / "keras_embedding.ckpt-75.data-00000-of-00001");
        QVERIFY2(fc2->problems[0].find(shard + " holding \"fc2_embedding\" is missing")
                != std::string::npos,
            fc2->problems[0].c_str());
        QVERIFY(fc2->problems[0].starts_with(
            "run \"2019-05-24 21_06_53\", embedding \"fc2_embedding\""));
        QVERIFY(mentions(f06.discovery.problems, shard));
        const LoadedEmbedding f06Loaded = loadEmbedding(*fc2);
        QVERIFY(f06Loaded.error.find(shard) != std::string::npos);
        QVERIFY(f06Loaded.warning.find(shard) == std::string::npos); // said once
        QCOMPARE(summarizeEmbedding(*fc2).rows, std::size_t(400)); // the index still gives it

        // f07: metadata_path "logs\\metadata.tsv", written from the folder above: found beside.
        const fs::path f07 = *corpus / "f07_tf2_ckpt_projector_backslash_path" / "logs";
        const Found found07 = discover(f07);
        QVERIFY2(found07.discovery.problems.empty(), joined(found07.discovery.problems).c_str());
        const fs::path f07Metadata = found07.discovery.embeddings.at(0).metadataPath;
        QVERIFY(!f07Metadata.empty());
        QVERIFY(fs::equivalent(f07Metadata, f07 / "metadata.tsv"));

        // The same folders without the files beside their configs: reported, with each place
        // tried, and the rest still there.
        QTemporaryDir temp;
        const fs::path copy = pathFromText(temp.path().toStdString());
        fs::create_directories(copy / "logs");
        for (const char* file : {"projector_config.pbtxt", "checkpoint", "embedding.ckpt-1.index",
                 "embedding.ckpt-1.data-00000-of-00001"})
            fs::copy_file(f07 / file, copy / "logs" / file);
        const Found broken07 = discover(copy / "logs");
        QCOMPARE(broken07.discovery.embeddings.size(), std::size_t(1));
        const ProjectorEmbeddingSource& source = broken07.discovery.embeddings[0];
        QVERIFY(source.metadataPath.empty());
        QCOMPARE(source.problems.size(), std::size_t(1));
        const std::string& problem = source.problems[0];
        QVERIFY2(problem.find("metadata_path \"logs\\metadata.tsv\" names no file here; tried: ")
                != std::string::npos,
            problem.c_str());
        for (const fs::path& tried :
            {copy / "logs" / "logs" / "metadata.tsv", copy / "logs" / "metadata.tsv"})
            QVERIFY2(problem.find(pathText(tried)) != std::string::npos, problem.c_str());
        QVERIFY(
            problem.find(pathText(copy / "logs" / "projector_config.pbtxt")) != std::string::npos);
        const LoadedEmbedding loaded = loadEmbedding(source);
        QVERIFY2(loaded.error.empty(), loaded.error.c_str());
        QCOMPARE(loaded.rows, std::size_t(162));
        QVERIFY(loaded.warning.find(problem) != std::string::npos);
    }

    void noStateFileOrAMovedCheckpointUsesTheNewestIndex()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        // A TF1 Saver folder without its `checkpoint` file.
        QVERIFY(writeCheckpoint(
            root / "model.ckpt-5", {{"old", {1, {2, 2}, floatBytes({1, 2, 3, 4})}}}));
        QVERIFY(writeCheckpoint(
            root / "model.ckpt-10", {{"emb", {1, {3, 2}, floatBytes({1, 2, 3, 4, 5, 6})}}}));
        writeBytes(root / "projector_config.pbtxt", "embeddings { tensor_name: \"emb:0\" }");
        ProjectorDiscovery found = discoverProjectorEmbeddings(
            {}, std::vector<std::pair<std::string, fs::path>> {{"", root}});
        QVERIFY2(found.problems.empty(), joined(found.problems).c_str());
        QCOMPARE(found.embeddings.size(), std::size_t(1));
        QCOMPARE(found.embeddings[0].checkpointPrefix, root / "model.ckpt-10");
        QCOMPARE(
            loadEmbedding(found.embeddings[0]).values, (std::vector<float> {1, 2, 3, 4, 5, 6}));

        // model_checkpoint_path from another machine: its file name beside the config.
        writeBytes(root / "projector_config.pbtxt",
            "model_checkpoint_path: \"E:\\\\train\\\\model.ckpt-5\"\nembeddings { tensor_name: "
            "\"old\" }");
        found = discoverProjectorEmbeddings(
            {}, std::vector<std::pair<std::string, fs::path>> {{"", root}});
        QVERIFY2(found.problems.empty(), joined(found.problems).c_str());
        QCOMPARE(named(found, "old")->checkpointPrefix, root / "model.ckpt-5");
        // One that names nothing here at all: the newest index, no problem since it is found.
        writeBytes(root / "projector_config.pbtxt",
            "model_checkpoint_path: \"/gone/run/ckpt-99\"\nembeddings { tensor_name: \"emb\" }");
        found = discoverProjectorEmbeddings(
            {}, std::vector<std::pair<std::string, fs::path>> {{"", root}});
        QVERIFY2(found.problems.empty(), joined(found.problems).c_str());
        QCOMPARE(named(found, "emb")->checkpointPrefix, root / "model.ckpt-10");
        // One that names a folder: that folder's latest checkpoint.
        QVERIFY(
            writeCheckpoint(root / "saved" / "ckpt-2", {{"emb", {1, {1, 2}, floatBytes({7, 8})}}}));
        writeBytes(root / "projector_config.pbtxt",
            "model_checkpoint_path: \"saved\"\nembeddings { tensor_name: \"emb\" }");
        found = discoverProjectorEmbeddings(
            {}, std::vector<std::pair<std::string, fs::path>> {{"", root}});
        QVERIFY2(found.problems.empty(), joined(found.problems).c_str());
        QCOMPARE(named(found, "emb")->checkpointPrefix, root / "saved" / "ckpt-2");
        fs::remove_all(root / "saved");
        writeBytes(root / "projector_config.pbtxt",
            "model_checkpoint_path: \"/gone/run/ckpt-99\"\nembeddings { tensor_name: \"emb\" }");
        // No checkpoint anywhere: the embedding is listed with a problem saying where we looked.
        fs::remove(root / "model.ckpt-5.index");
        fs::remove(root / "model.ckpt-10.index");
        found = discoverProjectorEmbeddings(
            {}, std::vector<std::pair<std::string, fs::path>> {{"", root}});
        QCOMPARE(found.embeddings.size(), std::size_t(1));
        QVERIFY(
            mentions(found.embeddings[0].problems, "model_checkpoint_path \"/gone/run/ckpt-99\""));
        QVERIFY(mentions(found.embeddings[0].problems, "no *.index in " + pathText(root)));
        QCOMPARE(found.problems, found.embeddings[0].problems); // said once, by the embedding
        QVERIFY(!loadEmbedding(found.embeddings[0]).error.empty());
    }

    void aConfigWithoutEmbeddingsOffersFloatMatricesButNoOptimizerSlots()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        const std::string twelve = floatBytes(std::vector<float>(12, 0.5f));
        QVERIFY(writeCheckpoint(root / "ckpt-1",
            {{"embedding", {1, {4, 3}, twelve}}, {"embedding/Adam", {1, {4, 3}, twelve}},
                {"embedding/Adam_1", {1, {4, 3}, twelve}},
                {"dense/kernel/.OPTIMIZER_SLOT/optimizer/m/.ATTRIBUTES/VARIABLE_VALUE",
                    {1, {4, 3}, twelve}},
                {"optimizer/_variables/1/.ATTRIBUTES/VARIABLE_VALUE", {1, {4, 3}, twelve}},
                {"ids", {3, {4, 3}, std::string(48, '\0')}}, // int32: not an embedding
                {"global_step", {9, {}, std::string(8, '\0')}}}));
        writeBytes(root / "projector_config.pbtxt", "embeddings { metadata_path: \"labels.tsv\" }");
        writeBytes(root / "labels.tsv", "a\nb\nc\nd\n");
        const ProjectorDiscovery found = discoverProjectorEmbeddings(
            {}, std::vector<std::pair<std::string, fs::path>> {{"", root}});
        QVERIFY2(found.problems.empty(), joined(found.problems).c_str());
        QCOMPARE(found.embeddings.size(), std::size_t(1));
        QCOMPARE(found.embeddings[0].name, std::string("embedding"));
        // The nameless embedding is the template: its metadata applies.
        const LoadedEmbedding loaded = loadEmbedding(found.embeddings[0]);
        QCOMPARE(loaded.metadata.rows.size(), std::size_t(4));
        QVERIFY2(loaded.warning.empty(), loaded.warning.c_str());
    }

    void badFilesAreReportedAndTheRestLoads()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        QVERIFY(
            writeCheckpoint(root / "ckpt-1", {{"good", {1, {2, 2}, floatBytes({1, 2, 3, 4})}}}));
        writeBytes(root / "ragged.tsv", "1\t2\n3\n");
        writeBytes(root / "words.tsv", "1\t2\nx\ty\n");
        writeBytes(root / "fine.tsv", "1\t2\n3\t4\n5\t6\n");
        writeBytes(root / "notimage.png", "this is text");
        writeBytes(root / "small.png", pngHeader(20, 20));
        writeBytes(root / "few.png", pngHeader(20, 10)); // two 10×10 tiles
        writeBytes(root / "marks.json", "[{\"label\": \"a\"}, {\"label\": \"b\"}]");
        writeBytes(root / "projector_config.pbtxt", R"(
            embeddings { tensor_name: "good" }
            embeddings { tensor_name: "ragged" tensor_path: "ragged.tsv" }
            embeddings { tensor_name: "words" tensor_path: "words.tsv" }
            embeddings { tensor_name: "absent" tensor_path: "old/absent.tsv" }
            embeddings { tensor_name: "fine" tensor_path: "fine.tsv" metadata_path: "none.tsv"
                         bookmarks_path: "marks.json"
                         sprite { image_path: "few.png" single_image_dim: 10 single_image_dim: 10 } }
            embeddings { tensor_name: "fine2" tensor_path: "fine.tsv"
                         sprite { image_path: "notimage.png" single_image_dim: 10 single_image_dim: 10 } }
            embeddings { tensor_name: "fine3" tensor_path: "fine.tsv"
                         sprite { image_path: "small.png" single_image_dim: 32 single_image_dim: 32 } }
            embeddings { tensor_name: "notthere" }
        )");
        const ProjectorDiscovery found = discoverProjectorEmbeddings(
            {}, std::vector<std::pair<std::string, fs::path>> {{"", root}});
        QCOMPARE(found.embeddings.size(), std::size_t(8)); // every one listed, good or not

        QCOMPARE(loadEmbedding(*named(found, "good")).values, (std::vector<float> {1, 2, 3, 4}));
        const LoadedEmbedding ragged = loadEmbedding(*named(found, "ragged"));
        QVERIFY2(
            ragged.error.find("line 2 has 1 values, the lines before it 2") != std::string::npos,
            ragged.error.c_str());
        QVERIFY(ragged.error.find(pathText(root / "ragged.tsv")) != std::string::npos);
        QVERIFY(
            mentions(summarizeEmbedding(*named(found, "ragged")).problems, "line 2 has 1 values"));
        const LoadedEmbedding words = loadEmbedding(*named(found, "words"));
        QVERIFY2(words.error.find("line 2: \"x\" is not a number") != std::string::npos,
            words.error.c_str());

        const ProjectorEmbeddingSource& absent = *named(found, "absent");
        QVERIFY(absent.tensorPath.empty() && absent.checkpointPrefix.empty());
        const LoadedEmbedding absentLoaded = loadEmbedding(absent);
        QVERIFY2(
            absentLoaded.error.find("tensor_path \"old/absent.tsv\" names no file here; tried: "
                + pathText(root / "old" / "absent.tsv"))
                != std::string::npos,
            absentLoaded.error.c_str());

        const ProjectorEmbeddingSource& fine = *named(found, "fine");
        QVERIFY(mentions(fine.problems, "metadata_path \"none.tsv\" names no file here"));
        const LoadedEmbedding fineLoaded = loadEmbedding(fine);
        QCOMPARE(fineLoaded.rows, std::size_t(3));
        QCOMPARE(fineLoaded.bookmarksJson, lantern::test::readBytes(root / "marks.json"));
        QVERIFY2(fineLoaded.warning.find("2 tiles of 10×10 for 3 points") != std::string::npos,
            fineLoaded.warning.c_str());
        QCOMPARE(summarizeEmbedding(fine).bookmarks, std::optional<std::size_t>(2));
        QVERIFY(mentions(named(found, "fine2")->problems, "notimage.png is not an image"));
        QVERIFY(loadEmbedding(*named(found, "fine2")).error.empty());
        QVERIFY2(loadEmbedding(*named(found, "fine3")).warning.find("smaller than one 32×32 tile")
                != std::string::npos,
            loadEmbedding(*named(found, "fine3")).warning.c_str());
        QVERIFY(mentions(named(found, "notthere")->problems,
            "tensor_name \"notthere\" is not a variable of the checkpoint"));
        // Every problem of an embedding names it and its config.
        for (const ProjectorEmbeddingSource& source : found.embeddings)
            for (const std::string& problem : source.problems)
                QVERIFY2(problem.starts_with(describeEmbedding(source) + ": "), problem.c_str());
        QVERIFY(describeEmbedding(fine).find(pathText(root / "projector_config.pbtxt"))
            != std::string::npos);
    }

    void v1CheckpointFoldersOfferTheirMatrices()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        // A sharded V1 Saver's folder, its `checkpoint` file written on another machine.
        QVERIFY(lantern::test::writeV1Checkpoint(root / "model.ckpt-30-00000-of-00001",
            {{"emb", {1, {3, 2}, {V1Slice {{0, 0}, {-1, -1}, {1, 2, 3, 4, 5, 6}}}}},
                {"emb/Momentum", {1, {3, 2}, {V1Slice {{0, 0}, {-1, -1}, {0, 0, 0, 0, 0, 0}}}}},
                {"global_step", {9, {}, {V1Slice {{}, {}, {30}}}}}}));
        const std::string pattern = "model.ckpt-30-" + std::string(5, '?') + "-of-00001";
        writeBytes(root / "checkpoint", "model_checkpoint_path: \"/old/place/" + pattern + "\"\n");
        writeBytes(root / "labels.tsv", "a\nb\nc\n");
        writeBytes(root / "projector_config.pbtxt",
            "embeddings { tensor_name: \"emb:0\" metadata_path: \"labels.tsv\" }");
        Found found = discover(root);
        QCOMPARE(found.discovery.embeddings.size(), std::size_t(1)); // not the slot, not the step
        const ProjectorEmbeddingSource& emb = found.discovery.embeddings[0];
        QVERIFY2(emb.problems.empty(), joined(emb.problems).c_str());
        QCOMPARE(emb.checkpointPrefix, root / pattern);
        QCOMPARE(emb.checkpointVariable, std::string("emb"));
        QCOMPARE(emb.shape, (std::vector<std::uint32_t> {3, 2}));
        const LoadedEmbedding loaded = loadEmbedding(emb);
        QVERIFY2(loaded.error.empty(), loaded.error.c_str());
        QCOMPARE(loaded.values, (std::vector<float> {1, 2, 3, 4, 5, 6}));
        QCOMPARE(loaded.metadata.rows.size(), std::size_t(3));
        const EmbeddingSummary summary = summarizeEmbedding(emb);
        QCOMPARE(summary.origin, TensorOrigin::Checkpoint);
        QCOMPARE(summary.rows, std::size_t(3));

        // No state file, and a config naming the pattern itself: found all the same.
        fs::remove(root / "checkpoint");
        writeBytes(root / "projector_config.pbtxt",
            "model_checkpoint_path: \"" + pattern + "\"\nembeddings { tensor_name: \"emb\" }");
        found = discover(root);
        QCOMPARE(found.discovery.embeddings.size(), std::size_t(1));
        QCOMPARE(found.discovery.embeddings[0].checkpointPrefix, root / pattern);
        QCOMPARE(loadEmbedding(found.discovery.embeddings[0]).rows, std::size_t(3));

        // A slice lost: the variable is offered with a problem that says so.
        QVERIFY(lantern::test::writeV1Checkpoint(root / "model.ckpt-30-00000-of-00001",
            {{"emb", {1, {3, 2}, {V1Slice {{0, 0}, {2, -1}, {1, 2, 3, 4}}}}}}));
        found = discover(root);
        QVERIFY2(mentions(found.discovery.embeddings.at(0).problems,
                     "the slices of \"emb\" cover 4 of its 6 values"),
            joined(found.discovery.embeddings[0].problems).c_str());
        QVERIFY(!loadEmbedding(found.discovery.embeddings[0]).error.empty());
    }

    void corpusA03V1CheckpointOffersItsMatrices()
    {
        const auto corpus = lantern::test::corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(lantern::test::corpusMissingMessage()));
        const fs::path dir = *corpus / "a03_tf0x_2016_functionaltest_train_eval" / "tensorboard"
            / "functionaltests" / "testdata";
        const Found found = discover(dir);
        QVERIFY(found.runs >= 1); // it has event files too
        const ProjectorEmbeddingSource* weights = named(found.discovery, "linear/language/weights");
        QVERIFY2(weights, joined(found.discovery.problems).c_str());
        QCOMPARE(pathText(weights->checkpointPrefix.filename()),
            "model.ckpt-3000-" + std::string(5, '?') + "-of-00001");
        QCOMPARE(weights->shape, (std::vector<std::uint32_t> {100, 1}));
        QVERIFY(!named(found.discovery, "linear/language/weights/Ftrl")); // an optimizer slot
        const LoadedEmbedding loaded = loadEmbedding(*weights);
        QVERIFY2(loaded.error.empty(), loaded.error.c_str());
        QCOMPARE(loaded.rows, std::size_t(100));
        QCOMPARE(loaded.columns, std::size_t(1));
    }

    void aSpriteAtlasPastTensorBoardsLimitIsRefused()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        writeBytes(root / "t.tsv", "1\t2\n3\t4\n");
        writeBytes(root / "wide.png", pngHeader(8193, 64));
        writeBytes(root / "tall.png", pngHeader(32, 9000));
        writeBytes(root / "limit.png", pngHeader(8192, 8192));
        writeBytes(root / "projector_config.pbtxt", R"(
            embeddings { tensor_name: "wide" tensor_path: "t.tsv"
                         sprite { image_path: "wide.png" single_image_dim: 32 single_image_dim: 32 } }
            embeddings { tensor_name: "tall" tensor_path: "t.tsv"
                         sprite { image_path: "tall.png" single_image_dim: 32 single_image_dim: 32 } }
            embeddings { tensor_name: "limit" tensor_path: "t.tsv"
                         sprite { image_path: "limit.png" single_image_dim: 32 single_image_dim: 32 } }
        )");
        const ProjectorDiscovery found = discoverProjectorEmbeddings(
            {}, std::vector<std::pair<std::string, fs::path>> {{"", root}});
        for (const auto& [name, file, size] :
            {std::tuple {"wide", "wide.png", "8193×64"}, {"tall", "tall.png", "32×9000"}}) {
            const ProjectorEmbeddingSource& source = *named(found, name);
            const std::string expected = "the sprite " + pathText(root / file) + " is " + size
                + " px, larger than the 8192×8192 px TensorBoard accepts";
            QVERIFY2(mentions(source.problems, expected), joined(source.problems).c_str());
            QVERIFY(mentions(found.problems, expected));
            QVERIFY(source.spritePath.empty()); // the UI never decodes it
            const LoadedEmbedding loaded = loadEmbedding(source);
            QVERIFY2(loaded.error.empty(), loaded.error.c_str());
            QCOMPARE(loaded.values, (std::vector<float> {1, 2, 3, 4}));
            QVERIFY(loaded.warning.find(expected) != std::string::npos);
        }
        // 8192 × 8192 itself is accepted.
        const ProjectorEmbeddingSource& limit = *named(found, "limit");
        QVERIFY2(limit.problems.empty(), joined(limit.problems).c_str());
        QCOMPARE(limit.spritePath, root / "limit.png");
    }

    void damagedCheckpointsAndConfigsLoseNothingElse()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        QVERIFY(writeCheckpoint(root / "ckpt-1", {{"w", {1, {2, 2}, floatBytes({1, 2, 3, 4})}}}));
        writeBytes(root / "t.tsv", "1\t2\n");
        writeBytes(root / "projector_config.pbtxt",
            "embeddings { tensor_name: \"w\" }\nembeddings { tensor_name: \"t\" tensor_path: "
            "\"t.tsv\" }");
        const std::vector<std::pair<std::string, fs::path>> logdirs {{"", root}};

        // A truncated index: named, and the TSV embedding still loads.
        const std::string index = lantern::test::readBytes(root / "ckpt-1.index");
        writeBytes(root / "ckpt-1.index", index.substr(0, index.size() / 2));
        ProjectorDiscovery found = discoverProjectorEmbeddings({}, logdirs);
        QVERIFY(mentions(found.problems, pathText(root / "ckpt-1") + ".index cannot be read"));
        QVERIFY(mentions(named(found, "w")->problems, ".index cannot be read"));
        QCOMPARE(loadEmbedding(*named(found, "t")).rows, std::size_t(1));

        // A shard cut short: named at discovery, with its size and what it lacks.
        writeBytes(root / "ckpt-1.index", index);
        writeBytes(root / "ckpt-1.data-00000-of-00001", std::string(10, '\0'));
        found = discoverProjectorEmbeddings({}, logdirs);
        QVERIFY2(mentions(named(found, "w")->problems, "is 10 bytes, too short for \"w\""),
            joined(named(found, "w")->problems).c_str());
        QCOMPARE(loadEmbedding(*named(found, "t")).rows, std::size_t(1));

        // A config that is not text format: named with the line, and the checkpoint's variables
        // are still offered.
        writeBytes(root / "ckpt-1.data-00000-of-00001", floatBytes({1, 2, 3, 4}));
        writeBytes(root / "projector_config.pbtxt", "embeddings {\n  tensor_name: \"w\"\n  oops\n");
        found = discoverProjectorEmbeddings({}, logdirs);
        QVERIFY2(mentions(found.problems,
                     pathText(root / "projector_config.pbtxt")
                         + " is not a valid text-format projector config: line "),
            joined(found.problems).c_str());
        QVERIFY(named(found, "w"));
        QCOMPARE(loadEmbedding(*named(found, "w")).values, (std::vector<float> {1, 2, 3, 4}));
    }

    void oversizedBookmarksAreSkippedWithAWarning()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        writeBytes(root / "t.tsv", "1\t2\n");
        writeBytes(root / "marks.json", std::string(std::size_t(kMaxBookmarksBytes) + 1, ' '));
        writeBytes(root / "projector_config.pbtxt",
            "embeddings { tensor_path: \"t.tsv\" bookmarks_path: \"marks.json\" }");
        const ProjectorDiscovery found = discoverProjectorEmbeddings(
            {}, std::vector<std::pair<std::string, fs::path>> {{"", root}});
        QCOMPARE(found.embeddings.at(0).bookmarksPath, root / "marks.json");
        const LoadedEmbedding loaded = loadEmbedding(found.embeddings[0]);
        QVERIFY(loaded.bookmarksJson.empty());
        QVERIFY2(loaded.warning.find("marks.json is 16 MiB, more than the 16 MiB read for it")
                != std::string::npos,
            loaded.warning.c_str());
        QCOMPARE(loaded.rows, std::size_t(1));
    }

    void measuringAgreesWithParsing()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        // Lines crossing the 1 MiB pieces the measure reads in, CRLF endings, blank lines.
        std::string big;
        while (big.size() < (std::size_t(5) << 19))
            big += "0.25\t-1e3\t+7\r\n\n";
        const std::vector<std::string> inputs {"1\t2\n3\t4", "1\t2\n3\n", "1\tx\n", "", "\n\n", big,
            big + "1\t2\n", std::string("\xff\x00\x00\x80\0\0\0\0", 8)};
        const std::uint32_t shape[] = {2, 1};
        for (std::size_t i = 0; i < inputs.size(); ++i) {
            const fs::path file = root / "tensor" / std::to_string(i);
            writeBytes(file, inputs[i]);
            const EmbeddingTensor parsed = parseEmbeddingTensor(inputs[i], shape);
            const EmbeddingTensorShape measured = measureEmbeddingTensorFile(file, shape);
            QVERIFY2(measured.error == parsed.error,
                (std::to_string(i) + ": " + measured.error + " / " + parsed.error).c_str());
            QCOMPARE(measured.rows, parsed.rows);
            QCOMPARE(measured.columns, parsed.columns);
        }
    }

    void imageHeadersGiveTheirSize()
    {
        const ImageHeader png = parseImageHeader(pngHeader(644, 300));
        QCOMPARE(png.format, ImageFormat::Png);
        QCOMPARE(png.width, std::optional<std::uint32_t>(644));
        QCOMPARE(png.height, std::optional<std::uint32_t>(300));
        // JPEG: an APP0 segment, then a baseline frame header of 40 × 30.
        const std::string jpeg(
            "\xFF\xD8\xFF\xE0\x00\x04JF\xFF\xC0\x00\x11\x08\x00\x1E\x00\x28\x03", 19);
        const ImageHeader jpegHeader = parseImageHeader(jpeg);
        QCOMPARE(jpegHeader.format, ImageFormat::Jpeg);
        QCOMPARE(jpegHeader.width, std::optional<std::uint32_t>(40));
        QCOMPARE(jpegHeader.height, std::optional<std::uint32_t>(30));
        const ImageHeader gif = parseImageHeader(std::string("GIF89a\x10\x00\x08\x00", 10));
        QCOMPARE(gif.width, std::optional<std::uint32_t>(16));
        QCOMPARE(gif.height, std::optional<std::uint32_t>(8));
        QCOMPARE(parseImageHeader("hello").format, ImageFormat::Unknown);
        QVERIFY(!parseImageHeader(std::string("\xFF\xD8\xFF\xE0\xFF\xFF", 6)).width); // cut short
    }
};

LANTERN_TEST_GUILESS_MAIN(TestProjectorRecovery)
#include "test_projector_recovery.moc"
