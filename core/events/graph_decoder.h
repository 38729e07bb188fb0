#pragma once
// Decodes the graph a re-read Event record carries: a GraphDef event, a MetaGraphDef's
// graph_def, a Keras model's JSON, or the graphs inside a RunMetadata.

#include "core/store/graph_reference.h"

#include <memory>
#include <string>
#include <string_view>

namespace lantern::pb {
class GraphDef;
}

namespace lantern::core {

struct DecodedGraph {
    std::shared_ptr<const pb::GraphDef> graph; // set when error is empty
    std::string error;

    bool ok() const { return error.empty(); }
};

// `reference` says which payload of the record to decode (its file and location are unused).
DecodedGraph decodeGraph(std::string_view record, const GraphReference& reference);

// RunMetadata's op graph (FORMATS-PLUGINS.md §8): the function graphs' pre-optimization graphs,
// else the partition graphs, merged with names prefixed "graph_<i>/" when there are several.
std::shared_ptr<pb::GraphDef> graphOfRunMetadata(std::string_view runMetadata);

} // namespace lantern::core
