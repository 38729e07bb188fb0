#include "core/analysis/graph_structure.h"

#include "graph.pb.h"

#include <algorithm>
#include <string_view>

namespace lantern::core {
namespace {

// FNV-1a, then mixed: signatures are compared, never stored, so any good 64-bit mix will do.
std::uint64_t hashText(std::string_view text)
{
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (const char c : text)
        h = (h ^ std::uint8_t(c)) * 0x100000001b3ull;
    return h;
}

std::uint64_t combine(std::uint64_t seed, std::uint64_t value)
{
    seed ^= value + 0x9e3779b97f4a7c15ull + (seed << 6) + (seed >> 2);
    return seed;
}

} // namespace

std::vector<std::uint64_t> structureSignatures(
    const GraphHierarchy& hierarchy, const pb::GraphDef& graph)
{
    const auto& nodes = hierarchy.nodes();
    std::vector<std::uint64_t> signatures(nodes.size(), 0);
    // Children come after their parent in the node array only for groups made while walking
    // the names, so order the work by depth, deepest first, instead of relying on indices.
    std::vector<std::uint32_t> order(nodes.size());
    for (std::uint32_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
        [&nodes](std::uint32_t a, std::uint32_t b) { return nodes[a].depth > nodes[b].depth; });
    std::vector<std::uint64_t> parts;
    for (const std::uint32_t index : order) {
        const GraphHierarchy::Node& node = nodes[index];
        if (!node.isGroup()) {
            const bool known = node.nodeDef >= 0 && node.nodeDef < graph.node_size();
            signatures[index] = hashText(known ? graph.node(node.nodeDef).op() : std::string());
            continue;
        }
        parts.clear();
        for (const std::uint32_t child : node.children)
            parts.push_back(signatures[child]);
        std::sort(parts.begin(), parts.end()); // names and order do not matter, content does
        std::uint64_t h = combine(0x51ed27u, std::uint64_t(node.kind));
        for (const std::uint64_t part : parts)
            h = combine(h, part);
        std::uint64_t edges = 0;
        for (const GraphHierarchy::Edge& edge : hierarchy.edgesWithin(index))
            edges += edge.data + edge.control;
        signatures[index] = combine(h, edges);
    }
    return signatures;
}

} // namespace lantern::core
