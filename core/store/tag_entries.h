#pragma once
// What is stored per step for the non-scalar kinds.

#include "core/events/decoded_event.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace lantern::core {

struct HistogramEntry {
    std::int64_t step = 0;
    double wallTime = 0;
    std::vector<HistogramBucket> buckets;
};

// Where a record lies, so large payloads (images, audio, graphs, run metadata) are read on
// demand (core/load/blob_reader.h, core/load/graph_loader.h).
struct RecordLocation {
    std::uint32_t file = 0; // index into RunData::files
    std::uint64_t offset = 0; // offset of the record's header in the (decompressed) stream
    std::uint32_t length = 0; // length of the record's data
};

struct BlobEntry {
    std::int64_t step = 0;
    double wallTime = 0;
    RecordLocation location;
    std::uint32_t count = 0; // images or clips in this value
    std::uint32_t valueIndex = 0; // which Summary.value of the record holds it
};

// Text, PR curves, hparams and any other tensor, kept decoded. `numbers` and `strings` hold
// what the file holds: fewer than the shape declares is a broadcast (tensor_values.h).
struct TensorEntry {
    std::int64_t step = 0;
    double wallTime = 0;
    std::vector<std::int64_t> shape;
    std::vector<double> numbers;
    std::vector<std::string> strings;
};

// Plugin metadata, which writers send only with a tag's first value.
struct TagMetadata {
    std::string pluginName;
    std::string pluginContent;
    std::string displayName;
    std::string description;
    bool operator==(const TagMetadata&) const = default;
};

// A tag's metadata is immutable once read, and most tags of a run carry the same (the scalars
// plugin's, with no content): series, snapshots and the decoder share one copy instead of
// holding 128 bytes each per tag. Never null.
using SharedTagMetadata = std::shared_ptr<const TagMetadata>;
inline const SharedTagMetadata& noTagMetadata()
{
    static const SharedTagMetadata empty = std::make_shared<const TagMetadata>();
    return empty;
}

} // namespace lantern::core
