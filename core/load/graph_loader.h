#pragma once
// Graphs on demand: re-reads the record a GraphReference points at and decodes it into a
// GraphDef (see RunSnapshot::graphReference()). Safe to call from any thread.

#include "core/events/graph_decoder.h"
#include "core/store/graph_reference.h"

namespace lantern::core {

DecodedGraph loadGraph(const GraphReference& reference);

} // namespace lantern::core
