// TFRecord framing with verification, resynchronisation after damage and bounded memory:
// the buffer only grows as real bytes arrive, never to a length field's claim.

#include "core/io/record_reader.h"

#include "core/io/crc32c.h"
#include "core/io/little_endian.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace lantern::core {
namespace {
// The first buffer: most records fit, and a reader is opened per grown file on every reload,
// so a larger one costs page faults for nothing. It doubles when a record needs more.
constexpr std::size_t kReadChunk = 64 * 1024;
} // namespace

RecordReader::RecordReader(
    std::unique_ptr<ByteSource> source, std::uint64_t startOffset, bool resyncing)
    : m_source(std::move(source))
    , m_offset(startOffset)
    , m_resyncing(resyncing)
    , m_resyncStart(startOffset)
{
    if (resyncing)
        m_resyncReason = "damaged record header";
}

bool RecordReader::isValidHeader(const char* header)
{
    const std::uint64_t length = loadLittleEndian64(header);
    const std::uint32_t lengthCrc = loadLittleEndian32(header + 8);
    return maskCrc(crc32c(header, 8)) == lengthCrc && length <= kMaxRecordBytes;
}

bool RecordReader::fill(std::size_t wanted)
{
    while (available() < wanted) {
        if (m_begin > 0 && m_end == m_capacity) {
            std::memmove(m_buffer.get(), m_buffer.get() + m_begin, available());
            m_end -= m_begin;
            m_begin = 0;
        }
        if (m_end == m_capacity) {
            // Grow at most by doubling what is really buffered, so a huge claimed length
            // costs memory only as its bytes actually arrive.
            const std::size_t grown = std::max(kReadChunk, m_capacity * 2);
            // Not value-initialised: zeroing it for every reader (one per grown file per
            // reload) cost more than reading the few bytes appended.
            std::unique_ptr<char[]> bigger(new char[grown]);
            if (available() > 0) // the first buffer has nothing to copy (and memcpy no source)
                std::memcpy(bigger.get(), m_buffer.get() + m_begin, available());
            m_end -= m_begin;
            m_begin = 0;
            m_buffer = std::move(bigger);
            m_capacity = grown;
        }
        const std::size_t got = m_source->read(m_buffer.get() + m_end, m_capacity - m_end);
        if (got == 0)
            return false;
        m_end += got;
    }
    return true;
}

void RecordReader::consume(std::size_t bytes)
{
    m_begin += bytes;
    m_offset += bytes;
    if (m_begin == m_end)
        m_begin = m_end = 0;
}

void RecordReader::reportResyncSkip(const char* why)
{
    if (m_offset > m_resyncStart)
        m_diagnostics.push_back({m_resyncStart, m_offset - m_resyncStart, m_resyncReason + why});
    m_resyncStart = m_offset;
}

bool RecordReader::resync()
{
    while (true) {
        if (!fill(kHeaderBytes)) {
            // Keep the last few bytes: they may begin a header whose rest is not written yet.
            reportResyncSkip("; no valid record header found up to the end of the data so far");
            return false;
        }
        if (isValidHeader(m_buffer.get() + m_begin)) {
            reportResyncSkip("; skipped to the next valid record header");
            m_resyncing = false;
            return true;
        }
        consume(1);
    }
}

std::optional<Record> RecordReader::next()
{
    while (true) {
        if (m_resyncing && !resync())
            return std::nullopt;
        if (!fill(kHeaderBytes))
            return std::nullopt;
        const char* header = m_buffer.get() + m_begin;
        const std::uint64_t length = loadLittleEndian64(header);
        if (!isValidHeader(header)) {
            m_resyncing = true;
            m_resyncStart = m_offset;
            m_resyncReason = maskCrc(crc32c(header, 8)) == loadLittleEndian32(header + 8)
                ? "record length " + std::to_string(length) + " is absurd"
                : std::string("record length checksum mismatch");
            consume(1);
            continue;
        }
        const std::size_t total = kHeaderBytes + static_cast<std::size_t>(length) + kFooterBytes;
        if (!fill(total))
            return std::nullopt; // partial record at the end: the writer is not done yet
        const char* data = m_buffer.get() + m_begin + kHeaderBytes;
        const std::uint32_t dataCrc = loadLittleEndian32(data + length);
        const Record record {m_offset, std::string_view(data, static_cast<std::size_t>(length))};
        if (maskCrc(crc32c(data, static_cast<std::size_t>(length))) != dataCrc) {
            m_diagnostics.push_back({m_offset, total, "record data checksum mismatch"});
            consume(total);
            continue;
        }
        consume(total);
        return record;
    }
}

std::vector<RecordDiagnostic> RecordReader::takeDiagnostics()
{
    return std::exchange(m_diagnostics, {});
}

} // namespace lantern::core
