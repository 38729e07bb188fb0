// The layered layout of one graph level: layers by longest path, cycles broken, crossings
// reduced by barycentres, a grid past the node cap, and the same answer every time.

#include "core/analysis/graph_layout.h"
#include "tests/support/test_main.h"

#include <QTest>

#include <algorithm>

using namespace lantern;
using namespace lantern::core;

namespace {

bool sameLayout(const GraphLayout& a, const GraphLayout& b)
{
    if (a.positions.size() != b.positions.size() || a.layers != b.layers)
        return false;
    for (std::size_t i = 0; i < a.positions.size(); ++i)
        if (a.positions[i].x != b.positions[i].x || a.positions[i].y != b.positions[i].y)
            return false;
    return true;
}

} // namespace

class TestGraphLayout : public QObject {
    Q_OBJECT
private slots:
    void chainGoesDownOneLayerPerEdge()
    {
        const LayoutEdge edges[] = {{0, 1}, {1, 2}, {2, 3}};
        const GraphLayout layout = layOutGraph(4, edges);
        QCOMPARE(layout.layers, (std::vector<std::uint32_t> {0, 1, 2, 3}));
        for (std::size_t i = 1; i < 4; ++i) {
            QVERIFY(layout.positions[i].y > layout.positions[i - 1].y);
            QCOMPARE(layout.positions[i].x, layout.positions[0].x);
        }
        QVERIFY(!layout.grid);
    }

    void diamondTakesTheLongestPath()
    {
        // 0 → 1 → 2 → 3 and 0 → 3: 3 sits below 2, not right under 0.
        const LayoutEdge edges[] = {{0, 1}, {1, 2}, {2, 3}, {0, 3}, {0, 4}, {4, 3}};
        const GraphLayout layout = layOutGraph(5, edges);
        QCOMPARE(layout.layers, (std::vector<std::uint32_t> {0, 1, 2, 3, 1}));
        QCOMPARE(layout.positions[1].y, layout.positions[4].y);
        QVERIFY(layout.positions[1].x != layout.positions[4].x);
    }

    void cycleIsBrokenByReversingOneEdge()
    {
        const LayoutEdge edges[] = {{0, 1}, {1, 2}, {2, 0}, {3, 3}};
        const GraphLayout layout = layOutGraph(4, edges);
        QCOMPARE(layout.layers.size(), std::size_t(4));
        QCOMPARE(std::count(layout.reversed.begin(), layout.reversed.end(), true), 1);
        QVERIFY(layout.reversed[2]); // the edge that closes the loop
        QCOMPARE(layout.layers[0], 0u);
        QCOMPARE(layout.layers[1], 1u);
        QCOMPARE(layout.layers[2], 2u);
        QCOMPARE(layout.layers[3], 0u); // a self loop adds no layer
    }

    void barycentresUncrossEdges()
    {
        // Top 0, 1; bottom 2, 3 with 0 → 3 and 1 → 2: the bottom row swaps so nothing crosses.
        const LayoutEdge edges[] = {{0, 3}, {1, 2}};
        const GraphLayout layout = layOutGraph(4, edges);
        QVERIFY(layout.positions[0].x < layout.positions[1].x);
        QVERIFY(layout.positions[3].x < layout.positions[2].x);
    }

    void wideFanOutSpreadsOneLayer()
    {
        std::vector<LayoutEdge> edges;
        for (std::uint32_t i = 1; i <= 200; ++i)
            edges.push_back({0, i});
        GraphLayoutOptions options;
        const GraphLayout layout = layOutGraph(201, edges, options);
        QVERIFY(!layout.grid);
        for (std::uint32_t i = 1; i <= 200; ++i)
            QCOMPARE(layout.layers[i], 1u);
        QCOMPARE(layout.width, 200 * (options.nodeWidth + options.horizontalGap));
        // The source is centred over its consumers.
        QCOMPARE(layout.positions[0].x, layout.width / 2);
    }

    void manyNodesFallBackToAGrid()
    {
        GraphLayoutOptions options;
        options.maxNodes = 10;
        const LayoutEdge edges[] = {{0, 1}};
        const GraphLayout layout = layOutGraph(16, edges, options);
        QVERIFY(layout.grid);
        QCOMPARE(layout.positions.size(), std::size_t(16));
        QCOMPARE(layout.layers[15], 3u); // a 4 × 4 grid
    }

    void sameInputSameLayout()
    {
        std::vector<LayoutEdge> edges;
        for (std::uint32_t i = 0; i < 60; ++i)
            edges.push_back({i % 17, (i * 7 + 3) % 40});
        QVERIFY(sameLayout(layOutGraph(40, edges), layOutGraph(40, edges)));
    }

    void groupLayoutUsesTheHierarchyEdges()
    {
        pb::GraphDef graph;
        auto add = [&graph](const char* name, const char* op, const char* input) {
            pb::NodeDef* node = graph.add_node();
            node->set_name(name);
            node->set_op(op);
            if (input)
                node->add_input(input);
        };
        add("input/x", "Placeholder", nullptr);
        add("dense/MatMul", "MatMul", "input/x");
        add("loss", "Mean", "dense/MatMul");
        const GraphHierarchy hierarchy = buildGraphHierarchy(graph);
        const GraphLayout layout = layOutGroup(hierarchy, 0); // children: dense, input, loss
        QCOMPARE(layout.layers, (std::vector<std::uint32_t> {1, 0, 2}));
        // The edges it used, by child index: input → dense → loss (the scopes' edges lifted).
        const std::vector<LayoutEdge> edges = edgesAmongChildren(hierarchy, 0);
        QCOMPARE(edges.size(), std::size_t(2));
        const auto has = [&](std::uint32_t from, std::uint32_t to) {
            return std::ranges::any_of(
                edges, [&](const LayoutEdge& e) { return e.from == from && e.to == to; });
        };
        QVERIFY(has(1, 0) && has(0, 2));
        // Inside `dense` (one op) there is nothing between children.
        QVERIFY(edgesAmongChildren(hierarchy, *hierarchy.find("dense")).empty());
    }
};

LANTERN_TEST_GUILESS_MAIN(TestGraphLayout)
#include "test_graph_layout.moc"
