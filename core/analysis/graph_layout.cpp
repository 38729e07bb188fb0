#include "core/analysis/graph_layout.h"

#include "core/io/cancellation_poll.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace lantern::core {

namespace {

using Adjacency = std::vector<std::vector<std::uint32_t>>;

// Marks the edges that close a cycle (they lead back to a node still on the DFS stack).
std::vector<bool> findBackEdges(std::size_t nodeCount, std::span<const LayoutEdge> edges)
{
    std::vector<std::vector<std::uint32_t>> outEdges(nodeCount);
    for (std::uint32_t e = 0; e < edges.size(); ++e)
        outEdges[edges[e].from].push_back(e);
    enum : std::uint8_t { Unseen, OnStack, Done };
    std::vector<std::uint8_t> state(nodeCount, Unseen);
    std::vector<bool> back(edges.size(), false);
    struct Frame {
        std::uint32_t node;
        std::size_t next;
    };
    std::vector<Frame> stack;
    for (std::uint32_t start = 0; start < nodeCount; ++start) {
        if (state[start] != Unseen)
            continue;
        state[start] = OnStack;
        stack.push_back({start, 0});
        while (!stack.empty()) { // iterative: deep chains must not overflow the call stack
            Frame& frame = stack.back();
            if (frame.next == outEdges[frame.node].size()) {
                state[frame.node] = Done;
                stack.pop_back();
                continue;
            }
            const std::uint32_t e = outEdges[frame.node][frame.next++];
            const std::uint32_t to = edges[e].to;
            if (state[to] == OnStack)
                back[e] = true;
            else if (state[to] == Unseen) {
                state[to] = OnStack;
                stack.push_back({to, 0});
            }
        }
    }
    return back;
}

// Longest path from a source, over an acyclic adjacency (Kahn's order).
std::vector<std::uint32_t> assignLayers(const Adjacency& successors)
{
    const std::size_t n = successors.size();
    std::vector<std::uint32_t> indegree(n, 0);
    for (const auto& next : successors)
        for (const std::uint32_t to : next)
            ++indegree[to];
    std::vector<std::uint32_t> ready;
    for (std::uint32_t v = 0; v < n; ++v)
        if (indegree[v] == 0)
            ready.push_back(v);
    std::vector<std::uint32_t> layer(n, 0);
    for (std::size_t i = 0; i < ready.size(); ++i) {
        const std::uint32_t v = ready[i];
        for (const std::uint32_t to : successors[v]) {
            layer[to] = std::max(layer[to], layer[v] + 1);
            if (--indegree[to] == 0)
                ready.push_back(to);
        }
    }
    return layer;
}

// Reorders each layer by the mean position of the nodes' neighbours in the adjacent layer.
void sortByBarycentre(std::vector<std::vector<std::uint32_t>>& rows, const Adjacency& neighbours,
    std::vector<double>& position, std::size_t row)
{
    std::vector<std::pair<double, std::uint32_t>> keyed;
    for (const std::uint32_t v : rows[row]) {
        double sum = 0;
        for (const std::uint32_t u : neighbours[v])
            sum += position[u];
        // A node with no neighbours there keeps its place.
        keyed.emplace_back(
            neighbours[v].empty() ? position[v] : sum / double(neighbours[v].size()), v);
    }
    std::stable_sort(
        keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < keyed.size(); ++i) {
        rows[row][i] = keyed[i].second;
        position[keyed[i].second] = double(i);
    }
}

// Rows as tall as their tallest node; nodes side by side, each row centred in the widest.
void placeRows(GraphLayout& layout, const std::vector<std::vector<std::uint32_t>>& rows,
    std::span<const LayoutSize> sizes, const GraphLayoutOptions& o)
{
    std::vector<double> rowWidths(rows.size(), 0), rowHeights(rows.size(), 0);
    for (std::size_t row = 0; row < rows.size(); ++row)
        for (const std::uint32_t v : rows[row]) {
            rowWidths[row] += sizes[v].width + o.horizontalGap;
            rowHeights[row] = std::max(rowHeights[row], sizes[v].height);
        }
    layout.width = rows.empty() ? 0 : *std::max_element(rowWidths.begin(), rowWidths.end());
    layout.positions.resize(sizes.size());
    double top = o.verticalGap / 2;
    for (std::size_t row = 0; row < rows.size(); ++row) {
        double left = (layout.width - rowWidths[row]) / 2;
        for (const std::uint32_t v : rows[row]) {
            const double step = sizes[v].width + o.horizontalGap;
            layout.positions[v] = {left + step / 2, top + rowHeights[row] / 2};
            left += step;
        }
        top += rowHeights[row] + o.verticalGap;
    }
    layout.height = top - o.verticalGap / 2;
}

GraphLayout gridLayout(
    std::span<const LayoutSize> sizes, std::size_t edgeCount, const GraphLayoutOptions& o)
{
    GraphLayout layout;
    layout.grid = true;
    layout.reversed.assign(edgeCount, false);
    const std::size_t nodeCount = sizes.size();
    const auto columns = std::size_t(std::ceil(std::sqrt(double(nodeCount))));
    std::vector<std::vector<std::uint32_t>> rows(columns ? (nodeCount + columns - 1) / columns : 0);
    for (std::uint32_t i = 0; i < nodeCount; ++i) {
        rows[i / columns].push_back(i);
        layout.layers.push_back(std::uint32_t(i / columns));
    }
    placeRows(layout, rows, sizes, o);
    return layout;
}

} // namespace

