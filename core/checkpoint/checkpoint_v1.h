#pragma once
// TensorFlow's V1 checkpoints (Savers before 2017, `write_version=V1`): each file is one
// LevelDB-format table of SavedTensorSlices. Key "" holds the meta (each variable's name,
// dtype, shape and the slices saved); every other entry holds one slice's values as a
// TensorProto. A sharded Saver writes `NAME-00000-of-NNNNN` … and its `checkpoint` file names
// the pattern `NAME-?????-of-NNNNN`; an unsharded one writes the file `NAME` itself.
// A variable is read by assembling its slices, which must cover its shape exactly.

#include "core/checkpoint/checkpoint_index.h"
#include "core/checkpoint/checkpoint_tensor.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lantern::core {

// One V1 file's variables (its meta), each slice marked as held by `file`. Data entries are
// not looked at here.
CheckpointIndex parseV1Checkpoint(std::string_view bytes, std::int32_t file = 0);

// The files of the V1 checkpoint `prefix`: each shard of a `NAME-?????-of-NNNNN` pattern
// (present or not), else `prefix` itself when it is a file; empty otherwise.
std::vector<std::filesystem::path> v1CheckpointFiles(const std::filesystem::path& prefix);

// The checkpoint a V1 file belongs to: `NAME-?????-of-NNNNN` for a shard `NAME-KKKKK-of-NNNNN`,
// else the file itself.
std::filesystem::path v1CheckpointOf(const std::filesystem::path& file);

// True when the file ends with the table format's magic number (both V1 and V2 tables do).
bool endsWithTableMagic(const std::filesystem::path& file);

// Every file of `prefix` merged (a variable whose slices lie in several shards is one);
// over 1 GiB in all is refused.
CheckpointIndex readV1Checkpoint(const std::filesystem::path& prefix);

// As checkpointVariableProblem: dtype (float, double, half), one or two dimensions, slices
// inside the shape that cover it, files present.
std::string v1VariableProblem(const std::filesystem::path& prefix, const CheckpointIndex& index,
    const CheckpointVariable& variable);

CheckpointMatrix readV1CheckpointMatrix(const std::filesystem::path& prefix,
    const CheckpointIndex& index, const CheckpointVariable& variable);

} // namespace lantern::core
