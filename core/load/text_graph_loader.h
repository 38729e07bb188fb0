#pragma once
// graph.pbtxt: the GraphDef in protobuf text format that Estimators and tf.train.write_graph
// leave beside the event files. Read whole (it is a side file, not a stream) and parsed with
// protobuf's text parser, bounded in size and nesting so hostile files fail with a message.
//
// Such a graph is named by a GraphReference of source GraphDef whose `tag` is the file name
// (an event's GraphDef has no tag) and `file` the path; nothing in it is a record.

#include "core/events/graph_decoder.h"
#include "core/store/graph_reference.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string_view>

namespace lantern::core {

inline constexpr std::string_view kTextGraphFileName = "graph.pbtxt";
inline constexpr std::uintmax_t kMaxTextGraphBytes = std::uintmax_t(512) << 20;

GraphReference textGraphReference(const std::filesystem::path& file);
bool isTextGraph(const GraphReference& reference);

// `cancelled` is asked once the file is read, before parsing.
DecodedGraph loadTextGraph(
    const std::filesystem::path& file, const std::function<bool()>& cancelled = {});
// The parse alone, for text already in memory.
DecodedGraph parseTextGraph(std::string_view text);

} // namespace lantern::core
