// The graph hierarchy builder on fuzzed GraphDefs (scopes, series, inputs, edges).
// Checks: no crash, hang or runaway memory; every op sits in the tree once, counts add up,
// and every resolved input is counted as exactly one edge.

#include "core/analysis/graph_hierarchy.h"

#include "fuzz/fuzz_check.h"

#include <cstdio>
#include <cstdlib>

using namespace lantern;
using namespace lantern::core;
using lantern::fuzz::check;

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
    return 0;
}
