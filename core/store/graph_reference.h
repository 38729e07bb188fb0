#pragma once
// Where a run's graph is, so it can be decoded on demand (core/load/graph_loader.h) instead of
// being held in memory: the record that carries it and what kind of payload that is.

#include "core/store/tag_entries.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace lantern::core {

enum class GraphSource : std::uint8_t {
    GraphDef, // Event.graph_def: the run's op graph
    MetaGraphDef, // Event.meta_graph_def's graph_def, used when no graph_def event exists
    KerasModel, // plugin graph_keras_model: Keras model JSON, a conceptual graph
    RunMetadata, // Event.tagged_run_metadata or plugin graph_run_metadata*: a traced graph
};

struct GraphReference {
    GraphSource source = GraphSource::GraphDef;
    std::filesystem::path file;
    RecordLocation location;
    std::string tag; // KerasModel and RunMetadata: the summary or run-metadata tag
    std::uint32_t valueIndex = 0; // KerasModel and summary RunMetadata: which Summary.value
    std::int64_t step = 0;
};

} // namespace lantern::core
