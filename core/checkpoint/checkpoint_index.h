#pragma once
// Reading a TensorFlow V2 checkpoint's `<prefix>.index`: a LevelDB-format table (TensorFlow
// copied LevelDB's table code, magic number included), so libleveldb reads it, checksums
// verified. Key "" is the bundle header; every other key names a variable and maps to where
// its bytes lie in the data shards. A V1 checkpoint (before 2017) is listed the same way
// (core/checkpoint/checkpoint_v1.h). Also finds the latest checkpoint from the text-format
// `checkpoint` file a Saver or CheckpointManager keeps beside them.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lantern::core {

enum class CheckpointFormat : std::uint8_t { V2, V1 };

// Where one slice of a V1 variable lies in the whole tensor, and which file of the checkpoint
// holds its values.
struct CheckpointSlice {
    std::int32_t file = 0; // the shard's number, 0 for an unsharded checkpoint
    std::vector<std::int64_t> start; // one per dimension
    std::vector<std::int64_t> length; // one per dimension (a whole dimension is written out)
};

struct CheckpointVariable {
    std::string name; // e.g. "embedding" or "model/dense/kernel/.ATTRIBUTES/VARIABLE_VALUE"
    int dtype = 0; // TensorFlow's DataType enum (1 float, 2 double, 14 bfloat16, 19 half …)
    std::vector<std::int64_t> shape;
    std::int32_t shard = 0;
    std::uint64_t offset = 0;
    std::uint64_t size = 0; // bytes in the shard
    std::uint32_t maskedCrc = 0;
    bool partitioned = false; // stored as slices under other keys; not readable as a whole
    std::vector<CheckpointSlice> slices; // V1: what its files hold, assembled when read

    // What the projector offers unasked: two-dimensional floating-point numbers, not partitioned,
    // and not an optimizer's slot (see isOptimizerSlotName).
    bool isEmbeddingCandidate() const;
};

struct CheckpointIndex {
    CheckpointFormat format = CheckpointFormat::V2;
    std::int32_t numShards = 1; // V1: its files
    bool bigEndian = false;
    std::vector<CheckpointVariable> variables; // in key order, header and slice keys left out
    std::string error; // why the index could not be read (then variables is empty)

    const CheckpointVariable* find(std::string_view name) const;
};

// Parses the bytes of an .index file (kept in memory by the caller).
CheckpointIndex parseCheckpointIndex(std::string_view bytes);
// Reads `<prefix>.index`, or, without one, the V1 checkpoint `prefix` names (one file, or the
// shards of a `NAME-?????-of-NNNNN` pattern as V1 Savers name them); over 1 GiB is refused.
CheckpointIndex readCheckpointIndex(const std::filesystem::path& prefix);

// True when `<prefix>.index` or the V1 checkpoint `prefix` names exists.
bool checkpointExists(const std::filesystem::path& prefix);

// The file readCheckpointIndex reads for `prefix`, for messages: `<prefix>.index`, or a V1
// checkpoint's (first) file.
std::filesystem::path checkpointIndexFile(const std::filesystem::path& prefix);

// True for the variables optimizers keep beside the model's: TF2 `.OPTIMIZER_SLOT` keys, Keras
// "optimizer/…" (2.11+) and TF1 "training/…" variables, and TF1 slots named
// "<variable>/<optimizer>[_N]" (Adam, Momentum, RMSProp, Adagrad, Adadelta, Ftrl, …).
bool isOptimizerSlotName(std::string_view name);

// The prefix the `checkpoint` file in `directory` names as latest, when it exists (V2 or V1).
// A path written on another machine (absolute, or with backslashes) is tried by its file name
// in `directory` too.
std::optional<std::filesystem::path> checkpointNamedByStateFile(
    const std::filesystem::path& directory);

// The newest checkpoint in `directory` (not its subfolders): a `<prefix>.index`, or a V1
// checkpoint (a `NAME-00000-of-NNNNN` shard, or a table file beside its `.meta`); the highest
// step in its name ("-N", as Savers number them), then the latest modified; nullopt when there
// is none.
std::optional<std::filesystem::path> newestCheckpointIndex(const std::filesystem::path& directory);

// The checkpoint named by the state file, or, when there is none or it names a checkpoint that
// is not here (a TF1 Saver folder copied without it, a folder renamed), the newest index.
std::optional<std::filesystem::path> latestCheckpoint(const std::filesystem::path& directory);

} // namespace lantern::core
