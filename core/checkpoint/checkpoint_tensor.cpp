#include "core/checkpoint/checkpoint_tensor.h"

#include "core/checkpoint/checkpoint_v1.h"
#include "core/events/tensor_values.h"
#include "core/io/cancellation_poll.h"
#include "core/io/checked_size.h"
#include "core/io/crc32c.h"
#include "core/io/file_access.h"
#include "core/io/path_text.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace lantern::core {

namespace fs = std::filesystem;

namespace {

constexpr int kFloat = 1;
constexpr int kDouble = 2;
constexpr int kBfloat16 = 14;
constexpr int kHalf = 19;

// A large variable is read and converted in pieces, asking between them whether to go on.
constexpr std::size_t kReadPieceBytes = std::size_t(16) << 20;
constexpr std::size_t kValuesBetweenPolls = std::size_t(1) << 20;

CheckpointMatrix failedMatrix(std::string why)
{
    CheckpointMatrix matrix;
    matrix.error = std::move(why);
    return matrix;
}

std::size_t widthOf(int dtype)
{
    switch (dtype) {
    case kFloat:
        return 4;
    case kDouble:
        return 8;
    case kBfloat16:
    case kHalf:
        return 2;
    default:
        return 0;
    }
}

// The element at `p`, stored in the checkpoint's byte order.
float elementAt(const unsigned char* p, int dtype, bool bigEndian)
{
    const std::size_t width = widthOf(dtype);
    std::uint64_t bits = 0;
    for (std::size_t i = 0; i < width; ++i)
        bits |= std::uint64_t(p[bigEndian ? width - 1 - i : i]) << (8 * i);
    switch (dtype) {
    case kFloat: {
        float value;
        const auto word = std::uint32_t(bits);
        std::memcpy(&value, &word, sizeof value);
        return value;
    }
    case kDouble: {
        double value;
        std::memcpy(&value, &bits, sizeof value);
        return float(value);
    }
    case kBfloat16:
        return bfloat16ToFloat(std::uint16_t(bits));
    default:
        return halfToFloat(std::uint16_t(bits));
    }
}

} // namespace

fs::path checkpointShardPath(const fs::path& prefix, std::int32_t shard, std::int32_t numShards)
{
    char suffix[40];
    std::snprintf(suffix, sizeof suffix, ".data-%05d-of-%05d", shard, numShards);
    fs::path path = prefix;
    path += suffix;
    return path;
}

std::string checkpointVariableProblem(
    const fs::path& prefix, const CheckpointIndex& index, const CheckpointVariable& variable)
{
    if (index.format == CheckpointFormat::V1)
        return v1VariableProblem(prefix, index, variable);
    const std::size_t width = widthOf(variable.dtype);
    if (width == 0)
        return "\"" + variable.name + "\" holds dtype " + std::to_string(variable.dtype)
            + ", not floating-point numbers";
    if (variable.partitioned)
        return "\"" + variable.name + "\" is partitioned into slices";
    if (variable.shape.empty() || variable.shape.size() > 2)
        return "\"" + variable.name + "\" is not one- or two-dimensional";
    const std::int64_t rows = variable.shape[0];
    const std::int64_t columns = variable.shape.size() == 2 ? variable.shape[1] : 1;
    const std::int64_t dims[] = {rows, columns, std::int64_t(width)};
    const auto declaredBytes = checkedElementCount(dims);
    if (rows <= 0 || columns <= 0 || declaredBytes != variable.size)
        return "\"" + variable.name + "\" claims " + std::to_string(variable.size)
            + " bytes, which does not match its shape";
    if (variable.shard < 0 || variable.shard >= index.numShards)
        return "\"" + variable.name + "\" names shard " + std::to_string(variable.shard) + " of "
            + std::to_string(index.numShards);
    const fs::path shard = checkpointShardPath(prefix, variable.shard, index.numShards);
    const FileStatus status = fileStatus(shard);
    if (status.notFound)
        return "the data shard " + pathText(shard) + " holding \"" + variable.name
            + "\" is missing (only the index is here)";
    if (!status.error.empty())
        return "the data shard " + pathText(shard) + " holding \"" + variable.name
            + "\" cannot be read (" + status.error + ")";
    const std::uint64_t shardSize = status.size;
    if (variable.offset > shardSize || variable.size > shardSize - variable.offset)
        return "the data shard " + pathText(shard) + " is " + std::to_string(shardSize)
            + " bytes, too short for \"" + variable.name + "\" (bytes "
            + std::to_string(variable.offset) + "–"
            + std::to_string(variable.offset + variable.size)
            + "): truncated or from another checkpoint";
    return {};
}

CheckpointMatrix readCheckpointMatrix(const fs::path& prefix, const CheckpointIndex& index,
    const CheckpointVariable& variable, const std::function<bool()>& cancelled)
{
    if (index.format == CheckpointFormat::V1)
        return readV1CheckpointMatrix(prefix, index, variable);
    if (std::string problem = checkpointVariableProblem(prefix, index, variable); !problem.empty())
        return failedMatrix(std::move(problem));
    const std::size_t width = widthOf(variable.dtype);
    const std::int64_t rows = variable.shape[0];
    const std::int64_t columns = variable.shape.size() == 2 ? variable.shape[1] : 1;
    const fs::path shard = checkpointShardPath(prefix, variable.shard, index.numShards);

    // Each piece is checksummed as it arrives.
    CancellationPoll poll(cancelled, kValuesBetweenPolls);
    std::string bytes(variable.size, '\0');
    const std::unique_ptr<ByteSource> in = openByteSource(shard, variable.offset);
    std::uint32_t crc = 0;
    for (std::size_t done = 0; done < bytes.size();) {
        if (poll.now())
            return failedMatrix("cancelled");
        const std::size_t piece = std::min(kReadPieceBytes, bytes.size() - done);
        if (readUpTo(*in, bytes.data() + done, piece) != piece)
            return failedMatrix("cannot read \"" + variable.name + "\" from " + pathText(shard)
                + (in->error().empty() ? std::string() : ": " + in->error()));
        crc = extendCrc32c(crc, bytes.data() + done, piece);
        done += piece;
    }
    if (maskCrc(crc) != variable.maskedCrc)
        return failedMatrix("\"" + variable.name + "\" fails its checksum in " + pathText(shard)
            + ": damaged, or the shard belongs to another checkpoint");

    CheckpointMatrix matrix;
    matrix.rows = std::size_t(rows);
    matrix.columns = std::size_t(columns);
    matrix.values.resize(matrix.rows * matrix.columns);
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    for (std::size_t i = 0; i < matrix.values.size(); ++i) {
        if (poll.step())
            return failedMatrix("cancelled");
        matrix.values[i] = elementAt(p + i * width, variable.dtype, index.bigEndian);
    }
    return matrix;
}

} // namespace lantern::core
