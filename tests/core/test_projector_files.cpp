// The projector's files: the text-format config, metadata TSVs and embedding tensors, from
// hand-written fixtures, from our demo, and from every config in the corpus.

#include "core/demo/demo_logdir.h"
#include "core/io/path_text.h"
#include "core/projector/embedding_tensor.h"
#include "core/projector/metadata_table.h"
#include "core/projector/projector_config.h"
#include "core/projector/projector_paths.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <fstream>

using namespace lantern::core;
namespace fs = std::filesystem;

class TestProjectorFiles : public QObject {
    Q_OBJECT
private slots:
    void configFieldsAreRead()
    {
        const auto parsed = parseProjectorConfig(R"(
            model_checkpoint_path: "model.ckpt-10"
            embeddings {
              tensor_name: "embedding/kernel:0"
              metadata_path: "meta.tsv"
              bookmarks_path: "marks.json"
              sprite { image_path: "sprite.png" single_image_dim: 28 single_image_dim: 30 }
              future_field: 3
            }
            embeddings { tensor_path: "sub/vectors.tsv" tensor_shape: 100 tensor_shape: 8 })");
        QVERIFY2(parsed.config.has_value(), parsed.error.c_str());
        const ProjectorConfig& config = *parsed.config;
        QCOMPARE(config.modelCheckpointPath, std::string("model.ckpt-10"));
        QCOMPARE(config.embeddings.size(), std::size_t(2));
        const ProjectorEmbedding& first = config.embeddings[0];
        QCOMPARE(first.tensorName, std::string("embedding/kernel")); // ":0" dropped
        QCOMPARE(first.metadataPath, std::string("meta.tsv"));
        QCOMPARE(first.bookmarksPath, std::string("marks.json"));
        QCOMPARE(first.spritePath, std::string("sprite.png"));
        QVERIFY(first.spriteTile.has_value());
        QCOMPARE(first.spriteTile->first, 28u);
        QCOMPARE(first.spriteTile->second, 30u);
        const ProjectorEmbedding& second = config.embeddings[1];
        QCOMPARE(second.tensorName, std::string("vectors.tsv")); // named after its file
        QCOMPARE(second.tensorShape, (std::vector<std::uint32_t> {100, 8}));
        QVERIFY(!second.spriteTile.has_value());

        // A file name is kept whole, even one that looks like an output index (found by
        // fuzzing, where the check expected ":0" gone from every name).
        const auto named = parseProjectorConfig(R"(embeddings { tensor_path: "d/t.tsv:0" })");
        QVERIFY(named.config.has_value());
        QCOMPARE(named.config->embeddings.at(0).tensorName, std::string("t.tsv:0"));
        // One output index is dropped, not every ":0" (also found by fuzzing).
        const auto twice = parseProjectorConfig(R"(embeddings { tensor_name: "e:0:0" })");
        QCOMPARE(twice.config->embeddings.at(0).tensorName, std::string("e:0"));
    }

    void malformedConfigSaysWhere()
    {
        const auto parsed
            = parseProjectorConfig("embeddings {\n  tensor_name: \"a\"\n  tensor_shape: x\n}");
        QVERIFY(!parsed.config.has_value());
        QVERIFY2(parsed.error.starts_with("line 3, column "), parsed.error.c_str());
        QVERIFY(!parseProjectorConfig("embeddings { ").config.has_value());
        QVERIFY(parseProjectorConfig("").config.has_value()); // an empty config is valid
    }

