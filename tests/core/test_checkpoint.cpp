// TensorFlow checkpoints: the index table (written here with LevelDB's own table builder, as
// TensorFlow's copy of it would), the data shards with their checksums, the `checkpoint` state
// file, damaged and hostile indexes, V1 checkpoints (tables of slices) written here and from
// 2016 in the corpus, and every checkpoint in the corpus.

#include "core/checkpoint/checkpoint_index.h"
#include "core/checkpoint/checkpoint_tensor.h"
#include "core/checkpoint/checkpoint_v1.h"
#include "core/io/crc32c.h"
#include "core/io/path_text.h"
#include "tests/support/checkpoint_writer.h"
#include "tests/support/test_main.h"
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
using test::toHalf;
using test::V1Slice;
using test::V1Variable;

void writeCheckpoint(const fs::path& prefix, const std::map<std::string, Tensor>& tensors)
{
    QVERIFY(test::writeCheckpoint(prefix, tensors));
}

void writeV1(const fs::path& path, const std::map<std::string, V1Variable>& variables)
{
    QVERIFY(test::writeV1Checkpoint(path, variables));
}

std::vector<float> counting(int count)
{
    std::vector<float> values;
    for (int i = 1; i <= count; ++i)
        values.push_back(float(i));
    return values;
}

std::string problemOf(const fs::path& prefix, const std::string& name)
{
    const CheckpointIndex index = readCheckpointIndex(prefix);
    const CheckpointVariable* variable = index.find(name);
    return variable ? checkpointVariableProblem(prefix, index, *variable) : "no " + name;
}

std::string errorOf(const fs::path& prefix, const std::string& name)
{
    const CheckpointIndex index = readCheckpointIndex(prefix);
    const CheckpointVariable* variable = index.find(name);
    return variable ? readCheckpointMatrix(prefix, index, *variable).error : "no " + name;
}

