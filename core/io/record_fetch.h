#pragma once
// Reads one record again from an event file, given where the loader found it: the stream
// offset of its header and its data length. Both checksums are verified and the length must
// match, so a file that was replaced or rewritten since loading is reported, not misread.
// Compressed (GZIP/ZLIB) files are inflated from their start up to the offset, in bounded
// memory: the stored offset is one in the decompressed stream.

#include <cstdint>
#include <filesystem>
#include <string>

namespace lantern::core {

struct FetchedRecord {
    std::string data; // the record's payload (a serialized Event) when error is empty
    std::string error; // why the record could not be read back, with the file and offset

    bool ok() const { return error.empty(); }
};

FetchedRecord fetchRecord(
    const std::filesystem::path& file, std::uint64_t offset, std::uint32_t length);

} // namespace lantern::core
