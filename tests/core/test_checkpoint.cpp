// TensorFlow checkpoints: the index table (written here with LevelDB's own table builder, as
// TensorFlow's copy of it would), the data shards with their checksums, the `checkpoint` state
// file, damaged and hostile indexes, and every checkpoint in the corpus.

#include "core/checkpoint/checkpoint_index.h"
#include "core/checkpoint/checkpoint_tensor.h"
#include "core/io/crc32c.h"
#include "tests/support/checkpoint_writer.h"
#include "tests/support/test_support.h"

#include "checkpoint.pb.h"

#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>

using namespace lantern;
using namespace lantern::core;
namespace fs = std::filesystem;

namespace {

using Tensor = test::CheckpointTensor;
using test::floatBytes;

void writeCheckpoint(const fs::path& prefix, const std::map<std::string, Tensor>& tensors)
{
    QVERIFY(test::writeCheckpoint(prefix, tensors));
}

std::uint16_t toHalf(float value) // exact for the small values used here
{
    if (value == 0)
        return 0;
    std::uint32_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    const std::uint32_t sign = (bits >> 16) & 0x8000u;
    const int exponent = int((bits >> 23) & 0xFF) - 127 + 15;
    return std::uint16_t(sign | std::uint32_t(exponent) << 10 | ((bits >> 13) & 0x3FFu));
}

} // namespace

class TestCheckpoint : public QObject {
    Q_OBJECT
private slots:
    void variablesAndValuesReadBack()
    {
        QTemporaryDir temp;
        const fs::path prefix = fs::path(temp.path().toStdString()) / "model.ckpt-7";
        const std::vector<float> embedding {1, 2, 3, 4.5f, -5, 6, 7, 8, 9, 10, 11, 1e-7f};
        std::string halves;
        for (const float value : {0.5f, -2.0f, 3.0f, 0.25f}) {
            const std::uint16_t half = toHalf(value);
            halves.append(reinterpret_cast<const char*>(&half), 2);
        }
        writeCheckpoint(prefix,
            {{"embedding", {1, {4, 3}, floatBytes(embedding)}}, {"half", {19, {2, 2}, halves}},
                {"step", {9, {}, std::string(8, '\1')}},
                {"embedding/.OPTIMIZER_SLOT/adam/m", {1, {4, 3}, floatBytes(embedding)}}});

        const CheckpointIndex index = readCheckpointIndex(prefix);
        QVERIFY2(index.error.empty(), index.error.c_str());
        QCOMPARE(index.numShards, 1);
        QStringList names;
        for (const CheckpointVariable& variable : index.variables)
            names.append(QString::fromStdString(variable.name));
        QCOMPARE(names,
            (QStringList {
                "embedding", "embedding/.OPTIMIZER_SLOT/adam/m", "half", "sliced", "step"}));
        QVERIFY(index.find("embedding")->isEmbeddingCandidate());
        QVERIFY(!index.find("embedding/.OPTIMIZER_SLOT/adam/m")->isEmbeddingCandidate());
        QVERIFY(index.find("sliced")->partitioned);
        QVERIFY(!index.find("step")->isEmbeddingCandidate());

        const CheckpointMatrix matrix
            = readCheckpointMatrix(prefix, index, *index.find("embedding"));
        QVERIFY2(matrix.error.empty(), matrix.error.c_str());
        QCOMPARE(matrix.rows, std::size_t(4));
        QCOMPARE(matrix.columns, std::size_t(3));
        QCOMPARE(matrix.values, embedding);
        const CheckpointMatrix half = readCheckpointMatrix(prefix, index, *index.find("half"));
        QCOMPARE(half.values, (std::vector<float> {0.5f, -2.0f, 3.0f, 0.25f}));
        QVERIFY(readCheckpointMatrix(prefix, index, *index.find("step")).error.find("dtype 9")
            != std::string::npos);
        QVERIFY(!readCheckpointMatrix(prefix, index, *index.find("sliced")).error.empty());
    }

