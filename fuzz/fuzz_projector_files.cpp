// The projector's inputs on fuzzed bytes. Byte 0 picks what is fuzzed: 0 → the text-format
// projector config, 1 → a metadata TSV, 2 → an embedding tensor (bytes 1–8 give the config's
// tensor_shape, which a raw binary file needs), 3 → a whole projector folder, 4 → an image
// header. For 3 the rest is records (fuzz_input.h) written as files into a scratch folder:
// projector_config.pbtxt, t.tsv, m.tsv, s.png, b.json, ckpt-1.index,
// ckpt-1.data-00000-of-00001 and `checkpoint`, then found, loaded and summarised as the app
// and `lantern-cli inspect` do.
// Checks: no crash, hang or runaway memory (the folder's peak heap is bounded by a multiple of
// its bytes); every result is consistent with itself; every problem names a file.

#include "core/projector/embedding_summary.h"
#include "core/projector/embedding_tensor.h"
#include "core/projector/image_header.h"
#include "core/projector/metadata_table.h"
#include "core/projector/projector_config.h"
#include "core/projector/projector_discovery.h"

#include "fuzz/fuzz_allocation.h"
#include "fuzz/fuzz_check.h"
#include "fuzz/fuzz_input.h"
#include "fuzz/fuzz_scratch.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

using namespace lantern::core;
using lantern::fuzz::check;
using lantern::fuzz::emptyScratchFolder;
using lantern::fuzz::scratchFolder;
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kBytesPerInputByte = 64;
constexpr std::size_t kFixedBytes = std::size_t(8) << 20; // read buffers, LevelDB, protobuf

void fuzzFolder(std::string_view rest)
{
    static const char* const kNames[] = {"projector_config.pbtxt", "t.tsv", "m.tsv", "s.png",
        "b.json", "ckpt-1.index", "ckpt-1.data-00000-of-00001", "checkpoint"};
    const fs::path& folder = scratchFolder();
    emptyScratchFolder();
    const auto records = lantern::fuzz::splitRecords(
        reinterpret_cast<const std::uint8_t*>(rest.data()), rest.size());
    for (std::size_t i = 0; i < records.size() && i < std::size(kNames); ++i)
        std::ofstream(folder / kNames[i], std::ios::binary)
            .write(records[i].data(), std::streamsize(records[i].size()));

    const std::size_t liveBefore = lantern::fuzz::startPeakMeasurement();
    {
        const std::vector<std::pair<std::string, fs::path>> logdirs {{"", folder}};
        const ProjectorDiscovery found = discoverProjectorEmbeddings({}, logdirs);
        for (const std::string& problem : found.problems)
            check(problem.find(folder.string()) != std::string::npos, "a problem names no file");
        for (const ProjectorEmbeddingSource& source : found.embeddings) {
            for (const std::string& problem : source.problems)
                check(problem.starts_with(describeEmbedding(source)),
                    "an embedding's problem does not name it");
            const LoadedEmbedding loaded = loadEmbedding(source);
            if (loaded.error.empty()) {
                check(loaded.rows > 0 && loaded.columns > 0, "an empty matrix without an error");
                check(loaded.values.size() == loaded.rows * loaded.columns,
                    "values ≠ rows × columns");
                check(loaded.metadata.rows.empty() || loaded.metadata.rows.size() == loaded.rows,
                    "metadata rows not fitted to the points");
                check(loaded.bookmarksJson.size() <= kMaxBookmarksBytes, "bookmarks past the cap");
            } else {
                check(loaded.values.empty(), "values beside an error");
            }
            const EmbeddingSummary summary = summarizeEmbedding(source);
            if (loaded.error.empty())
                check(summary.rows == loaded.rows && summary.columns == loaded.columns,
                    "inspect's shape differs from the loaded one");
        }
    }
    const std::size_t peak = lantern::fuzz::peakBytes() - liveBefore;
    if (peak > kBytesPerInputByte * rest.size() + kFixedBytes) {
        std::fprintf(stderr, "peak %zu bytes for %zu input bytes\n", peak, rest.size());
        check(false, "peak allocation beyond a multiple of the input");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 5) {
    case 0: {
        const ProjectorConfigParse parsed = parseProjectorConfig(rest);
        check(parsed.config.has_value() == parsed.error.empty(), "config xor error");
        // How names lose their output index is pinned by test_projector_files: a name
        // may rightly end in ":0" ("e:0:0", or a tensor named after its file).
        break;
    }
    case 1: {
        const MetadataTable table = parseMetadataTsv(rest);
        check(table.rows.empty() || !table.columns.empty(), "rows without columns");
        for (const auto& row : table.rows)
            check(row.size() <= table.columns.size(), "a row with more cells than columns");
        check(table.overlongRows <= table.rows.size(), "more overlong rows than rows");
        break;
    }
    case 2: {
        if (rest.size() < 8)
            return 0;
        std::uint32_t shape[2];
        std::memcpy(shape, rest.data(), sizeof shape);
        const EmbeddingTensor tensor = parseEmbeddingTensor(rest.substr(8), shape);
        if (tensor.error.empty()) {
            check(tensor.rows > 0 && tensor.columns > 0, "an empty tensor without an error");
            check(tensor.values.size() == tensor.rows * tensor.columns, "values ≠ rows × columns");
        } else {
            check(tensor.values.empty(), "values beside an error");
        }
        break;
    }
    case 3:
        fuzzFolder(rest);
        break;
    default: {
        const ImageHeader header = parseImageHeader(rest);
        check(header.format != ImageFormat::Unknown || (!header.width && !header.height),
            "a size for an unknown format");
        check(header.width.has_value() == header.height.has_value(), "half a size");
        break;
    }
    }
    return 0;
}
