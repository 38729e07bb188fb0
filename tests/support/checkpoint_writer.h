#pragma once
// Writing small TensorFlow checkpoints for tests with LevelDB's own table builder (TensorFlow's
// copy writes the same format): V2 (an index and one data shard) and V1 (one table of
// SavedTensorSlices per file).

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

// `value` as IEEE half-precision bits; exact for small values with few mantissa bits (0.5, -2,
// 3, 0.25 …), which is all tests need.
std::uint16_t toHalf(float value);

// Little-endian float32 bytes of `values`.
std::string floatBytes(const std::vector<float>& values);

// `<prefix>.index` and `<prefix>.data-00000-of-00001` holding `tensors` (name → tensor), plus a
// partitioned entry "sliced" and one of its slice keys (folders made as needed). False when
// LevelDB could not write.
bool writeCheckpoint(
    const std::filesystem::path& prefix, const std::map<std::string, CheckpointTensor>& tensors);

// One slice of a V1 variable: per dimension its start and length (-1: the whole dimension,
// written as TensorFlow does, without a length) and its values (float_val; half_val bits for
// dtype 19; int64_val for dtype 9). `saved` false lists it in the meta without its entry.
struct V1Slice {
    std::vector<std::int64_t> start;
    std::vector<std::int64_t> length;
    std::vector<float> values;
    bool saved = true;
};

struct V1Variable {
    int dtype;
    std::vector<std::int64_t> shape;
    std::vector<V1Slice> slices;
};

// A V1 checkpoint file at `path`: the meta under key "", then each slice's SavedSlice under a
// key of its own (folders made as needed). False when LevelDB could not write.
bool writeV1Checkpoint(
    const std::filesystem::path& path, const std::map<std::string, V1Variable>& variables);

} // namespace lantern::test