    void pathsAreSearchedInOrder()
    {
        QTemporaryDir temp;
        const fs::path root = pathFromText(temp.path().toStdString());
        const fs::path logdir = root / "logdir";
        const fs::path config = logdir / "run";
        fs::create_directories(config / "sub");
        fs::create_directories(root / "elsewhere");
        lantern::test::writeBytes(config / "sub" / "meta.tsv", "a\n");
        lantern::test::writeBytes(logdir / "top.tsv", "a\n");
        lantern::test::writeBytes(config / "beside.tsv", "a\n");
        lantern::test::writeBytes(root / "elsewhere" / "x.tsv", "a\n");

        // 1. As written: relative to the config's folder, or absolute; backslashes read as '/'.
        QCOMPARE(findProjectorFile(config, logdir, "sub/meta.tsv").found,
            std::optional(config / "sub" / "meta.tsv"));
        QCOMPARE(findProjectorFile(config, logdir, "sub\\meta.tsv").found,
            std::optional(config / "sub" / "meta.tsv"));
        // Outside the config's folder is allowed: a local reader, the user's own files.
        QCOMPARE(findProjectorFile(config, logdir, pathText(root / "elsewhere" / "x.tsv")).found,
            std::optional(root / "elsewhere" / "x.tsv"));
        QCOMPARE(findProjectorFile(config, logdir, "../../elsewhere/x.tsv").found,
            std::optional(root / "elsewhere" / "x.tsv"));
        // 2. Relative to the log directory.
        QCOMPARE(
            findProjectorFile(config, logdir, "top.tsv").found, std::optional(logdir / "top.tsv"));
        // 3. The file name alone beside the config: another machine's absolute path, a Windows
        // one, or a relative path from a folder that moved.
        const auto windows = findProjectorFile(config, logdir, "E:\\work\\logs\\beside.tsv");
        QCOMPARE(windows.found, std::optional(config / "beside.tsv"));
        QCOMPARE(findProjectorFile(config, logdir, "/home/someone/logs/beside.tsv").found,
            std::optional(config / "beside.tsv"));
        QCOMPARE(findProjectorFile(config, logdir, "logs\\beside.tsv").found,
            std::optional(config / "beside.tsv"));

        // Nothing found: every candidate is listed, in order, and the message names them all.
        const auto missing = findProjectorFile(config, logdir, "old\\absent.tsv");
        QVERIFY(!missing.found);
        QCOMPARE(missing.tried,
            (std::vector<fs::path> {config / "old\\absent.tsv", config / "old" / "absent.tsv",
                logdir / "old" / "absent.tsv", config / "absent.tsv"}));
        const std::string message
            = describeMissingFile("metadata_path", "old\\absent.tsv", missing);
        for (const fs::path& tried : missing.tried)
            QVERIFY2(message.find(pathText(tried)) != std::string::npos, message.c_str());
        QVERIFY(message.starts_with("metadata_path \"old\\absent.tsv\""));

        // Only regular files: a folder, a device or a FIFO names nothing (and cannot hang us).
        QVERIFY(!findProjectorFile(config, logdir, "sub").found);
        QVERIFY(!findProjectorFile(config, logdir, "/dev/zero").found);
        QVERIFY(!findProjectorFile(config, logdir, "").found);
        QVERIFY(findProjectorFile(config, logdir, "").tried.empty());
        // "~/" is the home directory.
        const QByteArray oldHome = qgetenv("HOME");
        // The narrow form, as getenv gives it back to fs::path (the ANSI code page on Windows).
        qputenv("HOME", QByteArray::fromStdString(config.string()));
        QCOMPARE(findProjectorFile(root, {}, "~/sub/meta.tsv").found,
            std::optional(config / "sub" / "meta.tsv"));
        qputenv("HOME", oldHome);
    }

    void metadataWithHeader()
    {
        const MetadataTable table = parseMetadataTsv(
            "word\tcount\tscore\r\n\napple\t3\t0.5\nbanana\t\t-1e3\n  \ncherry\t7\tn/a\textra\n");
        QCOMPARE(table.columns.size(), std::size_t(3));
        QCOMPARE(table.columns[0].name, std::string("word"));
        QCOMPARE(table.columns[2].name, std::string("score"));
        QVERIFY(!table.columns[0].numeric);
        QVERIFY(table.columns[1].numeric); // a missing cell does not spoil a numeric column
        QVERIFY(!table.columns[2].numeric); // "n/a" does
        QCOMPARE(table.rows.size(), std::size_t(3));
        QCOMPARE(table.rows[1], (std::vector<std::string> {"banana", "", "-1e3"}));
        QCOMPARE(table.rows[2], (std::vector<std::string> {"cherry", "7", "n/a"}));
        QCOMPARE(table.overlongRows, std::size_t(1));
        // A short row's missing cells read as empty.
        const MetadataTable shortRows = parseMetadataTsv("a\tb\tc\nx\n");
        QCOMPARE(shortRows.rows[0].size(), std::size_t(1));
        QCOMPARE(shortRows.cell(0, 0), std::string_view("x"));
        QCOMPARE(shortRows.cell(0, 2), std::string_view());
    }