// "NAME-?????-of-COUNT", as a sharded V1 Saver's `checkpoint` file names its checkpoint (spelled
// out: "??-" is a trigraph to the compiler).
std::string shards(const std::string& name, const std::string& count)
{
    return name + "-" + std::string(5, '?') + "-of-" + count;
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

class TestCheckpoint : public QObject {
    Q_OBJECT
private slots:
    void variablesAndValuesReadBack()
    {
        QTemporaryDir temp;
        const fs::path prefix = core::pathFromText(temp.path().toStdString()) / "model.ckpt-7";
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
        const fs::path prefix = core::pathFromText(temp.path().toStdString()) / "ckpt";
        writeCheckpoint(prefix, {{"w", {1, {2, 2}, floatBytes({1, 2, 3, 4})}}});
        const CheckpointIndex index = readCheckpointIndex(prefix);
        QVERIFY(index.error.empty());
        const fs::path shard = checkpointShardPath(prefix, 0, 1);
        QCOMPARE(core::pathText(shard.filename()), std::string("ckpt.data-00000-of-00001"));
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
        QVERIFY2(
            missing.find(core::pathText(shard) + " holding \"w\" is missing") != std::string::npos,
            missing.c_str());
    }

    void damagedIndexesSayWhy()
    {
        QTemporaryDir temp;
        const fs::path prefix = core::pathFromText(temp.path().toStdString()) / "ckpt";
        writeCheckpoint(prefix, {{"w", {1, {2, 2}, floatBytes({1, 2, 3, 4})}}});
        const std::string good = lantern::test::readBytes(fs::path(prefix) += ".index");
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
        const fs::path dir = core::pathFromText(temp.path().toStdString());
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
        const fs::path dir = core::pathFromText(temp.path().toStdString());
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

    void v1CheckpointsListAndAssembleTheirSlices()
    {
        QTemporaryDir temp;
        const fs::path dir = core::pathFromText(temp.path().toStdString());
        const fs::path prefix = dir / "model.ckpt-5"; // an unsharded Saver writes the file itself
        // "emb" in two row slices, saved out of order, the columns whole.
        writeV1(prefix,
            {{"emb",
                 {1, {4, 3},
                     {V1Slice {{2, 0}, {2, -1}, {7, 8, 9, 10, 11, 12}},
                         V1Slice {{0, 0}, {2, -1}, {1, 2, 3, 4, 5, 6}}}}},
                {"column", {2, {3}, {V1Slice {{0}, {-1}, {0.5f, 1.5f, 2.5f}}}}},
                {"half", {19, {2, 2}, {V1Slice {{0, 0}, {-1, -1}, {0.5f, -2, 3, 0.25f}}}}},
                {"global_step", {9, {}, {V1Slice {{}, {}, {3000}}}}},
                {"gappy", {1, {4, 2}, {V1Slice {{0, 0}, {3, -1}, counting(6)}}}},
                {"unsaved", {1, {2, 2}, {V1Slice {{0, 0}, {-1, -1}, counting(4), false}}}},
                {"emb/Adam", {1, {4, 3}, {V1Slice {{0, 0}, {-1, -1}, counting(12)}}}}});
        std::ofstream(dir / "model.ckpt-5.meta") << "graph";

        const CheckpointIndex index = readCheckpointIndex(prefix);
        QVERIFY2(index.error.empty(), index.error.c_str());
        QCOMPARE(index.format, CheckpointFormat::V1);
        std::vector<std::string> names;
        for (const CheckpointVariable& variable : index.variables)
            names.push_back(variable.name);
        QCOMPARE(names,
            (std::vector<std::string> {
                "column", "emb", "emb/Adam", "gappy", "global_step", "half", "unsaved"}));
        const CheckpointVariable& emb = *index.find("emb");
        QCOMPARE(emb.dtype, 1);
        QCOMPARE(emb.shape, (std::vector<std::int64_t> {4, 3}));
        QVERIFY(emb.isEmbeddingCandidate());
        QVERIFY(!index.find("emb/Adam")->isEmbeddingCandidate());
        QCOMPARE(index.find("global_step")->dtype, 9);
        QVERIFY(index.find("global_step")->shape.empty());

        const CheckpointMatrix matrix = readCheckpointMatrix(prefix, index, emb);
        QVERIFY2(matrix.error.empty(), matrix.error.c_str());
        QCOMPARE(matrix.rows, std::size_t(4));
        QCOMPARE(matrix.columns, std::size_t(3));
        QCOMPARE(matrix.values, counting(12));
        const CheckpointMatrix column = readCheckpointMatrix(prefix, index, *index.find("column"));
        QCOMPARE(column.rows, std::size_t(3));
        QCOMPARE(column.values, (std::vector<float> {0.5f, 1.5f, 2.5f}));
        QCOMPARE(readCheckpointMatrix(prefix, index, *index.find("half")).values,
            (std::vector<float> {0.5f, -2, 3, 0.25f}));

        QVERIFY(contains(problemOf(prefix, "global_step"), "dtype 9"));
        const std::string gappy = problemOf(prefix, "gappy");
        QVERIFY2(contains(gappy, "the slices of \"gappy\" cover 6 of its 8 values (shape [4, 2])"),
            gappy.c_str());
        QCOMPARE(errorOf(prefix, "gappy"), gappy);
        QVERIFY(problemOf(prefix, "unsaved").empty()); // the meta lists it; its entry is missing
        QVERIFY2(contains(errorOf(prefix, "unsaved"), "has no values in " + core::pathText(prefix)),
            errorOf(prefix, "unsaved").c_str());

        // No state file: the table beside its .meta is the newest checkpoint.
        QCOMPARE(latestCheckpoint(dir), std::optional(prefix));
        QCOMPARE(checkpointIndexFile(prefix), prefix);
    }

    void shardedV1CheckpointsAreFoundAndMerged()
    {
        QTemporaryDir temp;
        const fs::path dir = core::pathFromText(temp.path().toStdString());
        // A sharded Saver (tf.contrib.learn's) splits variables between files; "emb" spans both.
        writeV1(dir / "model.ckpt-9-00000-of-00002",
            {{"emb", {1, {4, 3}, {V1Slice {{0, 0}, {2, 3}, counting(6)}}}}});
        writeV1(dir / "model.ckpt-9-00001-of-00002",
            {{"emb", {1, {4, 3}, {V1Slice {{2, 0}, {2, 3}, {7, 8, 9, 10, 11, 12}}}}},
                {"bias", {1, {3}, {V1Slice {{0}, {-1}, {1, 2, 3}}}}}});
        writeV1(dir / "model.ckpt-1-00000-of-00001",
            {{"emb", {1, {1, 1}, {V1Slice {{0, 0}, {-1, -1}, {1}}}}}});
        const fs::path pattern = dir / shards("model.ckpt-9", "00002");
        test::writeBytes(dir / "checkpoint",
            "model_checkpoint_path: \"/tmp/tmpnwrc7165/" + shards("model.ckpt-9", "00002")
                + "\"\nall_model_checkpoint_paths: \"/tmp/tmpnwrc7165/"
                + shards("model.ckpt-1", "00001") + "\"\n");
        QCOMPARE(latestCheckpoint(dir), std::optional(pattern));
        QCOMPARE(newestCheckpointIndex(dir), std::optional(pattern)); // step 9 beats step 1
        QVERIFY(checkpointExists(pattern));
        QVERIFY(!checkpointExists(dir / shards("model.ckpt-9", "00003")));

        const CheckpointIndex index = readCheckpointIndex(pattern);
        QVERIFY2(index.error.empty(), index.error.c_str());
        QCOMPARE(index.numShards, 2);
        QCOMPARE(index.find("emb")->slices.size(), std::size_t(2));
        QCOMPARE(readCheckpointMatrix(pattern, index, *index.find("emb")).values, counting(12));
        QCOMPARE(readCheckpointMatrix(pattern, index, *index.find("bias")).values,
            (std::vector<float> {1, 2, 3}));

        // A shard lost: what it held is named, the rest still reads.
        fs::remove(dir / "model.ckpt-9-00001-of-00002");
        const std::string lost = problemOf(pattern, "emb");
        QVERIFY2(contains(lost, "cover 6 of its 12 values")
                && contains(
                    lost, core::pathText(dir / "model.ckpt-9-00001-of-00002") + " is missing"),
            lost.c_str());
        QCOMPARE(errorOf(pattern, "emb"), lost);
    }

    void hostileV1DeclarationsAreNamedProblems()
    {
        QTemporaryDir temp;
        const fs::path path = core::pathFromText(temp.path().toStdString()) / "model.ckpt-2";
        writeV1(path,
            {{"huge", {1, {std::int64_t(1) << 40, 4}, {V1Slice {{0, 0}, {-1, -1}, {1}}}}},
                {"wraps", {1, {std::int64_t(1) << 62, 8}, {V1Slice {{0, 0}, {-1, -1}, {1}}}}},
                {"negative", {1, {-4, 2}, {V1Slice {{0, 0}, {-1, -1}, {1}}}}},
                {"outside", {1, {2, 2}, {V1Slice {{1, 0}, {2, -1}, counting(4)}}}},
                {"short", {1, {2, 2}, {V1Slice {{0, 0}, {-1, -1}, counting(3)}}}},
                {"repeated",
                    {1, {2, 2},
                        {V1Slice {{0, 0}, {1, -1}, {1, 2}}, V1Slice {{0, 0}, {1, -1}, {1, 2}}}}},
                {"overlapping",
                    {1, {2, 2},
                        {V1Slice {{0, 0}, {-1, -1}, counting(4)},
                            V1Slice {{0, 0}, {1, -1}, {1, 2}}}}}});
        const std::string hugeProblem = problemOf(path, "huge");
        QVERIFY2(contains(hugeProblem, "declares 4398046511104 values"), hugeProblem.c_str());
        QCOMPARE(errorOf(path, "huge"), hugeProblem); // judged before anything is allocated
        QVERIFY(contains(problemOf(path, "wraps"), "too many to count"));
        QVERIFY(contains(problemOf(path, "negative"), "too many to count"));
        QVERIFY(contains(problemOf(path, "outside"), "lies outside its shape [2, 2]"));
        QVERIFY2(contains(errorOf(path, "short"), "holds 3 values for its 4 elements"),
            errorOf(path, "short").c_str());
        QVERIFY2(contains(errorOf(path, "repeated"), "the slices of \"repeated\" overlap"),
            errorOf(path, "repeated").c_str());
        QVERIFY(contains(problemOf(path, "overlapping"), "overlap"));

        // A V1 file cut short is a problem naming it, never a crash.
        const std::string bytes = test::readBytes(path);
        test::writeBytes(path, bytes.substr(0, bytes.size() - 3));
        const CheckpointIndex cut = readCheckpointIndex(path);
        QVERIFY(cut.variables.empty());
        QVERIFY2(contains(cut.error, core::pathText(path)), cut.error.c_str());
        QVERIFY(!parseV1Checkpoint(bytes.substr(0, bytes.size() / 2)).error.empty());
        QVERIFY(parseV1Checkpoint(bytes).error.empty());
    }

    void corpusV1CheckpointsRead()
    {
        const auto corpus = test::corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(test::corpusMissingMessage()));
        // TensorBoard's 2016 functional-test fixture: tf.contrib.learn's sharded V1 Saver.
        const fs::path dir = *corpus / "a03_tf0x_2016_functionaltest_train_eval" / "tensorboard"
            / "functionaltests" / "testdata";
        const auto latest = latestCheckpoint(dir);
        QCOMPARE(latest, std::optional(dir / shards("model.ckpt-3000", "00001")));
        const CheckpointIndex index = readCheckpointIndex(*latest);
        QVERIFY2(index.error.empty(), index.error.c_str());
        QCOMPARE(index.format, CheckpointFormat::V1);
        QCOMPARE(index.find("global_step")->dtype, 9);
        const CheckpointVariable* weights = index.find("linear/language/weights");
        QVERIFY(weights);
        QCOMPARE(weights->shape, (std::vector<std::int64_t> {100, 1}));
        QVERIFY(weights->isEmbeddingCandidate());
        QVERIFY(!index.find("linear/language/weights/Ftrl")->isEmbeddingCandidate());
        const CheckpointMatrix matrix = readCheckpointMatrix(*latest, index, *weights);
        QVERIFY2(matrix.error.empty(), matrix.error.c_str());
        QCOMPARE(matrix.values.size(), std::size_t(100));
        QCOMPARE(matrix.values[7], 2.4913382530212402f); // the one language bucket trained
        QCOMPARE(std::count(matrix.values.begin(), matrix.values.end(), 0.f), 99);
        QCOMPARE(
            readCheckpointMatrix(*latest, index, *index.find("linear/bias_weight")).values.at(0),
            2.491351366043091f);

        // Every V1 checkpoint of the case: each floating-point variable reads.
        int checkpoints = 0, variables = 0;
        for (const char* step : {"1", "1000", "1001", "3000"}) {
            const fs::path prefix = dir / shards("model.ckpt-" + std::string(step), "00001");
            const CheckpointIndex each = readCheckpointIndex(prefix);
            QVERIFY2(each.error.empty(), (core::pathText(prefix) + ": " + each.error).c_str());
            ++checkpoints;
            for (const CheckpointVariable& variable : each.variables) {
                if (variable.dtype != 1)
                    continue;
                const CheckpointMatrix read = readCheckpointMatrix(prefix, each, variable);
                QVERIFY2(read.error.empty(), (variable.name + ": " + read.error).c_str());
                ++variables;
            }
        }
        qInfo("%d V1 checkpoints, %d float variables read", checkpoints, variables);
        QCOMPARE(checkpoints, 4);
        QVERIFY(variables >= 4 * 9);
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
            QVERIFY2(
                index.error.empty(), (core::pathText(entry.path()) + ": " + index.error).c_str());
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

LANTERN_TEST_GUILESS_MAIN(TestCheckpoint)
#include "test_checkpoint.moc"
