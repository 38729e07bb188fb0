#include "core/load/blob_reader.h"

#include "core/io/path_text.h"
#include "core/io/record_fetcher.h"

namespace lantern::core {

BlobReference blobReference(const RunSnapshot& run, const TagSnapshot& tag, std::size_t index)
{
    const BlobEntry& entry = tag.blobs[index];
    BlobReference reference;
    if (entry.location.file < run.files.size())
        reference.file = run.files[entry.location.file];
    reference.location = entry.location;
    reference.valueIndex = entry.valueIndex;
    reference.tag = tag.tag;
    reference.kind = tag.kind;
    return reference;
}

DecodedBlobs readBlobs(const BlobReference& reference, RecordFetcher* fetcher)
{
    const FetchedRecord record = fetcher
        ? fetcher->fetch(reference.file, reference.location.offset, reference.location.length)
        : fetchRecord(reference.file, reference.location.offset, reference.location.length);
    if (!record.ok())
        return {{}, {}, record.error};
    DecodedBlobs blobs
        = decodeBlobs(record.data, {reference.valueIndex, reference.tag, reference.kind});
    if (!blobs.ok())
        blobs.error = pathText(reference.file) + " @" + std::to_string(reference.location.offset)
            + ": " + blobs.error;
    return blobs;
}

} // namespace lantern::core
