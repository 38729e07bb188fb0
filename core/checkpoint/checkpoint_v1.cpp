#include "core/checkpoint/checkpoint_v1.h"

#include "core/checkpoint/table_entries.h"
#include "core/events/tensor_values.h"
#include "core/io/checked_size.h"
#include "core/io/file_access.h"
#include "core/io/path_text.h"

#include "saved_tensor_slices.pb.h"

#include <algorithm>
#include <cstdio>
#include <map>

namespace lantern::core {

namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t kMaxV1Bytes = std::uint64_t(1) << 30;
constexpr int kMaxShards = 10000; // far past any Saver's; a state file cannot make us stat more
constexpr int kDataTypeFloat = 1;
constexpr int kDataTypeDouble = 2;
constexpr int kDataTypeHalf = 19;
constexpr std::string_view kShardPattern = "?????";

CheckpointIndex indexFailure(std::string why)
{
    CheckpointIndex index;
    index.error = std::move(why);
    return index;
}

CheckpointMatrix matrixFailure(std::string why)
{
    CheckpointMatrix matrix;
    matrix.error = std::move(why);
    return matrix;
}

std::string quotedName(const std::string& name)
{
    return "\"" + name + "\"";
}

// "NAME-KKKKK-of-NNNNN": the position of "-KKKKK-of-NNNNN" and N, when `name` ends so; K may
// be the pattern "?????".
struct ShardSuffix {
    std::size_t at = 0;
    int count = 0;
    std::string_view shard;
};

std::optional<ShardSuffix> shardSuffixOf(std::string_view name)
{
    constexpr std::size_t kLength = 15; // "-KKKKK-of-NNNNN"
    if (name.size() <= kLength)
        return std::nullopt;
    const std::string_view tail = name.substr(name.size() - kLength);
    const auto digits = [](std::string_view text) {
        return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    const std::string_view shard = tail.substr(1, 5), count = tail.substr(10, 5);
    if (tail[0] != '-' || tail.substr(6, 4) != "-of-" || !digits(count)
        || !(digits(shard) || shard == kShardPattern))
        return std::nullopt;
    return ShardSuffix {name.size() - kLength, std::stoi(std::string(count)), shard};
}

// A file of `size` bytes (checked by the caller), whole; empty when it cannot be read.
std::string readV1File(const fs::path& path, std::uint64_t size)
{
    std::string ignored;
    return readFileRange(path, 0, size, ignored).value_or(std::string());
}

// The variable `meta` declares, its slices spelled out: an extent without a length spans its
// whole dimension.
CheckpointVariable variableOf(const pb::SavedSliceMeta& meta, std::int32_t file)
{
    CheckpointVariable variable;
    variable.name = meta.name();
    variable.dtype = meta.type();
    for (const auto& dim : meta.shape().dim())
        variable.shape.push_back(dim.size());
    for (const pb::TensorSliceProto& proto : meta.slice()) {
        CheckpointSlice slice;
        slice.file = file;
        for (int d = 0; d < proto.extent_size(); ++d) {
            const auto& extent = proto.extent(d);
            const bool whole = !extent.has_length();
            slice.start.push_back(whole ? 0 : extent.start());
            slice.length.push_back(whole
                    ? (std::size_t(d) < variable.shape.size() ? variable.shape[std::size_t(d)] : -1)
                    : extent.length());
        }
        variable.slices.push_back(std::move(slice));
    }
    return variable;
}

// Adds `variable` to `into`, merging the slices of one declared twice (in two shards, or twice
// in one meta); false when the two disagree on dtype or shape.
bool merge(std::map<std::string, CheckpointVariable>& into, CheckpointVariable variable)
{
    const auto [it, added] = into.try_emplace(variable.name, variable);
    if (added)
        return true;
    if (it->second.dtype != variable.dtype || it->second.shape != variable.shape)
        return false;
    it->second.slices.insert(
        it->second.slices.end(), variable.slices.begin(), variable.slices.end());
    return true;
}

CheckpointIndex indexOf(std::map<std::string, CheckpointVariable> variables, std::int32_t files)
{
    CheckpointIndex index;
    index.format = CheckpointFormat::V1;
    index.numShards = files;
    for (auto& [name, variable] : variables)
        index.variables.push_back(std::move(variable));
    return index;
}

std::string sliceText(const CheckpointSlice& slice)
{
    std::string text = "[";
    for (std::size_t d = 0; d < slice.start.size(); ++d)
        text += (d ? ", " : "") + std::to_string(slice.start[d]) + "+"
            + std::to_string(d < slice.length.size() ? slice.length[d] : 0);
    return text + "]";
}

// The rows and columns of a one- or two-dimensional shape (one dimension is a column).
std::pair<std::int64_t, std::int64_t> matrixShape(const std::vector<std::int64_t>& shape)
{
    return {shape.empty() ? 0 : shape[0], shape.size() == 2 ? shape[1] : 1};
}

// Whether `slice` lies inside `shape`, and its number of elements when it does.
std::optional<std::uint64_t> sliceVolume(
    const CheckpointSlice& slice, const std::vector<std::int64_t>& shape)
{
    if (slice.start.size() != shape.size() || slice.length.size() != shape.size())
        return std::nullopt;
    for (std::size_t d = 0; d < shape.size(); ++d)
        if (slice.start[d] < 0 || slice.length[d] < 0 || slice.start[d] > shape[d]
            || slice.length[d] > shape[d] - slice.start[d])
            return std::nullopt;
    return checkedElementCount(slice.length);
}

// The values a slice's TensorProto holds, as float, for the dtypes V1 Savers write.
std::vector<float> sliceValues(const pb::TensorProto& data, int dtype)
{
    switch (dtype) {
    case kDataTypeFloat:
        return {data.float_val().begin(), data.float_val().end()};
    case kDataTypeDouble: {
        std::vector<float> values;
        values.reserve(std::size_t(data.double_val_size()));
        for (const double value : data.double_val())
            values.push_back(float(value));
        return values;
    }
    default: {
        std::vector<float> values;
        values.reserve(std::size_t(data.half_val_size()));
        for (const std::int32_t bits : data.half_val())
            values.push_back(halfToFloat(std::uint16_t(bits)));
        return values;
    }
    }
}

// Reads the variable's slices held by `file` into `matrix`, marking what they cover.
std::string readSlicesIn(const fs::path& path, std::int32_t file,
    const CheckpointVariable& variable, std::vector<bool>& filled, std::vector<bool>& covered,
    CheckpointMatrix& matrix)
{
    const FileStatus status = fileStatus(path);
    if (!status.error.empty())
        return "cannot read " + pathText(path) + ": " + status.error;
    if (status.size > kMaxV1Bytes)
        return pathText(path) + " is larger than a V1 checkpoint Lantern reads (1 GiB)";
    const std::string bytes = readV1File(path, status.size);
    std::string error;
    const std::string tableError
        = forEachTableEntry(bytes, [&](std::string_view key, std::string_view value) {
              if (key.empty())
                  return true; // the meta
              pb::SavedTensorSlices entry;
              if (!entry.ParseFromArray(value.data(), int(value.size()))) {
                  error = pathText(path) + ": an entry does not parse";
                  return false;
              }
              if (!entry.has_data() || entry.data().name() != variable.name)
                  return true;
              pb::SavedSliceMeta asMeta;
              asMeta.set_name(variable.name);
              *asMeta.mutable_slice()->Add() = entry.data().slice();
              for (const std::int64_t dimension : variable.shape)
                  asMeta.mutable_shape()->add_dim()->set_size(dimension);
              const CheckpointSlice found = variableOf(asMeta, file).slices.front();
              std::size_t which = 0;
              for (; which < variable.slices.size(); ++which) {
                  const CheckpointSlice& slice = variable.slices[which];
                  if (!filled[which] && slice.file == file && slice.start == found.start
                      && slice.length == found.length)
                      break;
              }
              if (which == variable.slices.size())
                  return true; // not in the meta: TensorFlow would not read it either
              const std::vector<float> values = sliceValues(entry.data().data(), variable.dtype);
              const std::uint64_t volume = *sliceVolume(found, variable.shape);
              if (values.size() != volume) {
                  error = "slice " + sliceText(found) + " of " + quotedName(variable.name) + " in "
                      + pathText(path) + " holds " + std::to_string(values.size())
                      + " values for its " + std::to_string(volume) + " elements";
                  return false;
              }
              const std::int64_t rowStart = found.start[0], rows = found.length[0];
              const std::int64_t columnStart = found.start.size() == 2 ? found.start[1] : 0;
              const std::int64_t columns = found.start.size() == 2 ? found.length[1] : 1;
              for (std::int64_t r = 0; r < rows; ++r)
                  for (std::int64_t c = 0; c < columns; ++c) {
                      const auto at = std::size_t(rowStart + r) * matrix.columns
                          + std::size_t(columnStart + c);
                      if (covered[at]) {
                          error = "the slices of " + quotedName(variable.name) + " overlap";
                          return false;
                      }
                      covered[at] = true;
                      matrix.values[at] = values[std::size_t(r * columns + c)];
                  }
              filled[which] = true;
              return true;
          });
    if (!tableError.empty())
        return pathText(path) + ": " + tableError;
    return error;
}

} // namespace

CheckpointIndex parseV1Checkpoint(std::string_view bytes, std::int32_t file)
{
    std::map<std::string, CheckpointVariable> variables;
    std::string error;
    bool sawMeta = false;
    const std::string tableError
        = forEachTableEntry(bytes, [&](std::string_view key, std::string_view value) {
              if (!key.empty())
                  return false; // the meta comes first; the data is read when asked for
              pb::SavedTensorSlices entry;
              if (!entry.ParseFromArray(value.data(), int(value.size())) || !entry.has_meta()) {
                  error = "the V1 checkpoint's meta does not parse";
                  return false;
              }
              sawMeta = true;
              for (const pb::SavedSliceMeta& meta : entry.meta().tensor())
                  if (!merge(variables, variableOf(meta, file))) {
                      error = quotedName(meta.name())
                          + " is declared twice, with different types or "
                            "shapes";
                      return false;
                  }
              return false;
          });
    if (!tableError.empty())
        return indexFailure("not a V1 checkpoint: " + tableError);
    if (!error.empty())
        return indexFailure(error);
    if (!sawMeta)
        return indexFailure("not a V1 checkpoint: it has no meta entry");
    return indexOf(std::move(variables), 1);
}

std::vector<fs::path> v1CheckpointFiles(const fs::path& prefix)
{
    const std::string name = pathText(prefix.filename());
    if (const auto suffix = shardSuffixOf(name); suffix && suffix->shard == kShardPattern) {
        if (suffix->count < 1 || suffix->count > kMaxShards)
            return {};
        std::vector<fs::path> files;
        for (int shard = 0; shard < suffix->count; ++shard) {
            char number[8];
            std::snprintf(number, sizeof number, "%05d", shard);
            std::string file = name;
            file.replace(suffix->at + 1, kShardPattern.size(), number);
            files.push_back(prefix.parent_path() / file);
        }
        return files;
    }
    if (!name.empty() && isRegularFile(prefix))
        return {prefix};
    return {};
}

fs::path v1CheckpointOf(const fs::path& file)
{
    std::string name = pathText(file.filename());
    const auto suffix = shardSuffixOf(name);
    if (!suffix)
        return file;
    name.replace(suffix->at + 1, kShardPattern.size(), kShardPattern);
    return file.parent_path() / name;
}

bool endsWithTableMagic(const fs::path& file)
{
    const FileStatus status = fileStatus(file);
    if (!status.error.empty() || status.size < 8)
        return false;
    std::string ignored;
    return readFileRange(file, status.size - 8, 8, ignored)
        == std::string_view("\x57\xfb\x80\x8b\x24\x75\x47\xdb", 8);
}

CheckpointIndex readV1Checkpoint(const fs::path& prefix)
{
    const std::vector<fs::path> files = v1CheckpointFiles(prefix);
    if (files.empty())
        return indexFailure("no V1 checkpoint file at " + pathText(prefix));
    std::map<std::string, CheckpointVariable> variables;
    std::uint64_t total = 0;
    bool anyFile = false;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const FileStatus status = fileStatus(files[i]);
        if (!status.error.empty())
            continue; // a missing shard: its variables' slices are missing (said when read)
        total += status.size;
        if (total > kMaxV1Bytes)
            return indexFailure(
                pathText(prefix) + " is larger than a V1 checkpoint Lantern reads (1 GiB)");
        anyFile = true;
        CheckpointIndex part
            = parseV1Checkpoint(readV1File(files[i], status.size), std::int32_t(i));
        if (!part.error.empty())
            return indexFailure(pathText(files[i]) + ": " + part.error);
        for (CheckpointVariable& variable : part.variables) {
            const std::string name = variable.name;
            if (!merge(variables, std::move(variable)))
                return indexFailure(
                    quotedName(name) + " is declared with different types or shapes in two shards");
        }
    }
    if (!anyFile)
        return indexFailure("cannot read " + pathText(files.front()) + ": no such file");
    return indexOf(std::move(variables), std::int32_t(files.size()));
}

