// The checkpoint reader on fuzzed bytes: the index (LevelDB table + bundle entries); each
// variable read out of a data shard holding the same bytes (so offsets, sizes and checksums
// the fuzzer writes into the index point into data it also controls); the same bytes as a V1
// checkpoint file (a table of SavedTensorSlices: the meta, then slices assembled into each
// variable); and as a `checkpoint` state file beside that index.
// Checks: no crash, hang or runaway allocation (the footer's unchecked block handles are the
// classic way in; a variable's declared size is another); an error and variables never come
// together; names are unique and sorted; a variable judged readable without reading it reads,
// and a matrix has rows × columns values; a latest checkpoint found has its index.

#include "core/checkpoint/checkpoint_index.h"
#include "core/checkpoint/checkpoint_tensor.h"
#include "core/checkpoint/checkpoint_v1.h"

#include "fuzz/fuzz_allocation.h"
#include "fuzz/fuzz_check.h"
#include "fuzz/fuzz_scratch.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace lantern::core;
using lantern::fuzz::check;
using lantern::fuzz::emptyScratchFolder;
using lantern::fuzz::scratchFolder;
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kBytesPerInputByte = 32;
constexpr std::size_t kFixedBytes = std::size_t(4) << 20;

void writeFile(const fs::path& path, std::string_view bytes)
{
    std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
}

void checkListing(const CheckpointIndex& index)
{
    check(index.error.empty() || index.variables.empty(), "variables beside an error");
    check(index.numShards >= 1, "fewer than one shard");
    for (std::size_t i = 1; i < index.variables.size(); ++i)
        check(index.variables[i - 1].name < index.variables[i].name, "keys out of order");
}

// Each variable judged without reading, then read: a problem found first is the error, and a
// matrix holds rows × columns values.
void checkVariables(const fs::path& prefix, const CheckpointIndex& index)
{
    for (const CheckpointVariable& variable : index.variables) {
        const std::string problem = checkpointVariableProblem(prefix, index, variable);
        const CheckpointMatrix matrix = readCheckpointMatrix(prefix, index, variable);
        if (!problem.empty())
            check(matrix.error == problem, "a problem found without reading is not the error");
        if (matrix.error.empty())
            check(matrix.values.size() == matrix.rows * matrix.columns, "values ≠ rows × columns");
        else
            check(matrix.values.empty(), "values beside an error");
        (void)variable.isEmbeddingCandidate();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const std::size_t liveBefore = lantern::fuzz::startPeakMeasurement();
    {
        const CheckpointIndex index = parseCheckpointIndex(bytes);
        checkListing(index);
        const fs::path prefix = scratchFolder() / "ckpt-1";
        for (std::int32_t shard = 0; shard < std::min(index.numShards, 4); ++shard)
            writeFile(checkpointShardPath(prefix, shard, index.numShards), bytes);
        checkVariables(prefix, index);
        emptyScratchFolder();

        // The same bytes as a V1 checkpoint file: read from disk, it lists what its meta does.
        const CheckpointIndex v1 = parseV1Checkpoint(bytes);
        checkListing(v1);
        const fs::path v1File = scratchFolder() / "model.ckpt-3";
        writeFile(v1File, bytes);
        const CheckpointIndex v1Read = readCheckpointIndex(v1File);
        checkListing(v1Read);
        check(v1Read.variables.size() == v1.variables.size(), "V1 read ≠ V1 parsed");
        check(
            !v1Read.error.empty() || v1Read.format == CheckpointFormat::V1, "a V1 file read as V2");
        checkVariables(v1File, v1Read);
        emptyScratchFolder();

        // The same bytes as the state file beside an index: whatever it names, what is found
        // exists (an index, or a V1 table).
        writeFile(scratchFolder() / "checkpoint", bytes);
        writeFile(scratchFolder() / "model.ckpt-7.index", "");
        if (const auto latest = latestCheckpoint(scratchFolder()))
            check(checkpointExists(*latest), "a latest checkpoint that is not there");
        emptyScratchFolder();
    }
    const std::size_t peak = lantern::fuzz::peakBytes() - liveBefore;
    if (peak > kBytesPerInputByte * size + kFixedBytes) {
        std::fprintf(stderr, "peak %zu bytes for %zu input bytes\n", peak, size);
        check(false, "peak allocation beyond a multiple of the input");
    }
    return 0;
}
