// Random access into event files for on-demand payloads. Memory follows the bytes that really
// arrive: the expected length is checked against the header and, for plain files, the file
// size before anything is allocated; compressed streams are skipped through a fixed buffer.

#include "core/io/record_fetcher.h"

#include "core/io/crc32c.h"
#include "core/io/file_access.h"
#include "core/io/inflating_byte_source.h"
#include "core/io/little_endian.h"
#include "core/io/path_text.h"
#include "core/io/record_compression.h"
#include "core/io/record_reader.h"

#include <algorithm>

namespace lantern::core {
namespace {

constexpr std::size_t kFetchDetectionBytes = 4096;
constexpr std::size_t kFetchChunk = 64 * 1024;

// Appends up to `size` bytes to `out` in chunks, so memory grows only with real data.
std::size_t appendFully(ByteSource& source, std::string& out, std::size_t size)
{
    std::size_t got = 0;
    std::string chunk(std::min(kFetchChunk, size), '\0');
    while (got < size) {
        const std::size_t n = source.read(chunk.data(), std::min(chunk.size(), size - got));
        if (n == 0)
            break;
        out.append(chunk, 0, n);
        got += n;
    }
    return got;
}

std::uint64_t skip(ByteSource& source, std::uint64_t bytes)
{
    std::uint64_t skipped = 0;
    std::string scratch(std::size_t(std::min<std::uint64_t>(kFetchChunk, bytes)), '\0');
    while (skipped < bytes) {
        const std::size_t n = source.read(
            scratch.data(), std::size_t(std::min<std::uint64_t>(scratch.size(), bytes - skipped)));
        if (n == 0)
            break;
        skipped += n;
    }
    return skipped;
}

FetchedRecord fetchFailure(const std::filesystem::path& file, std::uint64_t offset, std::string why)
{
    return {{}, pathText(file) + " @" + std::to_string(offset) + ": " + std::move(why)};
}

// Header, data and footer from `source`, verified; `consumed` counts every byte taken.
FetchedRecord readRecord(ByteSource& source, const std::filesystem::path& file,
    std::uint64_t offset, std::uint32_t length, std::uint64_t& consumed)
{
    char header[RecordReader::kHeaderBytes];
    consumed += readUpTo(source, header, sizeof header);
    if (consumed != sizeof header)
        return fetchFailure(file, offset, "the record header is cut short");
    if (!RecordReader::isValidHeader(header))
        return fetchFailure(file, offset, "no valid record header here: the file changed");
    if (loadLittleEndian64(header) != length)
        return fetchFailure(file, offset,
            "the record holds " + std::to_string(loadLittleEndian64(header)) + " bytes, not the "
                + std::to_string(length) + " loaded: the file changed");

    FetchedRecord record;
    const std::size_t got = appendFully(source, record.data, length);
    consumed += got;
    if (got != length)
        return fetchFailure(file, offset, "the record is cut short");
    char footer[RecordReader::kFooterBytes];
    const std::size_t footerGot = readUpTo(source, footer, sizeof footer);
    consumed += footerGot;
    if (footerGot != sizeof footer)
        return fetchFailure(file, offset, "the record's checksum is cut short");
    if (maskCrc(crc32c(record.data.data(), record.data.size())) != loadLittleEndian32(footer))
        return fetchFailure(file, offset, "record data checksum mismatch: the file changed");
    return record;
}

} // namespace

struct RecordFetcher::OpenStream {
    std::filesystem::path file;
    std::uintmax_t size = 0;
    std::filesystem::file_time_type modified;
    std::unique_ptr<ByteSource> source;
    std::uint64_t position = 0; // decompressed bytes read so far
};

RecordFetcher::RecordFetcher() = default;
RecordFetcher::~RecordFetcher() = default;

RecordFetcher::OpenStream* RecordFetcher::compressedStreamAt(
    const std::filesystem::path& file, std::uint64_t offset, std::string& error)
{
    const FileStatus status = fileStatus(file);
    const std::uintmax_t size = status.size;
    const auto modified = status.modified;
    const auto reusable = std::find_if(m_streams.begin(), m_streams.end(), [&](const auto& open) {
        return open->file == file && open->size == size && open->modified == modified
            && open->position <= offset;
    });
    std::unique_ptr<OpenStream> stream;
    if (reusable != m_streams.end()) {
        stream = std::move(*reusable);
        m_streams.erase(reusable);
    } else {
        std::erase_if(m_streams, [&](const auto& open) { return open->file == file; });
        stream = std::make_unique<OpenStream>();
        stream->file = file;
        stream->size = size;
        stream->modified = modified;
        stream->source = std::make_unique<InflatingByteSource>(openByteSource(file, 0));
    }
    const std::uint64_t skipped = skip(*stream->source, offset - stream->position);
    m_skippedBytes += skipped;
    stream->position += skipped;
    if (stream->position != offset) {
        error = stream->source->error().empty() ? "the decompressed stream ends before this offset"
                                                : stream->source->error();
        return nullptr;
    }
    if (m_streams.size() == kMaxOpenStreams)
        m_streams.erase(m_streams.begin());
    m_streams.push_back(std::move(stream));
    return m_streams.back().get();
}

FetchedRecord RecordFetcher::fetch(
    const std::filesystem::path& file, std::uint64_t offset, std::uint32_t length)
{
    const FileStatus status = fileStatus(file);
    const std::uint64_t fileSize = status.size;
    if (!status.error.empty())
        return fetchFailure(file, offset, "cannot read the event file: " + status.error);
    if (length > RecordReader::kMaxRecordBytes)
        return fetchFailure(file, offset, "record length " + std::to_string(length) + " is absurd");

    std::string head(kFetchDetectionBytes, '\0');
    {
        const std::unique_ptr<ByteSource> source = openByteSource(file, 0);
        if (!source->error().empty())
            return fetchFailure(file, offset, source->error());
        head.resize(readUpTo(*source, head.data(), head.size()));
    }
    const bool plain = detectRecordCompression(head) == RecordCompression::None;
    const std::uint64_t total
        = RecordReader::kHeaderBytes + std::uint64_t(length) + RecordReader::kFooterBytes;
    // A plain file must hold the whole record; checked before allocating for it.
    if (plain && (offset > fileSize || fileSize - offset < total))
        return fetchFailure(file, offset,
            "the record lies beyond the end of the file (" + std::to_string(fileSize)
                + " bytes): the file changed since it was loaded");

    std::unique_ptr<ByteSource> plainSource;
    ByteSource* source = nullptr;
    OpenStream* stream = nullptr;
    if (plain) {
        plainSource = openByteSource(file, offset);
        source = plainSource.get();
    } else {
        std::string why;
        stream = compressedStreamAt(file, offset, why);
        if (!stream)
            return fetchFailure(file, offset, why);
        source = stream->source.get();
    }
    std::uint64_t consumed = 0;
    FetchedRecord record = readRecord(*source, file, offset, length, consumed);
    if (stream)
        stream->position += consumed;
    return record;
}

FetchedRecord fetchRecord(
    const std::filesystem::path& file, std::uint64_t offset, std::uint32_t length)
{
    return RecordFetcher().fetch(file, offset, length);
}

} // namespace lantern::core
