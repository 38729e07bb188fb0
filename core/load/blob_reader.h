#pragma once
// Images and audio on demand. The store keeps only where each value lies (a BlobEntry); this
// reads that one record back from disk, verifies it and decodes the value's images or clips.
// Safe to call from any thread: it only reads the file.

#include "core/events/blob_decoder.h"
#include "core/store/run_snapshot.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace lantern::core {

class RecordFetcher;

struct BlobReference {
    std::filesystem::path file;
    RecordLocation location;
    std::uint32_t valueIndex = 0;
    std::string tag;
    ValueKind kind = ValueKind::Image;
};

// The reference of a tag's `index`-th blob entry (index < tag.blobs.size()).
BlobReference blobReference(const RunSnapshot& run, const TagSnapshot& tag, std::size_t index);

// Re-reads and decodes the referenced value; a clear error when the file is gone or changed.
// Pass the same `fetcher` for a series of reads to keep compressed files' streams open.
DecodedBlobs readBlobs(const BlobReference& reference, RecordFetcher* fetcher = nullptr);

} // namespace lantern::core
