// Writes seed inputs for the fuzz targets into OUTDIR/<target>/: event files made by our
// EventFileWriter (every summary kind, TF1 and TF2, plain, GZIP and ZLIB), and, when a corpus
// directory is given and exists, the start of its real event files. Seeds are generated at fuzz
// time and never committed.
//   fuzz_seed_corpus OUTDIR [CORPUS_DIR]

#include "core/demo/demo_logdir.h"
#include "core/io/file_byte_source.h"
#include "core/io/record_reader.h"
#include "core/write/event_file_writer.h"
#include "core/write/wav_encoder.h"

#include "checkpoint.pb.h"
#include "event.pb.h"
#include "graph.pb.h"
#include "saved_tensor_slices.pb.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <leveldb/env.h>
#include <leveldb/options.h>
#include <leveldb/table_builder.h>
#include <map>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace lantern::core;

namespace {

constexpr std::size_t kMaxSeedBytes = 64 * 1024;
int g_written = 0;

void writeSeed(const fs::path& directory, const std::string& name, const std::string& bytes)
{
    fs::create_directories(directory);
    std::ofstream(directory / name, std::ios::binary)
        .write(bytes.data(), std::streamsize(bytes.size()));
    ++g_written;
}

std::string readFile(const fs::path& path, std::size_t limit)
{
    std::ifstream in(path, std::ios::binary);
    std::string bytes(limit, '\0');
    in.read(bytes.data(), std::streamsize(limit));
    bytes.resize(std::size_t(in.gcount()));
    return bytes;
}

std::vector<std::string> recordsOf(const fs::path& path, std::size_t limit)
{
    std::vector<std::string> records;
    RecordReader reader(std::make_unique<FileByteSource>(path, 0));
    std::size_t total = 0;
    while (const auto record = reader.next()) {
        if (record->data.size() > 60000)
            continue;
        total += record->data.size() + 2;
        if (total > limit)
            break;
        records.emplace_back(record->data);
    }
    return records;
}

std::string lengthPrefixed(const std::vector<std::string>& records)
{
    std::string out;
    for (const std::string& record : records) {
        const std::size_t n = std::min<std::size_t>(record.size(), 0xFFFF);
        out += char(n & 0xFF);
        out += char(n >> 8);
        out.append(record, 0, n);
    }
    return out;
}

// Seeds for the on-demand decoders from one record: each summary value of an image, audio,
// graph or hparams kind, with the control byte fuzz_blob_decoder reads (see there).
void seedsForOnDemandDecoders(const fs::path& out, const std::string& name,
    const lantern::pb::Event& event, const std::string& record, int& index)
{
    if (index >= 40)
        return;
    const auto seed = [&](std::uint8_t control) {
        writeSeed(
            out / "blob_decoder", name + "." + std::to_string(index++), char(control) + record);
    };
    constexpr std::uint8_t kRealTag = 0x20, kAudio = 4;
    if (event.has_graph_def())
        seed(kRealTag | (0 << 3));
    if (event.has_meta_graph_def())
        seed(kRealTag | (1 << 3));
    if (event.has_tagged_run_metadata())
        seed(kRealTag | (3 << 3));
    for (int i = 0; i < event.summary().value_size() && i < 4; ++i) {
        const auto& value = event.summary().value(i);
        const std::string& plugin = value.metadata().plugin_data().plugin_name();
        if (value.has_image() || plugin == "images")
            seed(std::uint8_t(kRealTag | i));
        if (value.has_audio() || plugin == "audio")
            seed(std::uint8_t(kRealTag | kAudio | i));
        if (plugin == "graph_keras_model")
            seed(std::uint8_t(kRealTag | (2 << 3) | i));
        if (plugin.starts_with("graph_run_metadata"))
            seed(std::uint8_t(kRealTag | (3 << 3) | i));
        if (plugin == "hparams")
            writeSeed(out / "hparams", name + "." + std::to_string(index++),
                value.metadata().plugin_data().content());
    }
}

// Seeds for every target from one event file; `plainFile` says whether its bytes are records.
void seedsFromFile(const fs::path& out, const fs::path& file, const std::string& name, char mode)
{
    const std::string bytes = readFile(file, kMaxSeedBytes);
    writeSeed(out / "record_reader", name, std::string {mode, char(7)} + bytes);
    writeSeed(
        out / "record_reader", name + ".growing", std::string {char(mode | 2), char(7)} + bytes);
    if (mode != 0)
        return;
    const std::vector<std::string> records = recordsOf(file, kMaxSeedBytes);
    // record_reader's build mode: these records, framed by our writer, then a deletion inside
    // the second, an insertion and an overwrite (byte 0: bit 2 build, bit 1 growing, bit 0 gzip).
    std::string recipe(1, char(std::min<std::size_t>(records.size(), 8)));
    for (std::size_t i = 0; i < records.size() && i < 8; ++i) {
        const std::string payload = records[i].substr(0, 255);
        recipe += char(payload.size()) + payload;
    }
    recipe += std::string("\x01\x30\x00\x03", 4) + std::string("\x00\x80\x00\x10", 4)
        + std::string("\x02\xf0\x00\x07", 4);
    writeSeed(
        out / "record_reader", name + ".damaged", std::string {char(4 | 2), char(7)} + recipe);
    writeSeed(out / "record_reader", name + ".damaged.gzip",
        std::string {char(4 | 2 | 1), char(7)} + recipe);
    writeSeed(out / "event_decoder", name, lengthPrefixed(records));
    writeSeed(out / "scalar_fast_path", name, lengthPrefixed(records));
    int index = 0;
    int blobIndex = 0;
    for (const std::string& record : records) {
        lantern::pb::Event event;
        if (!event.ParseFromString(record))
            continue;
        seedsForOnDemandDecoders(out, name, event, record, blobIndex);
        if (!event.has_summary())
            continue;
        for (const auto& value : event.summary().value()) {
            if (index >= 40)
                return;
            if (value.has_tensor())
                writeSeed(out / "tensor_values", name + "." + std::to_string(index++),
                    '\0' + value.tensor().SerializeAsString());
            if (value.has_histo())
                writeSeed(out / "tensor_values", name + "." + std::to_string(index++),
                    '\1' + value.histo().SerializeAsString());
        }
    }
}

void writeFixtures(const fs::path& directory, RecordCompression compression)
{
    EventFileWriterOptions options;
    options.compression = compression;
    options.wallTime = 1.7e9;
    EventFileWriter writer(directory, options);
    const std::vector<double> sample {-2.5, -1, 0, 0, 0.25, 1, 3, 1e-13, 7e7};
    const std::vector<HistogramBucket> buckets {{0, 1, 3}, {1, 2, 0}, {2, 4, 5}};
    EncodedImage image {2, 1, 3, std::string("\x89PNG\r\n\x1a\nfake", 12)};
    lantern::pb::GraphDef graph;
    for (int i = 0; i < 4; ++i) {
        auto* node = graph.add_node();
        node->set_name("layer/op_" + std::to_string(i));
        node->set_op("MatMul");
        if (i > 0)
            node->add_input("layer/op_" + std::to_string(i - 1));
    }
    writer.addGraph(graph, 1.7e9);
    writer.addHParams({{"lr", 0.01}, {"optimizer", std::string("adam")}, {"dropout", true}},
        std::vector<std::string> {"loss"}, 1.7e9);
    for (int step = 0; step < 6; ++step) {
        const double wall = 1.7e9 + step;
        writer.addScalar("loss", step, 1.0f / float(step + 1), wall);
        writer.addScalarTensor("tf2/float", step, step * 0.5, ScalarType::Float32, wall);
        writer.addScalarTensor("tf2/double", step, step * 0.25, ScalarType::Float64, wall);
        writer.addScalarTensor("tf2/int", step, step, ScalarType::Integer, wall);
        writer.addHistogram("weights/tf1", step, sample, SummaryStyle::Tf1, wall);
        writer.addHistogram("weights/tf2", step, sample, SummaryStyle::Tf2, wall);
        writer.addHistogramBuckets("weights/rows", step, buckets, wall);
        if (step % 2 == 0) {
            writer.addImage("images/tf2", step, std::span(&image, 1), SummaryStyle::Tf2, wall);
            writer.addImage("images/tf1", step, std::span(&image, 1), SummaryStyle::Tf1, wall);
            writer.addText("notes", step, "**step** " + std::to_string(step), wall);
        }
    }
    const EncodedAudio clip {
        encodeWav(std::vector<float>(64, 0.25f), 2, 8000), 8000.0f, 2, 32, "a label"};
    writer.addAudio("audio/tf1", 1, std::span(&clip, 1), SummaryStyle::Tf1, 1.7e9);
    writer.addAudio("audio/tf2", 1, std::span(&clip, 1), SummaryStyle::Tf2, 1.7e9);
    writer.addMetaGraph(graph, 1.7e9);
    writer.addKerasModel(R"({"class_name": "Functional", "config": {"name": "m", "layers": [
        {"class_name": "InputLayer", "config": {"name": "in"}, "inbound_nodes": []},
        {"class_name": "Sequential", "config": {"name": "s", "layers": [
          {"class_name": "Dense", "config": {"name": "d", "dtype": "float32"}}]},
         "inbound_nodes": [[["in", 0, 0, {}]]]},
        {"class_name": "Add", "config": {"name": "sum"}, "inbound_nodes": [{"args": [[
          {"class_name": "__keras_tensor__", "config": {"keras_history": ["in", 0, 0]}},
          {"class_name": "__keras_tensor__", "config": {"keras_history": ["s", 0, 0]}}]]}]}],
        "output_layers": [["sum", 0, 0]]}})",
        1.7e9);
    writer.addRunMetadataGraph("trace", 2, graph, 1.7e9);
    writer.addHParamsSessionEnd(SessionEndStatus::Success, 1.7e9);
    writer.addSessionStart(3, 1.7e9 + 10);
    writer.addScalar("loss", 3, 0.5f, 1.7e9 + 11);
    writer.flush();
}

