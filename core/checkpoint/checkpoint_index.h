#pragma once
// Reading a TensorFlow V2 checkpoint's `<prefix>.index`: a LevelDB-format table (TensorFlow
// copied LevelDB's table code, magic number included), so libleveldb reads it, checksums
// verified. Key "" is the bundle header; every other key names a variable and maps to where
// its bytes lie in the data shards. Also finds the latest checkpoint from the text-format
// `checkpoint` file a Saver or CheckpointManager keeps beside them.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lantern::core {

struct CheckpointVariable {
    std::string name; // e.g. "embedding" or "model/dense/kernel/.ATTRIBUTES/VARIABLE_VALUE"
    int dtype = 0; // TensorFlow's DataType enum (1 float, 2 double, 14 bfloat16, 19 half …)
    std::vector<std::int64_t> shape;
    std::int32_t shard = 0;
    std::uint64_t offset = 0;
    std::uint64_t size = 0; // bytes in the shard
    std::uint32_t maskedCrc = 0;
    bool partitioned = false; // stored as slices under other keys; not readable as a whole

    // What the projector offers unasked: two-dimensional floating-point numbers, not partitioned,
    // and not an optimizer's slot (see isOptimizerSlotName).
    bool isEmbeddingCandidate() const;
};

struct CheckpointIndex {
    std::int32_t numShards = 1;
    bool bigEndian = false;
    std::vector<CheckpointVariable> variables; // in key order, header and slice keys left out
    std::string error; // why the index could not be read (then variables is empty)

    const CheckpointVariable* find(std::string_view name) const;
};

// Parses the bytes of an .index file (kept in memory by the caller).
CheckpointIndex parseCheckpointIndex(std::string_view bytes);
// Reads `<prefix>.index`; files over 1 GiB are refused.
CheckpointIndex readCheckpointIndex(const std::filesystem::path& prefix);

// True for the variables optimizers keep beside the model's: TF2 `.OPTIMIZER_SLOT` keys, Keras
// "optimizer/…" (2.11+) and TF1 "training/…" variables, and TF1 slots named
// "<variable>/<optimizer>[_N]" (Adam, Momentum, RMSProp, Adagrad, Adadelta, Ftrl, …).
bool isOptimizerSlotName(std::string_view name);

// The prefix the `checkpoint` file in `directory` names as latest, when its `.index` exists.
// A path written on another machine (absolute, or with backslashes) is tried by its file name
// in `directory` too.
std::optional<std::filesystem::path> checkpointNamedByStateFile(
    const std::filesystem::path& directory);

// The newest `<prefix>.index` in `directory` (not its subfolders): the highest step in its
// name ("-N", as Savers number them), then the latest modified; nullopt when there is none.
std::optional<std::filesystem::path> newestCheckpointIndex(const std::filesystem::path& directory);

// The checkpoint named by the state file, or, when there is none or it names a checkpoint that
// is not here (a TF1 Saver folder copied without it, a folder renamed), the newest index.
std::optional<std::filesystem::path> latestCheckpoint(const std::filesystem::path& directory);

} // namespace lantern::core
