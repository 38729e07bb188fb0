#include "core/load/event_file_state.h"

#include "core/io/file_byte_source.h"
#include "core/io/inflating_byte_source.h"

namespace lantern::core {

bool EventFileState::detectCompression()
{
    FileByteSource source(m_path, 0);
    char head[RecordReader::kHeaderBytes];
    std::size_t got = 0;
    while (got < sizeof head) {
        const std::size_t n = source.read(head + got, sizeof head - got);
        if (n == 0)
            break;
        got += n;
    }
    m_compression = detectRecordCompression(std::string_view(head, got));
    return m_compression != RecordCompression::Unknown;
}

void EventFileState::report(RunData& run, const RecordDiagnostic& diagnostic) const
{
    run.diagnostics.push_back(
        {m_path.string(), diagnostic.offset, diagnostic.bytesSkipped, diagnostic.reason});
}

std::uint64_t EventFileState::readNew(EventDecoder& decoder, RunData& run, std::uint64_t& records)
{
    if (m_compression == RecordCompression::Unknown && !detectCompression())
        return 0; // too few bytes to tell yet; the writer has only just begun

    std::unique_ptr<RecordReader> plainReader;
    RecordReader* reader = nullptr;
    if (m_compression == RecordCompression::None) {
        plainReader = std::make_unique<RecordReader>(
            std::make_unique<FileByteSource>(m_path, m_offset), m_offset, m_resyncing);
        reader = plainReader.get();
    } else {
        if (!m_compressedReader)
            m_compressedReader = std::make_unique<RecordReader>(
                std::make_unique<InflatingByteSource>(std::make_unique<FileByteSource>(m_path, 0)));
        reader = m_compressedReader.get();
    }

    const std::uint64_t before = reader->resumeOffset();
    while (const auto record = reader->next()) {
        ++records;
        if (auto event = decoder.decode(record->data))
            run.add(*event);
        else
            run.diagnostics.push_back({m_path.string(), record->offset, record->data.size() + 16,
                "record is not a valid Event protobuf"});
    }
    for (const RecordDiagnostic& diagnostic : reader->takeDiagnostics())
        report(run, diagnostic);
    if (!reader->sourceError().empty())
        run.diagnostics.push_back(
            {m_path.string(), reader->resumeOffset(), 0, reader->sourceError()});
    m_offset = reader->resumeOffset();
    m_resyncing = reader->isResyncing();
    return m_offset - before;
}

} // namespace lantern::core
