#pragma once
// "Colour by device" and "by XLA cluster": each op's value of that attribute, numbered, and for
// each group the value its ops share — or "mixed" when they differ, "none" when none has one —
// and the value most of its ops have.

#include "core/analysis/graph_hierarchy.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lantern::pb {
class GraphDef;
}

namespace lantern::core {

enum class NodeAttribute : std::uint8_t {
    Device, // NodeDef.device, as placed (e.g. "/job:localhost/replica:0/task:0/device:GPU:0")
    XlaCluster, // the "_XlaCluster" string attribute XLA's auto-clustering sets
};

struct NodeGroups {
    static constexpr std::int32_t kNone = -1; // no op at or below has the attribute
    static constexpr std::int32_t kMixed = -2; // ops below have different values
    std::vector<std::string> values; // the distinct values, in order of first appearance
    std::vector<std::int32_t> ofNode; // per hierarchy node: an index into values, or kNone/kMixed
    std::vector<std::uint32_t> opsWith; // per value: how many ops have it
    // Per hierarchy node: the value most of its ops have (ties: the first value), kNone when
    // none has one. A mixed scope is drawn in this value's colour, patterned.
    std::vector<std::int32_t> dominant;
};

NodeGroups groupNodesBy(
    const GraphHierarchy& hierarchy, const pb::GraphDef& graph, NodeAttribute attribute);

} // namespace lantern::core
