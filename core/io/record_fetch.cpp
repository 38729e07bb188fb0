// Random access into event files for on-demand payloads. Memory follows the bytes that really
// arrive: the expected length is checked against the header and the file size before anything
// is allocated, and a compressed stream is skipped through a fixed scratch buffer.

#include "core/io/record_fetch.h"

#include "core/io/crc32c.h"
#include "core/io/file_byte_source.h"
#include "core/io/inflating_byte_source.h"
#include "core/io/little_endian.h"
#include "core/io/record_compression.h"
#include "core/io/record_reader.h"

#include <algorithm>
#include <memory>

namespace lantern::core {
namespace {

constexpr std::size_t kDetectionBytes = 4096;
constexpr std::size_t kChunk = 64 * 1024;

// Reads exactly `size` bytes unless the source ends first; returns how many arrived.
std::size_t readFully(ByteSource& source, char* buffer, std::size_t size)
{
    std::size_t got = 0;
    while (got < size) {
        const std::size_t n = source.read(buffer + got, size - got);
        if (n == 0)
            break;
        got += n;
    }
    return got;
}

// Appends up to `size` bytes to `out` in chunks, so memory grows only with real data.
std::size_t appendFully(ByteSource& source, std::string& out, std::size_t size)
{
    std::size_t got = 0;
    char chunk[kChunk];
    while (got < size) {
        const std::size_t n = source.read(chunk, std::min(kChunk, size - got));
        if (n == 0)
            break;
        out.append(chunk, n);
        got += n;
    }
    return got;
}

std::uint64_t skip(ByteSource& source, std::uint64_t bytes)
{
    std::uint64_t skipped = 0;
    char scratch[kChunk];
    while (skipped < bytes) {
        const std::size_t n
            = source.read(scratch, std::size_t(std::min<std::uint64_t>(kChunk, bytes - skipped)));
        if (n == 0)
            break;
        skipped += n;
    }
    return skipped;
}

FetchedRecord failure(const std::filesystem::path& file, std::uint64_t offset, std::string why)
{
    return {{}, file.string() + " @" + std::to_string(offset) + ": " + std::move(why)};
}

} // namespace

FetchedRecord fetchRecord(
    const std::filesystem::path& file, std::uint64_t offset, std::uint32_t length)
{
    std::error_code error;
    const std::uintmax_t fileSize = std::filesystem::file_size(file, error);
    if (error)
        return failure(file, offset, "cannot read the event file: " + error.message());
    if (length > RecordReader::kMaxRecordBytes)
        return failure(file, offset, "record length " + std::to_string(length) + " is absurd");

    std::string head(kDetectionBytes, '\0');
    {
        FileByteSource source(file, 0);
        if (!source.error().empty())
            return failure(file, offset, source.error());
        head.resize(readFully(source, head.data(), head.size()));
    }
    const RecordCompression compression = detectRecordCompression(head);
    const bool plain = compression == RecordCompression::None;
    const std::uint64_t total
        = RecordReader::kHeaderBytes + std::uint64_t(length) + RecordReader::kFooterBytes;
    // A plain file must hold the whole record; checked before allocating for it.
    if (plain && (offset > fileSize || fileSize - offset < total))
        return failure(file, offset,
            "the record lies beyond the end of the file (" + std::to_string(fileSize)
                + " bytes): the file changed since it was loaded");

    std::unique_ptr<ByteSource> source;
    if (plain) {
        source = std::make_unique<FileByteSource>(file, offset);
    } else {
        source = std::make_unique<InflatingByteSource>(std::make_unique<FileByteSource>(file, 0));
        if (skip(*source, offset) != offset)
            return failure(file, offset,
                source->error().empty() ? "the decompressed stream ends before this offset"
                                        : source->error());
    }

    char header[RecordReader::kHeaderBytes];
    if (readFully(*source, header, sizeof header) != sizeof header)
        return failure(file, offset, "the record header is cut short");
    if (!RecordReader::isValidHeader(header))
        return failure(file, offset, "no valid record header here: the file changed");
    if (loadLittleEndian64(header) != length)
        return failure(file, offset,
            "the record holds " + std::to_string(loadLittleEndian64(header)) + " bytes, not the "
                + std::to_string(length) + " loaded: the file changed");

    FetchedRecord record;
    record.data.reserve(std::min<std::size_t>(length, kChunk));
    if (appendFully(*source, record.data, length) != length)
        return failure(file, offset, "the record is cut short");
    char footer[RecordReader::kFooterBytes];
    if (readFully(*source, footer, sizeof footer) != sizeof footer)
        return failure(file, offset, "the record's checksum is cut short");
    if (maskCrc(crc32c(record.data.data(), record.data.size())) != loadLittleEndian32(footer))
        return failure(file, offset, "record data checksum mismatch: the file changed");
    return record;
}

} // namespace lantern::core