// Byte 0 of a projector_files input picks the parser: 0 config, 1 metadata, 2 tensor (3 a
// folder, 4 an image header: writeProjectorFolderSeed).
void writeProjectorSeed(const fs::path& out, const std::string& name, char parser,
    const std::string& bytes, std::uint32_t rows = 0, std::uint32_t columns = 0)
{
    std::string input(1, parser);
    if (parser == 2) {
        const std::uint32_t shape[2] = {rows, columns};
        input.append(reinterpret_cast<const char*>(shape), sizeof shape);
    }
    writeSeed(out, name, input + bytes.substr(0, kMaxSeedBytes));
}

void writeProjectorSeeds(const fs::path& out, const fs::path& demo)
{
    DemoOptions options;
    options.directory = demo;
    options.steps = 2;
    if (!writeDemoLogdir(options).empty())
        return;
    writeProjectorSeed(
        out, "demo-config", 0, readFile(demo / "projector_config.pbtxt", kMaxSeedBytes));
    writeProjectorSeed(
        out, "demo-metadata", 1, readFile(demo / "embedding_metadata.tsv", kMaxSeedBytes));
    writeProjectorSeed(out, "demo-tensor", 2, readFile(demo / "embedding.tsv", kMaxSeedBytes));
    const float raw[] = {1.5f, -2.0f, 0.25f, 3e8f, -1e-20f, 7.0f};
    writeProjectorSeed(
        out, "raw-tensor", 2, std::string(reinterpret_cast<const char*>(raw), sizeof raw), 2, 3);
    writeProjectorSeed(out, "single-column", 1, "cat\ndog\n\n42\n");
}

