#pragma once
// Reading progress through one event file, kept between reloads: where the last whole record
// ended, and enough about the file to notice when it grows or is replaced in place.

#include "core/events/event_decoder.h"
#include "core/io/record_compression.h"
#include "core/io/record_reader.h"
#include "core/io/run_discovery.h"
#include "core/store/run_data.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace lantern::core {

class InflatingByteSource;

struct ReadCounts {
    std::uint64_t records = 0;
    std::uint64_t fastPathRecords = 0;
    std::uint64_t bytes = 0;
    // Compressed files inflated from their start: when first read, and again when the
    // compressed bytes could not be read (a remote file's connection was lost).
    std::uint64_t inflatedFromStart = 0;
};

class EventFileState {
public:
    enum class Change { Unchanged, Grown, Replaced };

    EventFileState(std::filesystem::path path, std::uint32_t fileIndex)
        : m_path(std::move(path))
        , m_fileIndex(fileIndex)
    {
    }

    const std::filesystem::path& path() const { return m_path; }

    // Compares what discovery saw now with what this state last read.
    Change check(const EventFileInfo& now) const;

    // Reads every whole record appended since the last call into `run`. `settled` says the
    // file is done (unchanged for a while, or a newer file took over): a record cut short at
    // its end is then reported as truncation instead of waited for. `cancelled` is asked every
    // thousand records or so; once it says yes, reading stops after a whole record and the
    // file counts as grown, so that the next call reads the rest. False if it stopped so.
    bool readNew(const EventFileInfo& now, bool settled, EventDecoder& decoder, RunData& run,
        ReadCounts& counts, const std::function<bool()>& cancelled = {});

    // True when the file ended inside a record (or inside damage) at the last read, which was
    // made before the file settled: reading it again once settled reports the truncation.
    bool awaitsSettling() const { return m_hasTail && !m_readSettled; }

private:
    // The first `bytes` bytes (fewer if the file is shorter).
    std::string readHead(std::size_t bytes) const;
    void reportSourceError(const std::string& error, std::uint64_t offset, RunData& run);
    // True when the file's own bytes could not be read (reading again may succeed), not when
    // they were read and found corrupt.
    bool fileReadFailed(const RecordReader& reader) const;

    std::filesystem::path m_path;
    std::uint32_t m_fileIndex = 0;
    RecordCompression m_compression = RecordCompression::Unknown;
    std::uint64_t m_offset = 0;
    bool m_resyncing = false;
    std::string m_resyncReason;
    bool m_hasTail = false; // the last read stopped inside a record or a damaged region
    bool m_readSettled = false;
    std::optional<std::uint64_t> m_reportedTruncation; // where a truncated record began
    std::uint64_t m_knownSize = 0;
    std::filesystem::file_time_type m_knownModified {};
    std::string m_head; // the first bytes, to notice a file rewritten with other content
    std::string m_lastSourceError; // reported once, not on every reload
    // Compressed streams cannot be entered mid-way, so their reader stays open between reloads.
    std::unique_ptr<RecordReader> m_compressedReader;
    InflatingByteSource* m_inflater = nullptr; // m_compressedReader's source
};

} // namespace lantern::core
