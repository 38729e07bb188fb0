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
#include <memory>
#include <string>

namespace lantern::core {

struct ReadCounts {
    std::uint64_t records = 0;
    std::uint64_t fastPathRecords = 0;
    std::uint64_t bytes = 0;
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

    // Reads every whole record appended since the last call into `run`.
    void readNew(const EventFileInfo& now, EventDecoder& decoder, RunData& run, ReadCounts& counts);

private:
    bool detectCompression();
    std::string readHead(std::size_t bytes) const;

    std::filesystem::path m_path;
    std::uint32_t m_fileIndex = 0;
    RecordCompression m_compression = RecordCompression::Unknown;
    std::uint64_t m_offset = 0;
    bool m_resyncing = false;
    std::uint64_t m_knownSize = 0;
    std::filesystem::file_time_type m_knownModified {};
    std::string m_head; // the first bytes, to notice a file rewritten with other content
    std::string m_lastSourceError; // reported once, not on every reload
    // Compressed streams cannot be entered mid-way, so their reader stays open between reloads.
    std::unique_ptr<RecordReader> m_compressedReader;
};

} // namespace lantern::core
