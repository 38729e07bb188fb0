#pragma once
// Splits a byte stream into TFRecord records, verifying both masked CRC32Cs of every record.
//
// Framing: u64 LE length | u32 LE masked crc32c(length) | data | u32 LE masked crc32c(data).
// Rule: every record whose length checksum and data checksum both hold is recovered, wherever
// it starts. A header whose checksum fails or whose length is absurd, and a record whose data
// checksum fails, start a search from the byte after that header: a position is accepted only
// when its whole record verifies, so a damaged length never swallows the records behind it.
// Each region passed over is one diagnostic. (One limit keeps the search linear: after more
// checksumming for false headers than 64 MiB plus 16 bytes per byte searched, which only a file
// crafted with a valid header every few bytes reaches, claims over 1 KiB are no longer checked.)
// A record cut short at the end is not damage while the writer may still be writing it:
// next() reports nothing more and resumeOffset() says where to start again. Once the caller
// knows the source has ended for good (setSettled), such a tail is reported as truncation and
// the search goes on through its bytes.

#include "core/io/byte_source.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lantern::core {

struct Record {
    std::uint64_t offset = 0; // stream offset of the record's header
    std::string_view data; // valid until the next call to next()
};

struct RecordDiagnostic {
    std::uint64_t offset = 0; // stream offset where the damage starts
    std::uint64_t bytesSkipped = 0; // how many bytes were passed over
    std::string reason;
};

class RecordReader {
public:
    static constexpr std::size_t kHeaderBytes = 12;
    static constexpr std::size_t kFooterBytes = 4;
    // A record holds one protobuf message, which cannot reach 2 GiB; a longer length is a
    // damaged header.
    static constexpr std::uint64_t kMaxRecordBytes = (std::uint64_t(1) << 31) - 1;

    // Reads `source`, whose first byte is at stream offset `startOffset`. With `resyncing`, the
    // reader continues a search for a valid record that an earlier reader began, for `reason`.
    explicit RecordReader(std::unique_ptr<ByteSource> source, std::uint64_t startOffset = 0,
        bool resyncing = false, std::string reason = "damaged record header");

    // The next whole, verified record, or nullopt when no whole record is available now.
    std::optional<Record> next();

    // Says the source will not grow any more (the file has not changed for a while, or a newer
    // file took over): a record cut short at the end is then truncation, not a pending write.
    void setSettled(bool settled) { m_settled = settled; }

    // Where a later reader should start: past the last record returned or bytes skipped.
    std::uint64_t resumeOffset() const { return m_offset; }
    // Bytes read past resumeOffset() that do not yet form a whole record (a partial tail).
    std::uint64_t pendingBytes() const { return m_end - m_begin; }
    // True while searching for a valid record after damage.
    bool isResyncing() const { return m_resyncing; }
    const std::string& resyncReason() const { return m_resyncReason; }
    // Where a record cut short at the end began, once settled, when no record was recovered
    // after it: if the file grows after all, reading can resume there.
    std::optional<std::uint64_t> truncatedRecord() const { return m_truncatedAt; }
    // Data bytes whose checksum was computed so far (for checks that a search stays linear).
    std::uint64_t checkedBytes() const { return m_checkedBytes; }
    // The buffer's size, for checks that memory follows the bytes really read.
    std::size_t bufferCapacity() const { return m_capacity; }

    // Diagnostics produced since the last call.
    std::vector<RecordDiagnostic> takeDiagnostics();
    const std::string& sourceError() const { return m_source->error(); }
    bool sourceConnectionLost() const { return m_source->connectionLost(); }

    static bool isValidHeader(const char* header);

private:
    std::size_t available() const { return m_end - m_begin; }
    // Tries to have at least `wanted` unread bytes buffered; returns whether it succeeded.
    bool fill(std::size_t wanted);
    void consume(std::size_t bytes);
    // The record at m_begin cannot be accepted: search on from the byte after its header.
    void reject(std::string reason);
    // Whether a search has checksummed so much for false headers that long claims are skipped.
    bool searchBudgetSpent() const;
    // While resyncing, passes over positions that cannot start a valid header (checking the
    // length checksum at each, and all-zero stretches and holes at once).
    void skipToCandidate();
    // Handles running out of bytes before a whole header; returns nullopt for next().
    std::optional<Record> endOfData();
    void reportSkipped(const std::string& why);

    std::unique_ptr<ByteSource> m_source;
    std::unique_ptr<char[]> m_buffer;
    std::size_t m_capacity = 0;
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
    std::uint64_t m_offset = 0; // stream offset of m_buffer[m_begin]
    bool m_settled = false;
    bool m_resyncing = false;
    std::uint64_t m_resyncStart = 0;
    std::string m_resyncReason;
    std::uint64_t m_rejectedEnd = 0; // end of the furthest whole record that failed its checksum
    // Bytes checksummed for candidates that failed in the current search, and the budget for
    // them: beyond it, only claims up to kAlwaysVerifiedBytes are still checked.
    std::uint64_t m_searchChecked = 0;
    std::uint64_t m_checkedBytes = 0;
    static constexpr std::uint64_t kSearchBudgetBytes = std::uint64_t(64) << 20;
    static constexpr std::uint64_t kSearchBudgetPerByte = 16;
    static constexpr std::size_t kAlwaysVerifiedBytes = 1024;
    std::optional<std::uint64_t> m_truncatedAt;
    std::vector<RecordDiagnostic> m_diagnostics;
};

} // namespace lantern::core
