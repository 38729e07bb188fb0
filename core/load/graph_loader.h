#pragma once
// Graphs on demand: re-reads the record a GraphReference points at and decodes it into a
// GraphDef (see RunSnapshot::graphReference()). Safe to call from any thread.

#include "core/events/graph_decoder.h"
#include "core/store/graph_reference.h"

#include <functional>

namespace lantern::core {

class RecordFetcher;

// Pass a `fetcher` to reuse open compressed streams across reads. `cancelled` is asked once
// the record is read: when it says yes, the graph is not decoded and the error says so.
DecodedGraph loadGraph(const GraphReference& reference, RecordFetcher* fetcher = nullptr,
    const std::function<bool()>& cancelled = {});

} // namespace lantern::core
