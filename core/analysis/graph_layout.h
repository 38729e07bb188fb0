#pragma once
// Lays out one level of a graph as a layered drawing: inputs above the ops that read them.
// Cycles are broken by reversing back edges, each node goes to the layer of its longest path
// from a source, and nodes within a layer are ordered by the barycentre of their neighbours
// (a few sweeps down and up) so that edges cross less. Beyond `maxNodes` nodes the work would
// grow too large, so they are placed in a plain grid instead and the layout says so.

#include "core/analysis/graph_hierarchy.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace lantern::core {

struct LayoutEdge {
    std::uint32_t from = 0; // the input: drawn above `to`
    std::uint32_t to = 0;
};

struct LayoutSize {
    double width = 0;
    double height = 0;
};

struct GraphLayoutOptions {
    double nodeWidth = 150;
    double nodeHeight = 44;
    double horizontalGap = 28;
    double verticalGap = 56;
    std::size_t maxNodes = 500; // more nodes: a grid
    int sweeps = 4; // barycentre passes, each one down and one up
};

struct GraphLayout {
    struct Position {
        double x = 0; // the box's centre
        double y = 0;
    };
    std::vector<Position> positions; // per node
    std::vector<std::uint32_t> layers; // per node: 0 at the top
    std::vector<bool> reversed; // per edge: drawn against its direction to break a cycle
    double width = 0;
    double height = 0;
    bool grid = false; // too many nodes: laid out in a grid, edges ignored
};

// Nodes are 0 … nodeCount - 1; edges naming a node out of range are ignored. Deterministic.
// `cancelled` is asked between the steps (breaking cycles, layering, each sweep); once it says
// yes, the layout stops and is returned empty (no positions).
GraphLayout layOutGraph(std::size_t nodeCount, std::span<const LayoutEdge> edges,
    const GraphLayoutOptions& options = {}, const std::function<bool()>& cancelled = {});

// The same with a size per node (an open scope is bigger than a closed one): rows are as tall
// as their tallest node and nodes sit side by side by their widths. `sizes` gives the node count.
GraphLayout layOutGraph(std::span<const LayoutSize> sizes, std::span<const LayoutEdge> edges,
    const GraphLayoutOptions& options = {}, const std::function<bool()>& cancelled = {});

// edgesWithin(group) between the children of `group`, each end given as the child's index in
// hierarchy order.
std::vector<LayoutEdge> edgesAmongChildren(const GraphHierarchy& hierarchy, std::uint32_t group);

// The children of `group` (in hierarchy order), with edgesAmongChildren(group) between them.
GraphLayout layOutGroup(const GraphHierarchy& hierarchy, std::uint32_t group,
    const GraphLayoutOptions& options = {}, const std::function<bool()>& cancelled = {});

} // namespace lantern::core