    void hostileMetadataStaysSmall()
    {
        // 20,000 columns and 20,000 one-cell rows from 60 KB: a full grid would be 400 million
        // empty strings.
        std::string text = "h" + std::string(20000, '\t') + "\n";
        for (int row = 0; row < 20000; ++row)
            text += "a\n";
        const MetadataTable table = parseMetadataTsv(text);
        QCOMPARE(table.columns.size(), std::size_t(20001));
        QCOMPARE(table.rows.size(), std::size_t(20000));
        QCOMPARE(table.cell(19999, 0), std::string_view("a"));
        QCOMPARE(table.cell(19999, 20000), std::string_view());
        std::size_t cells = 0;
        for (const auto& row : table.rows)
            cells += row.size();
        QCOMPARE(cells, std::size_t(20000));
    }

    void metadataWithoutHeaderIsOneLabelColumn()
    {
        const MetadataTable table = parseMetadataTsv("\n<PAD>\n12\nno person\n");
        QCOMPARE(table.columns.size(), std::size_t(1));
        QCOMPARE(table.columns[0].name, std::string("label"));
        QVERIFY(!table.columns[0].numeric);
        QCOMPARE(table.rows.size(), std::size_t(3));
        QCOMPARE(table.rows[2][0], std::string("no person"));
        const MetadataTable numbers = parseMetadataTsv("1\n2.5\n-3\n");
        QVERIFY(numbers.columns[0].numeric);
        QCOMPARE(parseMetadataTsv("").rows.size(), std::size_t(0));
    }

    void tensorFromText()
    {
        const std::uint32_t noShape[] = {0};
        const EmbeddingTensor tensor
            = parseEmbeddingTensor("1\t2.5\t-3\n\n4e-2\t 5 \t6\r\n", std::span(noShape, 0));
        QVERIFY2(tensor.error.empty(), tensor.error.c_str());
        QCOMPARE(tensor.rows, std::size_t(2));
        QCOMPARE(tensor.columns, std::size_t(3));
        QCOMPARE(tensor.values, (std::vector<float> {1, 2.5f, -3, 0.04f, 5, 6}));

        const EmbeddingTensor ragged = parseEmbeddingTensor("1\t2\n3\n", {});
        QVERIFY(ragged.values.empty());
        QVERIFY2(ragged.error.starts_with("line 2 has 1 values"), ragged.error.c_str());
        const EmbeddingTensor words = parseEmbeddingTensor("1\t2\n3\tabc\n", {});
        QVERIFY2(words.error.starts_with("line 2: \"abc\""), words.error.c_str());
        QVERIFY(!parseEmbeddingTensor("\n\n", {}).error.empty());
    }

    void tensorFromRawFloats()
    {
        const std::vector<float> values {1.5f, -2.0f, 1e-30f, 7.25f, 0.1f, 3e8f};
        std::string bytes(values.size() * sizeof(float), '\0');
        std::memcpy(bytes.data(), values.data(), bytes.size());
        bytes[3] = char(0xFF); // makes the bytes certainly not UTF-8 …
        std::vector<float> expected = values;
        std::memcpy(expected.data(), bytes.data(), sizeof(float)); // … and the first value too
        const std::uint32_t shape[] = {2, 3};
        const EmbeddingTensor tensor = parseEmbeddingTensor(bytes, shape);
        QVERIFY2(tensor.error.empty(), tensor.error.c_str());
        QCOMPARE(tensor.rows, std::size_t(2));
        QCOMPARE(tensor.columns, std::size_t(3));
        QCOMPARE(std::memcmp(tensor.values.data(), expected.data(), bytes.size()), 0);
        const std::uint32_t wrong[] = {3, 3};
        QVERIFY(!parseEmbeddingTensor(bytes, wrong).error.empty());
        QVERIFY(!parseEmbeddingTensor(bytes, std::span(shape, 1)).error.empty());
    }

