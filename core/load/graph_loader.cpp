#include "core/load/graph_loader.h"

#include "core/io/path_text.h"
#include "core/io/record_fetcher.h"

namespace lantern::core {

DecodedGraph loadGraph(
    const GraphReference& reference, RecordFetcher* fetcher, const std::function<bool()>& cancelled)
{
    const FetchedRecord record = fetcher
        ? fetcher->fetch(reference.file, reference.location.offset, reference.location.length)
        : fetchRecord(reference.file, reference.location.offset, reference.location.length);
    if (!record.ok())
        return {nullptr, record.error};
    if (cancelled && cancelled())
        return {nullptr, "cancelled"};
    DecodedGraph graph = decodeGraph(record.data, reference);
    if (!graph.ok())
        graph.error = pathText(reference.file) + " @" + std::to_string(reference.location.offset)
            + ": " + graph.error;
    return graph;
}

} // namespace lantern::core
