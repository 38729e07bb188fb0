#pragma once
// Reads single records back from event files, given where the loader found them: the stream
// offset of the header and the data length. Both checksums are verified and the length must
// match, so a file that was replaced or rewritten since loading is reported, not misread.
//
// Compressed (GZIP/ZLIB) files cannot be entered mid-way: the stored offset is one in the
// decompressed stream. A fetcher keeps the last few decompressing streams open, so reads in
// increasing offset order (a dashboard stepping through images) continue where the previous
// one stopped; a read behind a stream's position inflates again from the start. Memory stays
// bounded either way. Use one fetcher per thread.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace lantern::core {

class ByteSource;

struct FetchedRecord {
    std::string data; // the record's payload (a serialized Event) when error is empty
    std::string error; // why the record could not be read back, with the file and offset

    bool ok() const { return error.empty(); }
};

class RecordFetcher {
public:
    RecordFetcher();
    ~RecordFetcher();
    RecordFetcher(const RecordFetcher&) = delete;
    RecordFetcher& operator=(const RecordFetcher&) = delete;

    FetchedRecord fetch(
        const std::filesystem::path& file, std::uint64_t offset, std::uint32_t length);

    // How many bytes compressed reads have decompressed only to skip them (for benchmarks).
    std::uint64_t skippedBytes() const { return m_skippedBytes; }

private:
    struct OpenStream;
    // A decompressing stream of `file` positioned at `offset`, reusing an open one when it
    // is not past it; nullptr with `error` set when the stream ends before.
    OpenStream* compressedStreamAt(
        const std::filesystem::path& file, std::uint64_t offset, std::string& error);

    static constexpr std::size_t kMaxOpenStreams = 4;
    std::vector<std::unique_ptr<OpenStream>> m_streams; // most recently used last
    std::uint64_t m_skippedBytes = 0;
};

// One record, with a fetcher of its own (compressed files are inflated from their start).
FetchedRecord fetchRecord(
    const std::filesystem::path& file, std::uint64_t offset, std::uint32_t length);

} // namespace lantern::core
