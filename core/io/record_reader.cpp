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

// A header of twelve zero bytes never holds: the masked checksum of a zero length is not zero.
bool isZeroHeader(const char* at)
{
    return loadLittleEndian64(at) == 0 && loadLittleEndian32(at + 8) == 0;
}

// The index of the first non-zero byte of [at + from, at + size), or `size`.
std::size_t firstNonZero(const char* at, std::size_t from, std::size_t size)
{
    while (from + 8 <= size && loadLittleEndian64(at + from) == 0)
        from += 8;
    while (from < size && at[from] == 0)
        ++from;
    return from;
}
} // namespace

RecordReader::RecordReader(std::unique_ptr<ByteSource> source, std::uint64_t startOffset,
    bool resyncing, std::string reason)
    : m_source(std::move(source))
    , m_offset(startOffset)
    , m_resyncing(resyncing)
    , m_resyncStart(startOffset)
{
    if (resyncing)
        m_resyncReason = std::move(reason);
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
            // Grow at most by doubling what is really buffered, and no further than wanted, so
            // a huge claimed length costs memory only as its bytes actually arrive.
            const std::size_t grown = std::max(kReadChunk, std::min(m_capacity * 2, wanted));
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
        m_end += std::min(
            got, m_capacity - m_end); // a source may not claim more than it had room for
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

void RecordReader::reportSkipped(const std::string& why)
{
    if (m_offset > m_resyncStart) {
        m_diagnostics.push_back({m_resyncStart, m_offset - m_resyncStart, m_resyncReason + why});
        m_resyncStart = m_offset;
    }
}

bool RecordReader::searchBudgetSpent() const
{
    // Every candidate header costs a checksum over its claimed length, so a file crafted with a
    // valid header every few bytes, each claiming megabytes, would cost time quadratic in its
    // size. Honest damage stays far below this budget.
    const std::uint64_t searched = m_offset - std::min(m_offset, m_resyncStart);
    return m_searchChecked > kSearchBudgetBytes + kSearchBudgetPerByte * searched;
}

void RecordReader::reject(std::string reason)
{
    if (!m_resyncing) {
        m_resyncing = true;
        m_resyncStart = m_offset;
        m_resyncReason = std::move(reason);
    }
    consume(1);
}

void RecordReader::skipToCandidate()
{
    constexpr std::size_t kTail = kHeaderBytes - 1; // bytes that may begin a header not yet whole
    while (fill(kHeaderBytes)) {
        const char* at = m_buffer.get() + m_begin;
        const std::size_t size = available();
        std::size_t i = 0;
        while (i + kHeaderBytes <= size) {
            if (isZeroHeader(at + i)) {
                // Every header lying wholly inside a run of zeros fails: jump to the run's end.
                i = firstNonZero(at, i + kHeaderBytes, size) - kTail;
            } else if (isValidHeader(at + i)) {
                consume(i);
                return;
            } else {
                ++i;
            }
        }
        consume(i);
        // Only the last few bytes are left. If they are zeros and a hole follows, the hole's
        // bytes are zeros too: keep the last kTail of them and pass over the rest unread.
        if (firstNonZero(m_buffer.get() + m_begin, 0, available()) != available())
            continue;
        const std::uint64_t hole = m_source->skipHole();
        if (hole == 0)
            continue;
        std::memmove(m_buffer.get(), m_buffer.get() + m_begin, available());
        m_end -= m_begin;
        m_begin = 0;
        if (hole >= kTail) {
            m_offset += m_end + hole - kTail;
            m_end = kTail;
            std::memset(m_buffer.get(), 0, kTail);
        } else {
            std::memset(m_buffer.get() + m_end, 0, std::size_t(hole));
            m_end += std::size_t(hole);
        }
    }
}

std::optional<Record> RecordReader::endOfData()
{
    if (m_resyncing) {
        if (!m_settled) {
            // Keep the last few bytes: they may begin a header whose rest is not written yet.
            // The report still covers a whole record that failed its data checksum.
            const std::uint64_t reported = m_offset;
            m_offset = std::max(m_offset, m_rejectedEnd);
            reportSkipped("; no valid record found up to the end of the data so far");
            m_offset = reported;
            return std::nullopt;
        }
        consume(available());
        reportSkipped("; no valid record found up to the end of the data");
        m_resyncing = false;
        return std::nullopt;
    }
    if (m_settled && available() > 0) {
        m_truncatedAt = m_offset;
        m_diagnostics.push_back(
            {m_offset, available(), "the data ends inside a record header: the file is truncated"});
        consume(available());
    }
    return std::nullopt;
}

std::optional<Record> RecordReader::next()
{
    while (true) {
        if (m_resyncing)
            skipToCandidate();
        if (!fill(kHeaderBytes))
            return endOfData();
        const char* header = m_buffer.get() + m_begin;
        const std::uint64_t length = loadLittleEndian64(header);
        if (!isValidHeader(header)) {
            reject(maskCrc(crc32c(header, 8)) == loadLittleEndian32(header + 8)
                    ? "record length " + std::to_string(length) + " is absurd"
                    : std::string("record length checksum mismatch"));
            continue;
        }
        const std::size_t total = kHeaderBytes + static_cast<std::size_t>(length) + kFooterBytes;
        if (m_resyncing && total > kAlwaysVerifiedBytes && searchBudgetSpent()) {
            consume(1); // a crafted run of long false headers: stop checksumming long claims
            continue;
        }
        if (!fill(total)) {
            if (!m_settled)
                return std::nullopt; // partial record at the end: the writer is not done yet
            if (!m_resyncing)
                m_truncatedAt = m_offset;
            reject("record of " + std::to_string(length) + " bytes runs past the end of the data ("
                + std::to_string(available()) + " bytes from its header): the file is truncated "
                + "or the length damaged");
            continue;
        }
        const char* data = m_buffer.get() + m_begin + kHeaderBytes;
        const std::uint32_t dataCrc = loadLittleEndian32(data + length);
        m_checkedBytes += length;
        if (maskCrc(crc32c(data, static_cast<std::size_t>(length))) != dataCrc) {
            m_rejectedEnd = std::max(m_rejectedEnd, m_offset + total);
            if (m_resyncing)
                m_searchChecked += total;
            reject("record data checksum mismatch");
            continue;
        }
        if (m_resyncing) {
            reportSkipped("; skipped to the next valid record");
            m_resyncing = false;
            m_searchChecked = 0;
        }
        m_truncatedAt.reset();
        const Record record {m_offset, std::string_view(data, static_cast<std::size_t>(length))};
        consume(total);
        return record;
    }
}

std::vector<RecordDiagnostic> RecordReader::takeDiagnostics()
{
    return std::exchange(m_diagnostics, {});
}

} // namespace lantern::core