    void utf8Validation()
    {
        QVERIFY(isValidUtf8("plain ascii"));
        QVERIFY(isValidUtf8("gr\xC3\xBC\xC3\x9F \xE2\x82\xAC \xF0\x9F\x98\x80"));
        QVERIFY(!isValidUtf8("\xC3")); // cut short
        QVERIFY(!isValidUtf8("\xC0\xAF")); // overlong '/'
        QVERIFY(!isValidUtf8("\xED\xA0\x80")); // a surrogate
        QVERIFY(!isValidUtf8("\xF4\x90\x80\x80")); // past U+10FFFF
        QVERIFY(!isValidUtf8("\x80"));
    }

    void demoEmbeddingReadsBack()
    {
        QTemporaryDir temp;
        DemoOptions options;
        options.directory = pathFromText(temp.path().toStdString());
        options.steps = 10;
        QCOMPARE(writeDemoLogdir(options), std::string());
        const auto parsed = parseProjectorConfig(
            lantern::test::readBytes(options.directory / "projector_config.pbtxt"));
        QVERIFY2(parsed.config.has_value(), parsed.error.c_str());
        QCOMPARE(parsed.config->embeddings.size(), std::size_t(1));
        const ProjectorEmbedding& embedding = parsed.config->embeddings[0];
        QCOMPARE(embedding.tensorName, std::string("dense_1/activations"));
        const auto tensorPath
            = findProjectorFile(options.directory, {}, embedding.tensorPath).found;
        const auto metadataPath
            = findProjectorFile(options.directory, {}, embedding.metadataPath).found;
        QVERIFY(tensorPath && metadataPath);
        const EmbeddingTensor tensor
            = parseEmbeddingTensor(lantern::test::readBytes(*tensorPath), embedding.tensorShape);
        QVERIFY2(tensor.error.empty(), tensor.error.c_str());
        QCOMPARE(embedding.tensorShape,
            (std::vector<std::uint32_t> {
                std::uint32_t(tensor.rows), std::uint32_t(tensor.columns)}));
        const MetadataTable metadata = parseMetadataTsv(lantern::test::readBytes(*metadataPath));
        QCOMPARE(metadata.rows.size(), tensor.rows);
        QCOMPARE(metadata.columns.size(), std::size_t(3));
        QVERIFY(metadata.columns[0].numeric && metadata.columns[1].numeric);
        QVERIFY(!metadata.columns[2].numeric);
    }

    void everyCorpusConfigParses()
    {
        const auto corpus = lantern::test::corpusDirectory();
        if (!corpus)
            QSKIP("../shared/corpus is absent: the corpus checks are skipped");
        int configs = 0, tensors = 0;
        for (const auto& entry : fs::recursive_directory_iterator(*corpus)) {
            if (entry.path().filename() != "projector_config.pbtxt")
                continue;
            ++configs;
            const auto parsed = parseProjectorConfig(lantern::test::readBytes(entry.path()));
            QVERIFY2(
                parsed.config.has_value(), (pathText(entry.path()) + ": " + parsed.error).c_str());
            QVERIFY(!parsed.config->embeddings.empty());
            const fs::path directory = entry.path().parent_path();
            for (const ProjectorEmbedding& embedding : parsed.config->embeddings) {
                if (embedding.tensorPath.empty())
                    continue; // a checkpoint variable
                const auto tensorPath
                    = findProjectorFile(directory, {}, embedding.tensorPath).found;
                QVERIFY(tensorPath);
                const EmbeddingTensor tensor = parseEmbeddingTensor(
                    lantern::test::readBytes(*tensorPath), embedding.tensorShape);
                QVERIFY2(
                    tensor.error.empty(), (tensorPath->string() + ": " + tensor.error).c_str());
                QVERIFY(tensor.rows > 0 && tensor.columns > 0);
                ++tensors;
                if (const auto metadataPath
                    = findProjectorFile(directory, {}, embedding.metadataPath).found)
                    QCOMPARE(parseMetadataTsv(lantern::test::readBytes(*metadataPath)).rows.size(),
                        tensor.rows);
            }
        }
        qInfo("%d corpus projector configs parsed, %d TSV tensors read", configs, tensors);
        QVERIFY(configs >= 5);
        QVERIFY(tensors >= 2);
    }
};

LANTERN_TEST_GUILESS_MAIN(TestProjectorFiles)
#include "test_projector_files.moc"