    void damagedDataIsRefused()
    {
        QTemporaryDir temp;
        const fs::path prefix = fs::path(temp.path().toStdString()) / "ckpt";
        writeCheckpoint(prefix, {{"w", {1, {2, 2}, floatBytes({1, 2, 3, 4})}}});
        const CheckpointIndex index = readCheckpointIndex(prefix);
        QVERIFY(index.error.empty());
        const fs::path shard = checkpointShardPath(prefix, 0, 1);
        QCOMPARE(shard.filename().string(), std::string("ckpt.data-00000-of-00001"));
        std::string bytes = lantern::test::readBytes(shard);
        bytes[5] ^= 0x10;
        std::ofstream(shard, std::ios::binary) << bytes;
        const CheckpointMatrix flipped = readCheckpointMatrix(prefix, index, *index.find("w"));
        QVERIFY(flipped.values.empty());
        QVERIFY2(flipped.error.find("checksum") != std::string::npos, flipped.error.c_str());
        std::ofstream(shard, std::ios::binary) << bytes.substr(0, 8);
        const std::string truncated = readCheckpointMatrix(prefix, index, *index.find("w")).error;
        QVERIFY2(truncated.find("too short for \"w\"") != std::string::npos, truncated.c_str());
        QCOMPARE(checkpointVariableProblem(prefix, index, *index.find("w")), truncated);
        fs::remove(shard);
        const std::string missing = readCheckpointMatrix(prefix, index, *index.find("w")).error;
        QVERIFY2(missing.find(shard.string() + " holding \"w\" is missing") != std::string::npos,
            missing.c_str());
    }

    void damagedIndexesSayWhy()
    {
        QTemporaryDir temp;
        const fs::path prefix = fs::path(temp.path().toStdString()) / "ckpt";
        writeCheckpoint(prefix, {{"w", {1, {2, 2}, floatBytes({1, 2, 3, 4})}}});
        const std::string good = lantern::test::readBytes(fs::path(prefix.string() + ".index"));
        QVERIFY(parseCheckpointIndex(good).error.empty());
        QVERIFY(!parseCheckpointIndex("").error.empty());
        QVERIFY(!parseCheckpointIndex(good.substr(0, good.size() - 1)).error.empty());
        // Every single-byte change is caught by a checksum, the footer check or the magic number.
        for (std::size_t i = 0; i < good.size(); ++i) {
            std::string damaged = good;
            damaged[i] ^= 0x41;
            const CheckpointIndex index = parseCheckpointIndex(damaged);
            QVERIFY2(
                !index.error.empty() || index.variables.size() == 2, std::to_string(i).c_str());
        }
        // A footer whose index handle claims 2^62 bytes is refused before any allocation.
        std::string huge = good;
        const std::size_t footer = huge.size() - 48;
        std::memset(huge.data() + footer, 0, 40);
        const unsigned char handles[]
            = {0x00, 0x01, 0x00, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40};
        std::memcpy(huge.data() + footer, handles, sizeof handles);
        QVERIFY(parseCheckpointIndex(huge).error.find("footer") != std::string::npos);
    }

    void latestCheckpointFromTheStateFile()
    {
        QTemporaryDir temp;
        const fs::path dir = temp.path().toStdString();
        QVERIFY(!latestCheckpoint(dir)); // no state file, no index
        writeCheckpoint(dir / "model.ckpt-20", {{"w", {1, {1, 1}, floatBytes({1})}}});
        std::ofstream(dir / "checkpoint") << "model_checkpoint_path: \"model.ckpt-20\"\n"
                                             "all_model_checkpoint_paths: \"model.ckpt-10\"\n";
        QCOMPARE(checkpointNamedByStateFile(dir), std::optional(dir / "model.ckpt-20"));
        QCOMPARE(latestCheckpoint(dir), std::optional(dir / "model.ckpt-20"));
        // Written on another machine: found by file name.
        std::ofstream(dir / "checkpoint")
            << "model_checkpoint_path: \"/content/run 1/model.ckpt-20\"\n";
        QCOMPARE(checkpointNamedByStateFile(dir), std::optional(dir / "model.ckpt-20"));
        std::ofstream(dir / "checkpoint")
            << "model_checkpoint_path: \"C:\\\\runs\\\\model.ckpt-20\"\n";
        QCOMPARE(checkpointNamedByStateFile(dir), std::optional(dir / "model.ckpt-20"));
        std::ofstream(dir / "checkpoint") << "model_checkpoint_path: \"model.ckpt-30\"\n";
        QVERIFY(!checkpointNamedByStateFile(dir)); // names a checkpoint that is not there
        std::ofstream(dir / "checkpoint") << "model_checkpoint_path: {";
        QVERIFY(!checkpointNamedByStateFile(dir));
    }

