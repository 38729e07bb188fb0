#pragma once
// Where a re-read record keeps the serialized RunMetadata a RunMetadata GraphReference points
// at: Event.tagged_run_metadata, or the string tensor of a graph_run_metadata* summary value.
// Defined in graph_decoder.cpp, which decodes the graph inside it; step_stats_loader.h reads
// its step statistics.

#include "core/store/graph_reference.h"

#include <string>

namespace lantern::pb {
class Event;
}

namespace lantern::core {

// The bytes inside `event`, or null with `error` saying why (another tag, no string value…).
const std::string* runMetadataPayload(
    const pb::Event& event, const GraphReference& reference, std::string& error);

} // namespace lantern::core
