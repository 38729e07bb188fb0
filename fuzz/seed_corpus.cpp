// Writes seed inputs for the fuzz targets into OUTDIR/<target>/: event files made by our
// EventFileWriter (every summary kind, TF1 and TF2, plain, GZIP and ZLIB), and, when a corpus
// directory is given and exists, the start of its real event files. Seeds are generated at fuzz
// time and never committed.
//   fuzz_seed_corpus OUTDIR [CORPUS_DIR]

#include "core/io/file_byte_source.h"
#include "core/io/record_reader.h"
#include "core/write/event_file_writer.h"
#include "core/write/wav_encoder.h"

#include "event.pb.h"
#include "graph.pb.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
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
    fs::remove_all(scratch);
    std::printf("wrote %d seed inputs to %s\n", g_written, out.c_str());
    return 0;
}