GraphLayout layOutGraph(std::size_t nodeCount, std::span<const LayoutEdge> edges,
    const GraphLayoutOptions& o, const std::function<bool()>& cancelled)
{
    const std::vector<LayoutSize> sizes(nodeCount, LayoutSize {o.nodeWidth, o.nodeHeight});
    return layOutGraph(sizes, edges, o, cancelled);
}

GraphLayout layOutGraph(std::span<const LayoutSize> sizes, std::span<const LayoutEdge> allEdges,
    const GraphLayoutOptions& o, const std::function<bool()>& cancelled)
{
    const std::size_t nodeCount = sizes.size();
    CancellationPoll poll(cancelled, 1);
    std::vector<LayoutEdge> edges;
    std::vector<std::size_t> kept; // index in allEdges
    for (std::size_t e = 0; e < allEdges.size(); ++e)
        if (allEdges[e].from < nodeCount && allEdges[e].to < nodeCount
            && allEdges[e].from != allEdges[e].to) {
            edges.push_back(allEdges[e]);
            kept.push_back(e);
        }
    if (nodeCount > o.maxNodes)
        return gridLayout(sizes, allEdges.size(), o);

    if (poll.now())
        return {};
    GraphLayout layout;
    layout.reversed.assign(allEdges.size(), false);
    const std::vector<bool> back = findBackEdges(nodeCount, edges);
    Adjacency successors(nodeCount), predecessors(nodeCount);
    for (std::size_t e = 0; e < edges.size(); ++e) {
        auto [from, to] = std::pair(edges[e].from, edges[e].to);
        if (back[e]) {
            std::swap(from, to);
            layout.reversed[kept[e]] = true;
        }
        successors[from].push_back(to);
        predecessors[to].push_back(from);
    }
    for (Adjacency* adjacency : {&successors, &predecessors})
        for (auto& list : *adjacency) { // parallel edges weigh once
            std::sort(list.begin(), list.end());
            list.erase(std::unique(list.begin(), list.end()), list.end());
        }
    if (poll.now())
        return {};
    layout.layers = assignLayers(successors);

    const std::uint32_t layerCount
        = nodeCount ? *std::max_element(layout.layers.begin(), layout.layers.end()) + 1 : 0;
    std::vector<std::vector<std::uint32_t>> rows(layerCount);
    std::vector<double> position(nodeCount, 0);
    for (std::uint32_t v = 0; v < nodeCount; ++v) {
        position[v] = double(rows[layout.layers[v]].size());
        rows[layout.layers[v]].push_back(v);
    }
    for (int sweep = 0; sweep < o.sweeps; ++sweep) {
        if (poll.now())
            return {};
        for (std::size_t row = 1; row < layerCount; ++row)
            sortByBarycentre(rows, predecessors, position, row);
        for (std::size_t row = layerCount; row-- > 1;)
            sortByBarycentre(rows, successors, position, row - 1);
    }

    placeRows(layout, rows, sizes, o);
    return layout;
}

std::vector<LayoutEdge> edgesAmongChildren(const GraphHierarchy& hierarchy, std::uint32_t group)
{
    const auto& children = hierarchy.node(group).children;
    std::unordered_map<std::uint32_t, std::uint32_t> indexOf;
    for (std::uint32_t i = 0; i < children.size(); ++i)
        indexOf.emplace(children[i], i);
    std::vector<LayoutEdge> edges;
    for (const GraphHierarchy::Edge& edge : hierarchy.edgesWithin(group)) {
        const auto from = indexOf.find(edge.from), to = indexOf.find(edge.to);
        if (from != indexOf.end() && to != indexOf.end())
            edges.push_back({from->second, to->second});
    }
    return edges;
}

GraphLayout layOutGroup(const GraphHierarchy& hierarchy, std::uint32_t group,
    const GraphLayoutOptions& options, const std::function<bool()>& cancelled)
{
    return layOutGraph(
        hierarchy.node(group).children.size(), edgesAmongChildren(hierarchy, group), options,
        cancelled);
}

} // namespace lantern::core
