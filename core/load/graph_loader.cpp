#include "core/load/graph_loader.h"

#include "core/io/record_fetch.h"

namespace lantern::core {

DecodedGraph loadGraph(const GraphReference& reference)
{
    const FetchedRecord record
        = fetchRecord(reference.file, reference.location.offset, reference.location.length);
    if (!record.ok())
        return {nullptr, record.error};
    DecodedGraph graph = decodeGraph(record.data, reference);
    if (!graph.ok())
        graph.error = reference.file.string() + " @" + std::to_string(reference.location.offset)
            + ": " + graph.error;
    return graph;
}

} // namespace lantern::core
