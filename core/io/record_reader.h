#pragma once
// Splits a byte stream into TFRecord records, verifying both masked CRC32Cs of every record.
//
// Framing: u64 LE length | u32 LE masked crc32c(length) | data | u32 LE masked crc32c(data).
// Damage never stops the reader: a record whose data checksum fails is skipped, and a header
// whose checksum fails (or whose length is absurd) starts a scan for the next valid header.
// A record cut short at the end is not damage: the writer is still writing it, so next()
// reports nothing more and resumeOffset() says where to start again.

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
    // No real record comes near this; a longer length is treated as a damaged header.
    static constexpr std::uint64_t kMaxRecordBytes = std::uint64_t(1) << 31;

    // Reads `source`, whose first byte is at stream offset `startOffset`. With `resyncing`, the
    // reader continues a scan for a valid header that an earlier reader began.
    explicit RecordReader(
        std::unique_ptr<ByteSource> source, std::uint64_t startOffset = 0, bool resyncing = false);

    // The next whole, verified record, or nullopt when no whole record is available now.
    std::optional<Record> next();

    // Where a later reader should start: past the last record returned or bytes skipped.
    std::uint64_t resumeOffset() const { return m_offset; }
    // Bytes read past resumeOffset() that do not yet form a whole record (a partial tail).
    std::uint64_t pendingBytes() const { return m_end - m_begin; }
    // True while scanning for a valid header after damage.
    bool isResyncing() const { return m_resyncing; }

    // Diagnostics produced since the last call.
    std::vector<RecordDiagnostic> takeDiagnostics();
    const std::string& sourceError() const { return m_source->error(); }

    static bool isValidHeader(const char* header);

private:
    std::size_t available() const { return m_end - m_begin; }
    // Tries to have at least `wanted` unread bytes buffered; returns whether it succeeded.
    bool fill(std::size_t wanted);
    void consume(std::size_t bytes);
    // Scans forward for a valid header; returns whether one is at m_begin now.
    bool resync();
    void reportResyncSkip(const char* why);

    std::unique_ptr<ByteSource> m_source;
    std::unique_ptr<char[]> m_buffer;
    std::size_t m_capacity = 0;
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
    std::uint64_t m_offset = 0; // stream offset of m_buffer[m_begin]
    bool m_resyncing = false;
    std::uint64_t m_resyncStart = 0;
    std::string m_resyncReason;
    std::vector<RecordDiagnostic> m_diagnostics;
};

} // namespace lantern::core
