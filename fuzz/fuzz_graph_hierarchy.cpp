// The graph hierarchy builder on fuzzed GraphDefs (scopes, series, inputs, edges), then the
// canvas' layout with some of its groups opened in place (chosen from the input's bytes).
// Checks: no crash, hang or runaway memory; every op sits in the tree once, counts add up,
// and every resolved input is counted as exactly one edge; in the expanded layout, every box
// lies inside its open group's box and every input between two different visible boxes is
// counted in one drawn edge (or stated as not drawn), and the edges' routes around boxes (and
// their lanes) are deterministic and finite.

#include "core/analysis/graph_expanded_layout.h"
#include "core/analysis/graph_hierarchy.h"

#include "fuzz/fuzz_check.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace lantern;
using namespace lantern::core;
using lantern::fuzz::check;

namespace {

bool inside(const ExpandedLayout::Box& inner, const ExpandedLayout::Box& outer)
{
    return inner.x >= outer.x && inner.y >= outer.y
        && inner.x + inner.width <= outer.x + outer.width
        && inner.y + inner.height <= outer.y + outer.height;
}

void checkExpandedLayout(
    const GraphHierarchy& h, const pb::GraphDef& graph, const std::uint8_t* data, std::size_t size)
{
    // Groups to open, to move aside and back, picked by the input's bytes; sometimes a root.
    GraphExpansion expansion;
    for (std::uint32_t i = 0; i < h.nodes().size(); ++i) {
        const std::uint8_t byte = size ? data[i % size] : 0;
        if (h.node(i).isGroup() && (byte & 3) != 0)
            expansion.open.insert(i);
        if (byte % 7 == 0)
            expansion.movedToAuxiliary.insert(i);
        if (byte % 11 == 0)
            expansion.movedToMain.insert(i);
    }
    if (size > 0 && data[0] % 5 == 0)
        expansion.root = std::uint32_t(data[size - 1]) % std::uint32_t(h.nodes().size());
    ExpandedLayoutOptions options;
    options.maxOpenDepth = 2 + size % 6;
    options.maxEdges = 64;
    options.level.maxNodes = 16 + size % 32; // grids are common too
    const ExpandedLayout first = layOutExpanded(h, &graph, expansion, {}, options);
    check(!first.cancelled, "a layout cancelled with nobody asking");
    expansion.open.erase(expansion.open.empty() ? 0 : *expansion.open.begin());
    const ExpandedLayout layout = layOutExpanded(h, &graph, expansion, first.cache, options);
    const ExpandedLayout fresh = layOutExpanded(h, &graph, expansion, {}, options);
    check(layout.boxes.size() == fresh.boxes.size() && layout.edges.size() == fresh.edges.size(),
        "reused placements change the layout");
    for (std::size_t b = 0; b < layout.boxes.size(); ++b) {
        const auto& box = layout.boxes[b];
        check(box.width > 0 && box.height > 0, "an empty box");
        check(box.x == fresh.boxes[b].x && box.y == fresh.boxes[b].y,
            "reused placements moved a box");
        if (box.parentBox >= 0)
            check(inside(box, layout.boxes[std::size_t(box.parentBox)]), "a box outside its group");
        check(layout.boxOf(box.node) == b, "a node drawn twice");
    }
    for (const auto& edge : layout.edges) {
        check(edge.from < layout.boxes.size() && edge.to < layout.boxes.size()
                && edge.from != edge.to,
            "an edge between no boxes");
        check(edge.data + edge.control > 0, "an edge counting no input");
        check(std::size_t(edge.firstBend) + edge.bendCount <= layout.bends.size(),
            "an edge's bends outside the list");
    }
    // Routes and lanes (graph_edge_routes.h): the same for the same layout, finite.
    check(layout.bends.size() == fresh.bends.size(), "routes differ between equal layouts");
    for (std::size_t i = 0; i < layout.bends.size(); ++i) {
        const auto& bend = layout.bends[i];
        check(std::isfinite(bend.x) && std::isfinite(bend.y), "a bend not on the canvas");
        check(bend.x == fresh.bends[i].x && bend.y == fresh.bends[i].y,
            "routes differ between equal layouts");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    pb::GraphDef graph;
    if (!graph.ParseFromArray(data, static_cast<int>(size)))
        return 0;
    GraphHierarchyOptions options;
    options.minSeriesSize = 2 + size % 4; // small thresholds make series common
    options.maxDepth = 3 + size % 8;
    const GraphHierarchy h = buildGraphHierarchy(graph, options);
    check(h.opCount() == std::size_t(graph.node_size()), "ops lost or duplicated");

    std::vector<int> seen(std::size_t(graph.node_size()), 0);
    std::size_t inputs = 0, edges = 0;
    for (std::uint32_t i = 0; i < h.nodes().size(); ++i) {
        const auto& node = h.node(i);
        std::uint32_t childOps = 0;
        for (const std::uint32_t child : node.children) {
            check(h.node(child).parent == i, "a child whose parent is another node");
            check(h.node(child).depth == node.depth + 1, "a child at the wrong depth");
            childOps += h.node(child).opCount;
        }
        if (node.isGroup()) {
            check(childOps == node.opCount, "a group's op count is not its children's");
            check(node.depth <= options.maxDepth + 1, "nesting deeper than allowed");
        } else {
            check(
                node.nodeDef >= 0 && node.nodeDef < graph.node_size(), "an op without its NodeDef");
            ++seen[std::size_t(node.nodeDef)];
            for (const auto& input : h.inputsOf(i))
                inputs += input.op != i;
        }
        for (const auto& edge : h.edgesWithin(i)) {
            check(h.node(edge.from).parent == i && h.node(edge.to).parent == i,
                "an edge outside its group");
            edges += edge.data + edge.control;
        }
    }
    for (const int count : seen)
        check(count == 1, "a NodeDef placed other than once");
    check(inputs == edges, "inputs and edges disagree");
    checkExpandedLayout(h, graph, data, size);
    return 0;
}
