#include "core/checkpoint/table_entries.h"

#include <algorithm>
#include <leveldb/env.h>
#include <leveldb/iterator.h>
#include <leveldb/options.h>
#include <leveldb/table.h>
#include <memory>
#include <new>

namespace lantern::core {
namespace {

// LevelDB reads a table through this interface; ours serves bytes already in memory.
class MemoryFile : public leveldb::RandomAccessFile {
public:
    explicit MemoryFile(std::string_view bytes)
        : m_bytes(bytes)
    {
    }

    leveldb::Status Read(std::uint64_t offset, std::size_t n, leveldb::Slice* result,
        char* /*scratch*/) const override
    {
        if (offset > m_bytes.size())
            return leveldb::Status::IOError("read past the end of the table");
        n = std::min<std::size_t>(n, m_bytes.size() - offset);
        *result = leveldb::Slice(m_bytes.data() + offset, n);
        return leveldb::Status::OK();
    }

private:
    std::string_view m_bytes;
};

// LevelDB allocates a block's claimed size before reading it, and the footer's two block
// handles are not covered by any checksum: check that they lie inside the file first, so a
// damaged footer cannot ask for an absurd allocation. (Every later handle sits in a block
// whose checksum LevelDB verifies.)
bool footerHandlesFit(std::string_view bytes)
{
    constexpr std::size_t kFooterBytes = 48;
    constexpr std::size_t kBlockTrailerBytes = 5; // compression type + masked CRC
    if (bytes.size() < kFooterBytes)
        return false;
    const std::uint64_t limit = bytes.size() - kFooterBytes;
    std::size_t at = bytes.size() - kFooterBytes;
    const auto varint = [&](std::uint64_t& value) {
        value = 0;
        for (int shift = 0; shift < 64 && at < bytes.size() - 8; shift += 7) {
            const auto byte = static_cast<unsigned char>(bytes[at++]);
            value |= std::uint64_t(byte & 0x7F) << shift;
            if ((byte & 0x80) == 0)
                return true;
        }
        return false;
    };
    for (int handle = 0; handle < 2; ++handle) {
        std::uint64_t offset = 0, size = 0;
        if (!varint(offset) || !varint(size) || offset > limit || size > limit - offset
            || kBlockTrailerBytes > limit - offset - size)
            return false;
    }
    return true;
}

std::string walk(std::string_view bytes,
    const std::function<bool(std::string_view key, std::string_view value)>& visit)
{
    MemoryFile file(bytes);
    leveldb::Options options;
    options.paranoid_checks = true;
    leveldb::Table* opened = nullptr;
    const leveldb::Status status = leveldb::Table::Open(options, &file, bytes.size(), &opened);
    if (!status.ok())
        return "not a table: " + status.ToString();
    const std::unique_ptr<leveldb::Table> table(opened);
    leveldb::ReadOptions read;
    read.verify_checksums = true;
    read.fill_cache = false;
    const std::unique_ptr<leveldb::Iterator> it(table->NewIterator(read));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
        const leveldb::Slice key = it->key(), value = it->value();
        if (!visit({key.data(), key.size()}, {value.data(), value.size()}))
            return {};
    }
    if (!it->status().ok())
        return "the table is damaged: " + it->status().ToString();
    return {};
}

} // namespace

std::string forEachTableEntry(std::string_view bytes,
    const std::function<bool(std::string_view key, std::string_view value)>& visit)
{
    if (!footerHandlesFit(bytes))
        return "not a table: its footer points outside the file";
    try {
        return walk(bytes, visit);
    } catch (const std::bad_alloc&) {
        // A block handle with a valid checksum but an absurd size: crafted, not damaged.
        return "the table asks for more memory than it could hold";
    }
}

} // namespace lantern::core
