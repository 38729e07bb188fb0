#pragma once
// Writing small TensorFlow V2 checkpoints for tests: the index with LevelDB's own table
// builder (TensorFlow's copy writes the same format), one data shard.

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace lantern::test {

struct CheckpointTensor {
    int dtype; // TensorFlow's DataType: 1 float, 19 half, 9 int64 …
    std::vector<std::int64_t> shape;
    std::string bytes;
};

// Little-endian float32 bytes of `values`.
std::string floatBytes(const std::vector<float>& values);

// `<prefix>.index` and `<prefix>.data-00000-of-00001` holding `tensors` (name → tensor), plus a
// partitioned entry "sliced" and one of its slice keys (folders made as needed). False when
// LevelDB could not write.
bool writeCheckpoint(
    const std::filesystem::path& prefix, const std::map<std::string, CheckpointTensor>& tensors);

} // namespace lantern::test
