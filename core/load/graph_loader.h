#pragma once
// Graphs on demand: re-reads the record a GraphReference points at and decodes it into a
// GraphDef (see RunSnapshot::graphReference()). Safe to call from any thread.

#include "core/events/graph_decoder.h"
#include "core/store/graph_reference.h"

namespace lantern::core {

class RecordFetcher;

// Pass a `fetcher` to reuse open compressed streams across reads.
DecodedGraph loadGraph(const GraphReference& reference, RecordFetcher* fetcher = nullptr);

} // namespace lantern::core