void writeProjectorCorpusSeeds(const fs::path& out, const fs::path& corpus)
{
    int index = 0;
    std::error_code error;
    for (auto it = fs::recursive_directory_iterator(corpus, error);
         it != fs::recursive_directory_iterator() && index < 40; it.increment(error)) {
        if (error)
            break;
        const std::string name = it->path().filename().string();
        const std::string seed = "corpus-" + std::to_string(index++);
        if (name == "projector_config.pbtxt")
            writeProjectorSeed(out, seed, 0, readFile(it->path(), kMaxSeedBytes));
        else if (name == "metadata.tsv")
            writeProjectorSeed(out, seed, 1, readFile(it->path(), kMaxSeedBytes));
        else if (name == "tensors.tsv")
            writeProjectorSeed(out, seed, 2, readFile(it->path(), kMaxSeedBytes));
        else if (it->path().extension() == ".index" || name.find("-00000-of-") != std::string::npos)
            writeSeed( // a V2 index, or a V1 checkpoint's first shard

                out.parent_path() / "checkpoint_index", seed, readFile(it->path(), kMaxSeedBytes));
        else
            --index;
    }
}

// GraphDefs with scopes, an op named like a scope, a series, control and indexed inputs.
void writeGraphSeeds(const fs::path& out)
{
    lantern::pb::GraphDef graph;
    auto add = [&](const std::string& name, const std::string& op,
                   std::initializer_list<std::string> inputs) {
        auto* node = graph.add_node();
        node->set_name(name);
        node->set_op(op);
        for (const std::string& input : inputs)
            node->add_input(input);
    };
    add("input/x", "Placeholder", {});
    add("dense/kernel", "VariableV2", {});
    add("dense/kernel/read", "Identity", {"dense/kernel"});
    add("dense/MatMul", "MatMul", {"input/x", "dense/kernel/read:0"});
    add("dense/add", "Add", {"dense/MatMul"});
    for (int i = 1; i < 7; ++i)
        add("dense/add_" + std::to_string(i), "Add", {"dense/add", "^input/x"});
    add("loss/Mean", "Mean", {"dense/add_6", "missing:1"});
    writeSeed(out, "dense", graph.SerializeAsString());
    graph.mutable_node()->DeleteSubrange(4, 7);
    writeSeed(out, "small", graph.SerializeAsString());
}