std::string v1VariableProblem(
    const fs::path& prefix, const CheckpointIndex& index, const CheckpointVariable& variable)
{
    const std::string name = quotedName(variable.name);
    if (variable.dtype != kDataTypeFloat && variable.dtype != kDataTypeDouble
        && variable.dtype != kDataTypeHalf)
        return name + " holds dtype " + std::to_string(variable.dtype)
            + ", not floating-point numbers";
    if (variable.shape.empty() || variable.shape.size() > 2)
        return name + " is not one- or two-dimensional";
    const auto elements = checkedElementCount(variable.shape);
    if (!elements || *elements == 0)
        return name + " has the shape " + shapeText(variable.shape)
            + ", which holds no values or too many to count";
    std::uint64_t saved = 0;
    for (const CheckpointSlice& slice : variable.slices) {
        const auto volume = sliceVolume(slice, variable.shape);
        if (!volume)
            return "slice " + sliceText(slice) + " of " + name + " lies outside its shape "
                + shapeText(variable.shape);
        saved = checkedSum(saved, *volume).value_or(UINT64_MAX);
        if (saved > *elements)
            break; // overlapping: said below
    }
    const std::vector<fs::path> files = v1CheckpointFiles(prefix);
    if (saved < *elements) {
        std::string why = "the rest was not saved";
        for (const fs::path& file : files)
            if (!isRegularFile(file)) {
                why = "the checkpoint file " + pathText(file) + " is missing";
                break;
            }
        return "the slices of " + name + " cover " + std::to_string(saved) + " of its "
            + std::to_string(*elements) + " values (shape " + shapeText(variable.shape)
            + "): " + why;
    }
    if (saved > *elements)
        return "the slices of " + name + " overlap: they hold more values than its shape "
            + shapeText(variable.shape);
    std::uint64_t bytes = 0;
    std::vector<bool> counted(files.size());
    for (const CheckpointSlice& slice : variable.slices) {
        if (slice.file < 0 || std::size_t(slice.file) >= files.size()
            || slice.file >= index.numShards)
            return name + " lies in file " + std::to_string(slice.file) + " of "
                + std::to_string(files.size()) + " of " + pathText(prefix);
        const fs::path& file = files[std::size_t(slice.file)];
        const FileStatus status = fileStatus(file);
        if (!status.error.empty())
            return "the checkpoint file " + pathText(file) + " holding " + name + " is missing";
        if (!counted[std::size_t(slice.file)]) {
            counted[std::size_t(slice.file)] = true;
            bytes += status.size;
        }
    }
    // Every value takes at least a byte in its file: a larger declaration is not believed (and
    // not allocated).
    if (*elements > bytes)
        return name + " declares " + std::to_string(*elements) + " values, more than its "
            + std::to_string(bytes) + " bytes of checkpoint could hold";
    return {};
}

