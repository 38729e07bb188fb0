#include "tests/support/checkpoint_writer.h"

#include "core/checkpoint/checkpoint_tensor.h"
#include "core/io/crc32c.h"

#include "checkpoint.pb.h"

#include <cstring>
#include <fstream>
#include <leveldb/env.h>
#include <leveldb/options.h>
#include <leveldb/table_builder.h>
#include <memory>

namespace lantern::test {

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
    std::error_code error;
    std::filesystem::create_directories(prefix.parent_path(), error);
    leveldb::WritableFile* opened = nullptr;
    if (!leveldb::Env::Default()->NewWritableFile(index.string(), &opened).ok())
        return false;
    const std::unique_ptr<leveldb::WritableFile> file(opened);
    leveldb::Options options;
    options.compression = leveldb::kNoCompression; // as TensorFlow's bundle writer
    leveldb::TableBuilder builder(options, file.get());
    for (const auto& [key, value] : entries)
        builder.Add(key, value);
    if (!builder.Finish().ok() || !file->Close().ok())
        return false;
    std::ofstream(core::checkpointShardPath(prefix, 0, 1), std::ios::binary) << data;
    return true;
}

} // namespace lantern::test
