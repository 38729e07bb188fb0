#pragma once
// Reading progress through one event file, kept between reloads.

#include "core/events/event_decoder.h"
#include "core/io/record_compression.h"
#include "core/io/record_reader.h"
#include "core/store/run_data.h"

#include <cstdint>
#include <filesystem>
#include <memory>

namespace lantern::core {

class EventFileState {
public:
    explicit EventFileState(std::filesystem::path path)
        : m_path(std::move(path))
    {
    }

    const std::filesystem::path& path() const { return m_path; }

    // Reads every whole record appended since the last call into `run`. Returns bytes consumed.
    std::uint64_t readNew(EventDecoder& decoder, RunData& run, std::uint64_t& records);

private:
    bool detectCompression();
    void report(RunData& run, const RecordDiagnostic& diagnostic) const;

    std::filesystem::path m_path;
    RecordCompression m_compression = RecordCompression::Unknown;
    std::uint64_t m_offset = 0;
    bool m_resyncing = false;
    // Compressed streams cannot be entered mid-way, so their reader stays open between reloads.
    std::unique_ptr<RecordReader> m_compressedReader;
};

} // namespace lantern::core