// A table of `entries` written with LevelDB's table builder, as TensorFlow writes checkpoints;
// returns its bytes ("" if LevelDB could not write it).
std::string tableBytes(const std::map<std::string, std::string>& entries, const fs::path& path)
{
    fs::create_directories(path.parent_path());
    leveldb::WritableFile* file = nullptr;
    if (!leveldb::Env::Default()->NewWritableFile(path.string(), &file).ok())
        return {};
    leveldb::Options options;
    options.compression = leveldb::kNoCompression;
    leveldb::TableBuilder builder(options, file);
    for (const auto& [key, value] : entries)
        builder.Add(key, value);
    const bool ok = builder.Finish().ok() && file->Close().ok();
    delete file;
    return ok ? readFile(path, kMaxSeedBytes) : std::string();
}

// A small checkpoint index; returns its bytes ("" if LevelDB could not write it).
std::string writeCheckpointSeed(const fs::path& out, const fs::path& scratch)
{
    std::map<std::string, std::string> entries;
    lantern::pb::BundleHeaderProto header;
    header.set_num_shards(1);
    entries[""] = header.SerializeAsString();
    for (int i = 0; i < 3; ++i) {
        lantern::pb::BundleEntryProto entry;
        entry.set_dtype(lantern::pb::DT_FLOAT);
        entry.mutable_shape()->add_dim()->set_size(10);
        entry.mutable_shape()->add_dim()->set_size(4);
        entry.set_offset(160 * i);
        entry.set_size(160);
        entry.set_crc32c(0x12345678u + unsigned(i));
        entries["embed" + std::to_string(i)] = entry.SerializeAsString();
    }
    std::string bytes = tableBytes(entries, scratch / "seed.index");
    if (!bytes.empty())
        writeSeed(out, "writer", bytes);
    return bytes;
}

// A small V1 checkpoint: a 4 × 2 float variable in two row slices, one whole, one with its
// columns' extent left out (the whole dimension), and a scalar step.
void writeV1CheckpointSeed(const fs::path& out, const fs::path& scratch)
{
    std::map<std::string, std::string> entries;
    lantern::pb::SavedTensorSlices meta;
    auto* embedding = meta.mutable_meta()->add_tensor();
    embedding->set_name("embedding");
    embedding->set_type(lantern::pb::DT_FLOAT);
    embedding->mutable_shape()->add_dim()->set_size(4);
    embedding->mutable_shape()->add_dim()->set_size(2);
    for (int half = 0; half < 2; ++half) {
        lantern::pb::TensorSliceProto slice;
        auto* rows = slice.add_extent();
        rows->set_start(2 * half);
        rows->set_length(2);
        auto* columns = slice.add_extent();
        if (half == 0)
            columns->set_length(2);
        *embedding->add_slice() = slice;
        lantern::pb::SavedTensorSlices data;
        data.mutable_data()->set_name("embedding");
        *data.mutable_data()->mutable_slice() = slice;
        for (int i = 0; i < 4; ++i)
            data.mutable_data()->mutable_data()->add_float_val(float(half * 4 + i));
        entries[std::string(1, '\x01') + "embedding" + char('0' + half)] = data.SerializeAsString();
    }
    auto* step = meta.mutable_meta()->add_tensor();
    step->set_name("global_step");
    step->set_type(lantern::pb::DT_INT64);
    step->add_slice();
    entries[""] = meta.SerializeAsString();
    const std::string bytes = tableBytes(entries, scratch / "model.ckpt-1");
    if (!bytes.empty())
        writeSeed(out, "writer-v1", bytes);
}

