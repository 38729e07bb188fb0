#include "tests/support/checkpoint_writer.h"

#include "core/checkpoint/checkpoint_tensor.h"
#include "core/io/crc32c.h"

#include "checkpoint.pb.h"
#include "saved_tensor_slices.pb.h"

#include <cstring>
#include <fstream>
#include <leveldb/env.h>
#include <leveldb/options.h>
#include <leveldb/table_builder.h>
#include <memory>

namespace lantern::test {

namespace {

// A table of `entries` (keys in bytewise order, as LevelDB needs) at `path`, uncompressed as
// TensorFlow writes checkpoints.
bool writeTable(
    const std::filesystem::path& path, const std::map<std::string, std::string>& entries)
{
    std::error_code error;
    std::filesystem::create_directories(path.parent_path(), error);
    leveldb::WritableFile* opened = nullptr;
    // leveldb opens narrow names (CreateFileA on Windows): the native narrow form, not UTF-8.
    if (!leveldb::Env::Default()->NewWritableFile(path.string(), &opened).ok())
        return false;
    const std::unique_ptr<leveldb::WritableFile> file(opened);
    leveldb::Options options;
    options.compression = leveldb::kNoCompression;
    leveldb::TableBuilder builder(options, file.get());
    for (const auto& [key, value] : entries)
        builder.Add(key, value);
    return builder.Finish().ok() && file->Close().ok();
}

void setSlice(pb::TensorSliceProto& proto, const V1Slice& slice)
{
    for (std::size_t d = 0; d < slice.start.size(); ++d) {
        auto* extent = proto.add_extent();
        if (slice.length[d] >= 0) {
            extent->set_start(slice.start[d]);
            extent->set_length(slice.length[d]);
        }
    }
}

} // namespace

std::uint16_t toHalf(float value)
{
    if (value == 0)
        return 0;
    std::uint32_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    const std::uint32_t sign = (bits >> 16) & 0x8000u;
    const int exponent = int((bits >> 23) & 0xFF) - 127 + 15;
    return std::uint16_t(sign | std::uint32_t(exponent) << 10 | ((bits >> 13) & 0x3FFu));
}

std::string floatBytes(const std::vector<float>& values)
{
    std::string bytes(values.size() * sizeof(float), '\0');
    std::memcpy(bytes.data(), values.data(), bytes.size());
    return bytes;
}

bool writeCheckpoint(
    const std::filesystem::path& prefix, const std::map<std::string, CheckpointTensor>& tensors)
{
    std::string data;
    std::map<std::string, std::string> entries; // keys in bytewise order, as LevelDB needs
    pb::BundleHeaderProto header;
    header.set_num_shards(1);
    header.mutable_version()->set_producer(1);
    entries[""] = header.SerializeAsString();
    for (const auto& [name, tensor] : tensors) {
        pb::BundleEntryProto entry;
        entry.set_dtype(pb::DataType(tensor.dtype));
        for (const std::int64_t size : tensor.shape)
            entry.mutable_shape()->add_dim()->set_size(size);
        entry.set_offset(std::int64_t(data.size()));
        entry.set_size(std::int64_t(tensor.bytes.size()));
        entry.set_crc32c(core::maskCrc(core::crc32c(tensor.bytes)));
        data += tensor.bytes;
        entries[name] = entry.SerializeAsString();
    }
    pb::BundleEntryProto partitioned;
    partitioned.set_dtype(pb::DT_FLOAT);
    partitioned.add_slices()->add_extent()->set_start(0);
    entries["sliced"] = partitioned.SerializeAsString();
    entries[std::string("\0slice", 6)] = "ignored";

    std::filesystem::path index = prefix;
    index += ".index";
    if (!writeTable(index, entries))
        return false;
    std::ofstream(core::checkpointShardPath(prefix, 0, 1), std::ios::binary) << data;
    return true;
}

bool writeV1Checkpoint(
    const std::filesystem::path& path, const std::map<std::string, V1Variable>& variables)
{
    std::map<std::string, std::string> entries;
    pb::SavedTensorSlices meta;
    meta.mutable_meta()->mutable_versions()->set_producer(15);
    for (const auto& [name, variable] : variables) {
        pb::SavedSliceMeta* tensor = meta.mutable_meta()->add_tensor();
        tensor->set_name(name);
        tensor->set_type(pb::DataType(variable.dtype));
        for (const std::int64_t size : variable.shape)
            tensor->mutable_shape()->add_dim()->set_size(size);
        for (std::size_t i = 0; i < variable.slices.size(); ++i) {
            const V1Slice& slice = variable.slices[i];
            setSlice(*tensor->add_slice(), slice);
            if (!slice.saved)
                continue;
            pb::SavedTensorSlices data;
            data.mutable_data()->set_name(name);
            setSlice(*data.mutable_data()->mutable_slice(), slice);
            pb::TensorProto* values = data.mutable_data()->mutable_data();
            for (const float value : slice.values) {
                if (variable.dtype == 19) {
                    values->add_half_val(toHalf(value));
                } else if (variable.dtype == 9) {
                    values->add_int64_val(std::int64_t(value));
                } else if (variable.dtype == 2) {
                    values->add_double_val(value);
                } else {
                    values->add_float_val(value);
                }
            }
            // TensorFlow's keys encode name and slice (OrderedCode); readers look at the values.
            entries[std::string(1, '\x01') + name + '\0' + std::to_string(i)]
                = data.SerializeAsString();
        }
    }
    entries[""] = meta.SerializeAsString();
    return writeTable(path, entries);
}

} // namespace lantern::test