    void newestIndexWhenTheStateFileFails()
    {
        QTemporaryDir temp;
        const fs::path dir = temp.path().toStdString();
        // A TF1 Saver folder copied without its `checkpoint` file: the highest step wins, not
        // the name's order ("-9" sorts after "-10") nor the write order.
        writeCheckpoint(dir / "model.ckpt-10", {{"w", {1, {1, 1}, floatBytes({1})}}});
        writeCheckpoint(dir / "model.ckpt-9", {{"w", {1, {1, 1}, floatBytes({1})}}});
        std::ofstream(dir / "notes.index.txt") << "not an index";
        fs::create_directory(dir / "folder.index");
        QVERIFY(!checkpointNamedByStateFile(dir));
        QCOMPARE(newestCheckpointIndex(dir), std::optional(dir / "model.ckpt-10"));
        QCOMPARE(latestCheckpoint(dir), std::optional(dir / "model.ckpt-10"));
        // A state file naming a checkpoint that moved away falls back the same way.
        std::ofstream(dir / "checkpoint") << "model_checkpoint_path: \"/gone/model.ckpt-30\"\n";
        QCOMPARE(latestCheckpoint(dir), std::optional(dir / "model.ckpt-10"));
        // Without step numbers, the latest modified.
        const fs::path other = dir / "other";
        fs::create_directory(other);
        writeCheckpoint(other / "b", {{"w", {1, {1, 1}, floatBytes({1})}}});
        writeCheckpoint(other / "a", {{"w", {1, {1, 1}, floatBytes({1})}}});
        fs::last_write_time(
            other / "b.index", fs::last_write_time(other / "a.index") - std::chrono::hours(1));
        QCOMPARE(newestCheckpointIndex(other), std::optional(other / "a"));
    }

    void optimizerSlotsAreNotEmbeddings()
    {
        for (const char* slot :
            {"embedding/.OPTIMIZER_SLOT/optimizer/m/.ATTRIBUTES/VARIABLE_VALUE",
                "optimizer/_variables/1/.ATTRIBUTES/VARIABLE_VALUE", "embedding/Adam",
                "embedding/Adam_1", "dense/kernel/Momentum", "w/RMSProp_1", "w/Adagrad", "w/Ftrl_1",
                "w/Adadelta", "training/Adam/Variable_3", "w/ExponentialMovingAverage"})
            QVERIFY2(isOptimizerSlotName(slot), slot);
        for (const char* variable : {"embedding", "embeddings/Adamson", "layer/Adam_x",
                 "layer_with_weights-0/embeddings/.ATTRIBUTES/VARIABLE_VALUE", "Adam",
                 "model/word_embeddings", "fc2_embedding"})
            QVERIFY2(!isOptimizerSlotName(variable), variable);
        CheckpointVariable variable;
        variable.name = "embedding";
        variable.shape = {4, 3};
        variable.dtype = 1;
        QVERIFY(variable.isEmbeddingCandidate());
        variable.dtype = 3; // int32: not offered
        QVERIFY(!variable.isEmbeddingCandidate());
        variable.dtype = 19;
        variable.shape = {0, 3};
        QVERIFY(!variable.isEmbeddingCandidate());
    }

    void corpusCheckpointsRead()
    {
        const auto corpus = test::corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(test::corpusMissingMessage()));
        int indexes = 0, matrices = 0, missingData = 0;
        for (const auto& entry : fs::recursive_directory_iterator(*corpus)) {
            if (entry.path().extension() != ".index")
                continue;
            fs::path prefix = entry.path();
            prefix.replace_extension();
            const CheckpointIndex index = readCheckpointIndex(prefix);
            QVERIFY2(index.error.empty(), (entry.path().string() + ": " + index.error).c_str());
            QVERIFY(!index.variables.empty());
            ++indexes;
            for (const CheckpointVariable& variable : index.variables) {
                if (!variable.isEmbeddingCandidate()
                    || (variable.dtype != 1 && variable.dtype != 2))
                    continue;
                const CheckpointMatrix matrix = readCheckpointMatrix(prefix, index, variable);
                if (!fs::exists(checkpointShardPath(prefix, variable.shard, index.numShards))) {
                    QVERIFY2(
                        matrix.error.find("is missing") != std::string::npos, matrix.error.c_str());
                    ++missingData; // f06 ships an index without its data
                    continue;
                }
                QVERIFY2(matrix.error.empty(), (variable.name + ": " + matrix.error).c_str());
                QCOMPARE(matrix.rows, std::size_t(variable.shape[0]));
                QVERIFY(std::all_of(matrix.values.begin(), matrix.values.end(),
                    [](float v) { return std::isfinite(v); }));
                ++matrices;
            }
        }
        qInfo("%d corpus checkpoint indexes, %d embedding matrices read, %d without data", indexes,
            matrices, missingData);
        QVERIFY(indexes >= 8);
        QVERIFY(matrices >= 5);
        // f01's projector names three embeddings in the latest checkpoint.
        const fs::path f01 = *corpus / "f01_tf1_saver_projector_3emb_plus_tf2_scalars" / "logs";
        const auto latest = latestCheckpoint(f01);
        QVERIFY(latest);
        const CheckpointIndex index = readCheckpointIndex(*latest);
        for (const char* name : {"embed0", "embed1", "embed2"})
            QVERIFY2(index.find(name) && index.find(name)->isEmbeddingCandidate(), name);
    }
};

QTEST_GUILESS_MAIN(TestCheckpoint)
#include "test_checkpoint.moc"