// A whole projector folder for projector_files' mode 3: records written as the config, t.tsv,
// m.tsv, s.png, b.json, ckpt-1.index, its data shard and the `checkpoint` file.
void writeProjectorFolderSeed(const fs::path& out, const std::string& index)
{
    std::string shard(480, '\0');
    for (std::size_t i = 0; i < shard.size(); i += 4)
        shard[i + 3] = 0x3f; // 0.5f-ish values
    const std::string png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x14\0\0\0\x14", 24);
    writeSeed(out, "folder",
        std::string(1, char(3))
            + lengthPrefixed({"model_checkpoint_path: \"C:\\\\x\\\\ckpt-1\"\n"
                              "embeddings { tensor_name: \"embed0:0\" metadata_path: \"m.tsv\" "
                              "bookmarks_path: \"b.json\" sprite { image_path: \"s.png\" "
                              "single_image_dim: 10 single_image_dim: 10 } }\n"
                              "embeddings { tensor_path: \"t.tsv\" metadata_path: \"/a/m.tsv\" }\n"
                              "embeddings { metadata_path: \"m.tsv\" }\n",
                "1\t2\t3\n4\t5\t6\n", "name\tkind\na\tx\nb\ty\n", png, "[{}, {}]", index, shard,
                "model_checkpoint_path: \"/elsewhere/ckpt-1\"\n"}));
    writeSeed(out, "image-png", std::string(1, char(4)) + png);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: fuzz_seed_corpus OUTDIR [CORPUS_DIR]\n");
        return 2;
    }
    const fs::path out = argv[1];
    const fs::path scratch = out / "scratch";
    fs::remove_all(scratch);
    writeFixtures(scratch / "plain", RecordCompression::None);
    writeFixtures(scratch / "gzip", RecordCompression::Gzip);
    writeFixtures(scratch / "zlib", RecordCompression::Zlib);
    for (const char* kind : {"plain", "gzip", "zlib"})
        for (const auto& entry : fs::directory_iterator(scratch / kind))
            seedsFromFile(out, entry.path(), std::string("writer-") + kind,
                std::string_view(kind) == "plain" ? char(0) : char(1));

    // One value per record, so small seeds exist for every kind.
    for (const auto& entry : fs::directory_iterator(scratch / "plain")) {
        int index = 0;
        for (const std::string& record : recordsOf(entry.path(), kMaxSeedBytes)) {
            const std::string name = "writer-record-" + std::to_string(index++);
            writeSeed(out / "event_decoder", name, lengthPrefixed({record}));
            writeSeed(out / "scalar_fast_path", name, lengthPrefixed({record}));
        }
    }

    // Bare WAV files for the WAV decoder (run on the whole input): mono and stereo, and one
    // cut inside its data.
    for (const int channels : {1, 2}) {
        const std::vector<float> samples(std::size_t(64 * channels), 0.25f);
        const std::string wav = encodeWav(samples, channels, 8000);
        writeSeed(out / "blob_decoder", "wav-" + std::to_string(channels), char(0) + wav);
        writeSeed(out / "blob_decoder", "wav-cut-" + std::to_string(channels),
            char(0) + wav.substr(0, wav.size() - 3));
    }

    if (argc > 2 && fs::is_directory(argv[2])) {
        std::vector<fs::path> files;
        std::error_code error;
        for (auto it = fs::recursive_directory_iterator(argv[2], error);
             it != fs::recursive_directory_iterator(); it.increment(error)) {
            if (error)
                break;
            if (it->is_regular_file()
                && it->path().filename().string().find("tfevents") != std::string::npos)
                files.push_back(it->path());
        }
        std::sort(files.begin(), files.end());
        // Every n-th file, at most 60: the seeds should cover writers, not repeat them.
        const std::size_t stride = std::max<std::size_t>(1, files.size() / 60);
        for (std::size_t i = 0; i < files.size(); i += stride) {
            const char mode = readFile(files[i], 2) == "\x1f\x8b" ? char(1) : char(0);
            seedsFromFile(out, files[i], "corpus-" + std::to_string(i), mode);
        }
    }
    for (int i = 0; i < 8; ++i) {
        std::string bytes;
        for (int j = 0; j < 64 * (i + 1); ++j)
            bytes += char((j * 131 + i * 17) & 0xFF);
        writeSeed(out / "analysis", "seed-" + std::to_string(i), bytes);
    }
    writeProjectorSeeds(out / "projector_files", scratch / "demo");
    writeGraphSeeds(out / "graph_hierarchy");
    writeProjectorFolderSeed(out / "projector_files",
        writeCheckpointSeed(out / "checkpoint_index", scratch / "checkpoint"));
    writeV1CheckpointSeed(out / "checkpoint_index", scratch / "checkpoint");
    if (argc > 2 && fs::is_directory(argv[2]))
        writeProjectorCorpusSeeds(out / "projector_files", argv[2]);
    fs::remove_all(scratch);
    std::printf("wrote %d seed inputs to %s\n", g_written, out.c_str());
    return 0;
}
