// Graph payloads by source. Each parse is bounded by the record's bytes; protobuf limits the
// nesting depth of hostile messages.

#include "core/events/graph_decoder.h"

#include "core/events/keras_graph.h"
#include "core/events/run_metadata_payload.h"
#include "core/events/stored_value.h"

#include "event.pb.h"
#include "graph.pb.h"
#include "run_metadata.pb.h"

#include <vector>

namespace lantern::core {
namespace {

std::string prefixed(const std::string& prefix, const std::string& name)
{
    // Control inputs keep their caret in front: "^x" → "^graph_0/x".
    if (name.starts_with('^'))
        return "^" + prefix + name.substr(1);
    return prefix + name;
}

void appendGraph(const pb::GraphDef& part, const std::string& prefix, pb::GraphDef& into)
{
    for (const pb::NodeDef& node : part.node()) {
        pb::NodeDef* copy = into.add_node();
        *copy = node;
        copy->set_name(prefix + node.name());
        for (int i = 0; i < copy->input_size(); ++i)
            copy->set_input(i, prefixed(prefix, copy->input(i)));
    }
}

// The scalar string tensor (Keras JSON, serialized RunMetadata) of the referenced value.
const std::string* storedString(
    const pb::Event& event, const GraphReference& reference, std::string& error)
{
    const pb::Summary::Value* value
        = storedSummaryValue(event, reference.valueIndex, reference.tag, error);
    if (!value)
        return nullptr;
    if (value->tensor().string_val_size() < 1) {
        error = "the value '" + reference.tag + "' holds no string";
        return nullptr;
    }
    return &value->tensor().string_val(0);
}

} // namespace

const std::string* runMetadataPayload(
    const pb::Event& event, const GraphReference& reference, std::string& error)
{
    if (!event.has_tagged_run_metadata())
        return storedString(event, reference, error);
    if (event.tagged_run_metadata().tag() == reference.tag)
        return &event.tagged_run_metadata().run_metadata();
    error = "the record's run metadata is tagged '" + event.tagged_run_metadata().tag() + "', not '"
        + reference.tag + "'";
    return nullptr;
}

std::shared_ptr<pb::GraphDef> graphOfRunMetadata(std::string_view bytes)
{
    pb::RunMetadata metadata;
    if (!metadata.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
        return nullptr;
    std::vector<const pb::GraphDef*> parts;
    for (const auto& function : metadata.function_graphs())
        if (function.has_pre_optimization_graph())
            parts.push_back(&function.pre_optimization_graph());
    if (parts.empty())
        for (const pb::GraphDef& partition : metadata.partition_graphs())
            parts.push_back(&partition);
    if (parts.size() == 1) // kept whole, with its versions and function library
        return std::make_shared<pb::GraphDef>(*parts.front());
    auto graph = std::make_shared<pb::GraphDef>();
    for (std::size_t i = 0; i < parts.size(); ++i)
        appendGraph(*parts[i], "graph_" + std::to_string(i) + "/", *graph);
    if (!parts.empty() && parts.front()->has_versions())
        *graph->mutable_versions() = parts.front()->versions();
    return graph;
}

DecodedGraph decodeGraph(std::string_view record, const GraphReference& reference)
{
    DecodedGraph out;
    pb::Event event;
    if (!event.ParseFromArray(record.data(), static_cast<int>(record.size()))) {
        out.error = "the record is not a valid Event";
        return out;
    }
    auto graph = std::make_shared<pb::GraphDef>();
    switch (reference.source) {
    case GraphSource::GraphDef:
        if (!event.has_graph_def())
            out.error = "the record holds no graph_def: the file changed";
        else if (!graph->ParseFromString(event.graph_def()))
            out.error = "the graph_def is not a valid GraphDef";
        break;
    case GraphSource::MetaGraphDef: {
        pb::MetaGraphDef meta;
        if (!event.has_meta_graph_def())
            out.error = "the record holds no meta_graph_def: the file changed";
        else if (!meta.ParseFromString(event.meta_graph_def()))
            out.error = "the meta_graph_def is not a valid MetaGraphDef";
        else
            graph->Swap(meta.mutable_graph_def());
        break;
    }
    case GraphSource::KerasModel:
        if (const std::string* json = storedString(event, reference, out.error))
            out.error = kerasModelToGraph(*json, *graph);
        break;
    case GraphSource::RunMetadata: {
        const std::string* bytes = runMetadataPayload(event, reference, out.error);
        if (bytes && !(graph = graphOfRunMetadata(*bytes)))
            out.error = "the run metadata is not a valid RunMetadata";
        break;
    }
    }
    if (out.error.empty())
        out.graph = std::move(graph);
    return out;
}

} // namespace lantern::core
