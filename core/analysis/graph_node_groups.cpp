#include "core/analysis/graph_node_groups.h"

#include "graph.pb.h"

#include <algorithm>
#include <unordered_map>

namespace lantern::core {
namespace {

std::string valueOf(const pb::NodeDef& node, NodeAttribute attribute)
{
    if (attribute == NodeAttribute::Device)
        return node.device();
    const auto it = node.attr().find("_XlaCluster");
    return it != node.attr().end() && it->second.has_s() ? it->second.s() : std::string();
}

// What a group holds once `child` is added to what it held.
std::int32_t merged(std::int32_t held, std::int32_t child, bool first)
{
    if (first)
        return child;
    // Different values, or some ops with a value and some without: not one value.
    return held == child ? held : NodeGroups::kMixed;
}

} // namespace

NodeGroups groupNodesBy(
    const GraphHierarchy& hierarchy, const pb::GraphDef& graph, NodeAttribute attribute)
{
    const auto& nodes = hierarchy.nodes();
    NodeGroups out;
    out.ofNode.assign(nodes.size(), NodeGroups::kNone);
    std::unordered_map<std::string, std::int32_t> indexOf;
    for (std::uint32_t index = 0; index < nodes.size(); ++index) {
        const GraphHierarchy::Node& node = nodes[index];
        if (node.isGroup() || node.nodeDef < 0 || node.nodeDef >= graph.node_size())
            continue;
        std::string value = valueOf(graph.node(node.nodeDef), attribute);
        if (value.empty())
            continue;
        const auto [it, added] = indexOf.try_emplace(value, std::int32_t(out.values.size()));
        if (added) {
            out.values.push_back(std::move(value));
            out.opsWith.push_back(0);
        }
        out.ofNode[index] = it->second;
        ++out.opsWith[std::size_t(it->second)];
    }
    // Groups, deepest first, so each sees its child groups already settled.
    std::vector<std::uint32_t> groups;
    for (std::uint32_t index = 0; index < nodes.size(); ++index)
        if (nodes[index].isGroup())
            groups.push_back(index);
    std::stable_sort(groups.begin(), groups.end(),
        [&nodes](std::uint32_t a, std::uint32_t b) { return nodes[a].depth > nodes[b].depth; });
    // Ops per value below each group, merged upwards (a child's counts are freed once its
    // parent took them: only one level's worth lives at a time).
    std::vector<std::unordered_map<std::int32_t, std::uint32_t>> counts(nodes.size());
    out.dominant = out.ofNode;
    for (const std::uint32_t group : groups) {
        std::int32_t held = NodeGroups::kNone;
        bool first = true;
        auto& mine = counts[group];
        for (const std::uint32_t child : nodes[group].children) {
            held = merged(held, out.ofNode[child], first);
            first = false;
            if (nodes[child].isGroup()) {
                for (const auto& [value, count] : counts[child])
                    mine[value] += count;
                counts[child] = {};
            } else if (out.ofNode[child] >= 0) {
                ++mine[out.ofNode[child]];
            }
        }
        out.ofNode[group] = held;
        std::int32_t best = NodeGroups::kNone;
        std::uint32_t bestCount = 0;
        for (const auto& [value, count] : mine)
            if (count > bestCount || (count == bestCount && value < best)) {
                best = value;
                bestCount = count;
            }
        out.dominant[group] = best;
    }
    return out;
}

} // namespace lantern::core
