// Incremental reading of one file. Plain files are reopened at the last good offset on every
// reload (thousands of runs must not hold thousands of descriptors); compressed files keep
// their decompressor between reloads, and start it again when the compressed bytes could not be
// read (a remote file's connection dropped): a stream cannot be resumed mid-way without it, so
// it is read again from the start and the records already read are passed over. Corrupt
// compressed data is not read again: it would stop the decompressor at the same place.

#include "core/load/event_file_state.h"

#include "core/events/scalar_fast_path.h"
#include "core/io/cancellation_poll.h"
#include "core/io/file_access.h"
#include "core/io/inflating_byte_source.h"
#include "core/io/path_text.h"
#include "core/io/replayed_byte_source.h"

namespace lantern::core {
namespace {
constexpr std::size_t kHeadBytes = 64;
// Enough for detectRecordCompression to confirm a ZLIB header by inflating a record header.
constexpr std::size_t kDetectionBytes = 4096;
// Records read between two looks at whether the reload was cancelled (a few hundred µs).
constexpr std::size_t kRecordsBetweenPolls = 1024;

// Up to `bytes` bytes from `source` (fewer if it has fewer now).
std::string firstBytesOf(ByteSource& source, std::size_t bytes)
{
    std::string head(bytes, '\0');
    head.resize(readUpTo(source, head.data(), bytes));
    return head;
}

} // namespace

std::string EventFileState::readHead(std::size_t bytes) const
{
    return firstBytesOf(*openByteSource(m_path, 0, bytes), bytes);
}

EventFileState::Change EventFileState::check(const EventFileInfo& now) const
{
    if (now.size < m_knownSize)
        return Change::Replaced;
    if (now.size == m_knownSize && now.modified == m_knownModified)
        return Change::Unchanged;
    // Same or larger: still the same file only if what we saw of its start is still there.
    if (!m_head.empty() && readHead(m_head.size()) != m_head)
        return Change::Replaced;
    return Change::Grown;
}

void EventFileState::reportSourceError(const std::string& error, std::uint64_t offset, RunData& run)
{
    // Reported once, not on every reload, and again only if it changes.
    if (error == m_lastSourceError)
        return;
    m_lastSourceError = error;
    if (!error.empty()) {
        run.diagnostics.push_back({pathText(m_path), offset, 0, error});
        run.touch();
    }
}

bool EventFileState::fileReadFailed(const RecordReader& reader) const
{
    if (&reader == m_compressedReader.get())
        return !m_inflater->compressedError().empty() || m_inflater->connectionLost();
    return !reader.sourceError().empty();
}

bool EventFileState::readNew(const EventFileInfo& now, bool settled, EventDecoder& decoder,
    RunData& run, ReadCounts& counts, const std::function<bool()>& cancelled)
{
    m_knownSize = now.size;
    m_knownModified = now.modified;
    // A new file's head and compression are told from its first bytes, and the same source
    // then reads its records: one open per new file (each open is a round trip over SSH).
    std::unique_ptr<ByteSource> started; // `start` was read from it
    std::string start;
    if (m_head.size() < kHeadBytes || m_compression == RecordCompression::Unknown) {
        started = openByteSource(m_path, 0, now.size);
        if (!started->error().empty()) {
            reportSourceError(started->error(), 0, run); // an unreadable file is not an empty one
            m_knownSize = 0; // tried again next time (a remote file's connection may be back)
            m_knownModified = {};
            return true;
        }
        start = firstBytesOf(*started, kDetectionBytes);
        if (m_head.size() < kHeadBytes)
            m_head = start.substr(0, kHeadBytes);
        if (m_compression == RecordCompression::Unknown)
            m_compression = detectRecordCompression(start);
    }
    if (m_compression == RecordCompression::Unknown) {
        // Too few bytes to tell yet: the writer has only just begun, unless it has settled.
        m_hasTail = !m_head.empty();
        m_readSettled = settled;
        if (settled && !m_head.empty())
            run.diagnostics.push_back({pathText(m_path), 0, m_head.size(),
                "the file ends inside the first record header: it is truncated"});
        return true;
    }
    std::unique_ptr<RecordReader> plainReader;
    RecordReader* reader = nullptr;
    std::uint64_t alreadyRead = 0; // records before this stream offset were read before
    if (m_compression == RecordCompression::None) {
        // For one pass over what the listing saw; the source that read the start goes on.
        std::unique_ptr<ByteSource> source = started && m_offset == 0
            ? std::make_unique<ReplayedByteSource>(std::move(start), std::move(started))
            : openByteSource(m_path, m_offset, now.size > m_offset ? now.size - m_offset : 0);
        plainReader = std::make_unique<RecordReader>(
            std::move(source), m_offset, m_resyncing, m_resyncReason);
        reader = plainReader.get();
    } else {
        if (m_compressedReader && fileReadFailed(*m_compressedReader))
            m_compressedReader.reset();
        if (!m_compressedReader) {
            // Kept for the reloads to come, so not opened for one pass.
            auto inflater = std::make_unique<InflatingByteSource>(openByteSource(m_path, 0));
            m_inflater = inflater.get();
            m_compressedReader = std::make_unique<RecordReader>(std::move(inflater));
            alreadyRead = m_offset;
            ++counts.inflatedFromStart;
        }
        reader = m_compressedReader.get();
    }

    reader->setSettled(settled);
    const std::uint64_t before = m_offset;
    const std::size_t diagnosticsBefore = run.diagnostics.size();
    FastScalarEvent fast;
    CancellationPoll poll(cancelled, kRecordsBetweenPolls);
    while (!poll.step()) {
        const auto record = reader->next();
        if (!record)
            break;
        if (record->offset < alreadyRead)
            continue;
        ++counts.records;
        if (m_reportedTruncation == record->offset) {
            // The writer had only paused: the record reported as truncated arrived whole.
            std::erase_if(run.diagnostics, [&](const Diagnostic& diagnostic) {
                return diagnostic.file == pathText(m_path) && diagnostic.offset == record->offset;
            });
            m_reportedTruncation.reset();
        }
        const RecordLocation where {
            m_fileIndex, record->offset, static_cast<std::uint32_t>(record->data.size())};
        if (decodeScalarsFast(record->data, decoder, fast)) {
            ++counts.fastPathRecords;
            run.countEvent();
            for (std::size_t i = 0; i < fast.count; ++i)
                run.addScalar(fast.values[i].tag, fast.step, fast.wallTime, fast.values[i].value,
                    fast.values[i].type, where);
        } else if (const auto event = decoder.decode(record->data)) {
            run.add(*event, where, decoder);
            for (const std::string& rejected : event->rejectedValues)
                run.diagnostics.push_back({pathText(m_path), record->offset, 0, rejected});
        } else {
            run.diagnostics.push_back({pathText(m_path), record->offset, record->data.size() + 16,
                "record is not a valid Event protobuf"});
        }
    }
    for (const RecordDiagnostic& diagnostic : reader->takeDiagnostics())
        if (diagnostic.offset >= alreadyRead)
            run.diagnostics.push_back(
                {pathText(m_path), diagnostic.offset, diagnostic.bytesSkipped, diagnostic.reason});
    reportSourceError(reader->sourceError(), reader->resumeOffset(), run);
    m_offset = reader->resumeOffset();
    m_resyncing = reader->isResyncing();
    m_resyncReason = reader->resyncReason();
    m_hasTail = !poll.stopped() && (reader->pendingBytes() > 0 || m_resyncing);
    m_readSettled = settled && !poll.stopped();
    // What is left (cancelled, or the read failed: a dropped connection) is read next time:
    // the file looks grown then.
    if (poll.stopped() || fileReadFailed(*reader)) {
        m_knownSize = 0;
        m_knownModified = {};
    }
    // A truncated record with nothing recovered after it: if the writer was only paused and
    // the file grows after all, the record is read from its start. (Compressed streams go on.)
    if (plainReader && reader->truncatedRecord()) {
        m_offset = *reader->truncatedRecord();
        m_reportedTruncation = m_offset;
        m_resyncing = false;
    }
    counts.bytes += m_offset - before;
    if (m_offset != before || run.diagnostics.size() != diagnosticsBefore)
        run.touch();
    return !poll.stopped();
}

} // namespace lantern::core
