#pragma once
// Converts a Keras model's JSON (model.to_json(), written under plugin graph_keras_model) into
// a conceptual GraphDef, following FORMATS-PLUGINS.md §3: one node per layer named by its
// model scope, inputs from inbound nodes (Keras 2 lists and Keras 3 dicts) or, without them,
// the previously emitted layer.

#include <cstdint>
#include <string>
#include <string_view>

namespace lantern::pb {
class GraphDef;
}

namespace lantern::core {

// Fills `graph`; returns an empty string on success, else why the JSON was not a model (or
// nests deeper than kDefaultJsonDepthLimit). `work`, when given, receives the JSON values
// parsed plus the values and name bytes the conversion went through: it grows linearly with
// the JSON's size, whatever its shape.
std::string kerasModelToGraph(
    std::string_view json, pb::GraphDef& graph, std::uint64_t* work = nullptr);

} // namespace lantern::core
