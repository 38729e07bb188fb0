#pragma once
// Reading one variable's values out of a V2 checkpoint's data shards, as float32: the
// projector's embeddings. The bytes are checked against the index's CRC-32C and size before
// anything is converted; float, double, half and bfloat16 are supported. A V1 checkpoint's
// variable is assembled from its slices (core/checkpoint/checkpoint_v1.h).

#include "core/checkpoint/checkpoint_index.h"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace lantern::core {

struct CheckpointMatrix {
    std::size_t rows = 0;
    std::size_t columns = 0;
    std::vector<float> values; // row-major
    std::string error;
};

// `<prefix>.data-<shard>-of-<numShards>`, numbered with five digits.
std::filesystem::path checkpointShardPath(
    const std::filesystem::path& prefix, std::int32_t shard, std::int32_t numShards);

// Why `variable` cannot be read, judged without reading it (dtype, shape, declared size, and
// whether its shard exists and is long enough); empty when it looks readable.
std::string checkpointVariableProblem(const std::filesystem::path& prefix,
    const CheckpointIndex& index, const CheckpointVariable& variable);

// A one- or two-dimensional variable (one dimension reads as a column). A V2 variable is read
// and converted in pieces, asking `cancelled` between them: once it says yes, the result is
// empty with the error "cancelled".
CheckpointMatrix readCheckpointMatrix(const std::filesystem::path& prefix,
    const CheckpointIndex& index, const CheckpointVariable& variable,
    const std::function<bool()>& cancelled = {});

} // namespace lantern::core