CheckpointMatrix readV1CheckpointMatrix(
    const fs::path& prefix, const CheckpointIndex& index, const CheckpointVariable& variable)
{
    if (std::string problem = v1VariableProblem(prefix, index, variable); !problem.empty())
        return matrixFailure(std::move(problem));
    const auto [rows, columns] = matrixShape(variable.shape);
    CheckpointMatrix matrix;
    matrix.rows = std::size_t(rows);
    matrix.columns = std::size_t(columns);
    matrix.values.assign(matrix.rows * matrix.columns, 0.f);
    std::vector<bool> covered(matrix.values.size()), filled(variable.slices.size());
    const std::vector<fs::path> files = v1CheckpointFiles(prefix);
    std::vector<bool> read(files.size());
    for (const CheckpointSlice& slice : variable.slices) {
        if (read[std::size_t(slice.file)])
            continue;
        read[std::size_t(slice.file)] = true;
        if (std::string error = readSlicesIn(
                files[std::size_t(slice.file)], slice.file, variable, filled, covered, matrix);
            !error.empty())
            return matrixFailure(std::move(error));
    }
    for (std::size_t i = 0; i < variable.slices.size(); ++i)
        if (!filled[i])
            return matrixFailure("slice " + sliceText(variable.slices[i]) + " of "
                + quotedName(variable.name) + " has no values in "
                + pathText(files[std::size_t(variable.slices[i].file)])
                + ": truncated, or from another checkpoint");
    return matrix;
}

} // namespace lantern::core
