// TensorFlow checkpoints: the index table (written here with LevelDB's own table builder, as
// TensorFlow's copy of it would), the data shards with their checksums, the `checkpoint` state
// file, damaged and hostile indexes, and every checkpoint in the corpus.

#include "core/checkpoint/checkpoint_index.h"
#include "core/checkpoint/checkpoint_tensor.h"
#include "core/io/crc32c.h"
#include "tests/support/test_support.h"

#include "checkpoint.pb.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <fstream>
#include <leveldb/env.h>
#include <leveldb/options.h>
#include <leveldb/table_builder.h>
#include <map>

using namespace lantern;
using namespace lantern::core;
namespace fs = std::filesystem;

namespace {

std::string floatBytes(const std::vector<float>& values)
{
    std::string bytes(values.size() * sizeof(float), '\0');
    std::memcpy(bytes.data(), values.data(), bytes.size());
    return bytes;
}

// A checkpoint `prefix` with one data shard holding `tensors` (name → dtype, shape, bytes),
// plus a partitioned entry and one of its slice keys.
struct Tensor {
    int dtype;
    std::vector<std::int64_t> shape;
    std::string bytes;
};

void writeCheckpoint(const fs::path& prefix, const std::map<std::string, Tensor>& tensors)
{
    std::string data;
    std::map<std::string, std::string> entries; // keys in bytewise order, as LevelDB needs
    pb::BundleHeaderProto header;
    header.set_num_shards(1);
    header.mutable_version()->set_producer(1);
    entries[""] = header.SerializeAsString();
    for (const auto& [name, tensor] : tensors) {
        pb::BundleEntryProto entry;
        entry.set_dtype(pb::DataType(tensor.dtype));
        for (const std::int64_t size : tensor.shape)
            entry.mutable_shape()->add_dim()->set_size(size);
        entry.set_offset(std::int64_t(data.size()));
        entry.set_size(std::int64_t(tensor.bytes.size()));
        entry.set_crc32c(maskCrc(crc32c(tensor.bytes)));
        data += tensor.bytes;
        entries[name] = entry.SerializeAsString();
    }
    pb::BundleEntryProto partitioned;
    partitioned.set_dtype(pb::DT_FLOAT);
    partitioned.add_slices()->add_extent()->set_start(0);
    entries["sliced"] = partitioned.SerializeAsString();
    entries[std::string("\0slice", 6)] = "ignored";

    fs::path index = prefix;
    index += ".index";
    leveldb::WritableFile* file = nullptr;
    QVERIFY(leveldb::Env::Default()->NewWritableFile(index.string(), &file).ok());
    leveldb::Options options;
    options.compression = leveldb::kNoCompression; // as TensorFlow's bundle writer
    leveldb::TableBuilder builder(options, file);
    for (const auto& [key, value] : entries)
        builder.Add(key, value);
    QVERIFY(builder.Finish().ok());
    QVERIFY(file->Close().ok());
    delete file;
    std::ofstream(checkpointShardPath(prefix, 0, 1), std::ios::binary) << data;
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
        QVERIFY(readCheckpointMatrix(prefix, index, *index.find("w")).error.find("past the end")
            != std::string::npos);
        fs::remove(shard);
        QVERIFY(readCheckpointMatrix(prefix, index, *index.find("w")).error.find("cannot read")
            != std::string::npos);
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
        writeCheckpoint(dir / "model.ckpt-20", {{"w", {1, {1, 1}, floatBytes({1})}}});
        QVERIFY(!latestCheckpoint(dir)); // no state file
        std::ofstream(dir / "checkpoint") << "model_checkpoint_path: \"model.ckpt-20\"\n"
                                             "all_model_checkpoint_paths: \"model.ckpt-10\"\n";
        QCOMPARE(latestCheckpoint(dir), std::optional(dir / "model.ckpt-20"));
        // Written on another machine: found by file name.
        std::ofstream(dir / "checkpoint")
            << "model_checkpoint_path: \"/content/run 1/model.ckpt-20\"\n";
        QCOMPARE(latestCheckpoint(dir), std::optional(dir / "model.ckpt-20"));
        std::ofstream(dir / "checkpoint")
            << "model_checkpoint_path: \"C:\\\\runs\\\\model.ckpt-20\"\n";
        QCOMPARE(latestCheckpoint(dir), std::optional(dir / "model.ckpt-20"));
        std::ofstream(dir / "checkpoint") << "model_checkpoint_path: \"model.ckpt-30\"\n";
        QVERIFY(!latestCheckpoint(dir)); // names a checkpoint that is not there
        std::ofstream(dir / "checkpoint") << "model_checkpoint_path: {";
        QVERIFY(!latestCheckpoint(dir));
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
                    QVERIFY(matrix.error.find("cannot read") != std::string::npos);
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
