// The graph hierarchy: name scopes, ops that share a scope's name, series of numbered ops,
// inputs and the edges counted between a group's children, and hostile graphs.

#include "core/analysis/graph_expanded_layout.h"
#include "core/analysis/graph_hierarchy.h"
#include "tests/support/graph_nodes.h"
#include "tests/support/sanitizers.h"
#include "tests/support/test_main.h"

#include <QElapsedTimer>
#include <QTest>

using namespace lantern;
using namespace lantern::core;
using lantern::test::addNode;
using lantern::test::fullOrSanitized;

namespace {

QStringList labelsOf(const GraphHierarchy& hierarchy, std::uint32_t group)
{
    QStringList labels;
    for (const std::uint32_t child : hierarchy.node(group).children)
        labels.append(QString::fromStdString(std::string(hierarchy.node(child).label())));
    return labels;
}

// A small dense layer, as TF1 names it.
pb::GraphDef denseGraph()
{
    pb::GraphDef graph;
    addNode(graph, "input/x", "Placeholder");
    addNode(graph, "dense/kernel", "VariableV2");
    addNode(graph, "dense/kernel/Assign", "Assign", {"dense/kernel", "init/random"});
    addNode(graph, "dense/kernel/read", "Identity", {"dense/kernel"});
    addNode(graph, "dense/MatMul", "MatMul", {"input/x", "dense/kernel/read"});
    addNode(graph, "dense/Relu", "Relu", {"dense/MatMul:0", "^input/x"});
    addNode(graph, "init/random", "RandomUniform");
    addNode(graph, "loss", "Mean", {"dense/Relu", "^dense/kernel/Assign"});
    return graph;
}

} // namespace

class TestGraphHierarchy : public QObject {
    Q_OBJECT
private slots:
    void scopesNestByName()
    {
        const GraphHierarchy h = buildGraphHierarchy(denseGraph());
        QCOMPARE(h.opCount(), std::size_t(8));
        QCOMPARE(labelsOf(h, 0), (QStringList {"dense", "init", "input", "loss"}));
        const auto dense = h.find("dense");
        QVERIFY(dense && h.node(*dense).kind == GraphHierarchy::Kind::Scope);
        QCOMPARE(h.node(*dense).opCount, 5u);
        QCOMPARE(labelsOf(h, *dense), (QStringList {"MatMul", "Relu", "kernel"}));
        // The op "dense/kernel" lives inside the scope "dense/kernel", marked as such.
        const auto kernelScope = h.node(*dense).children[2];
        QCOMPARE(h.node(kernelScope).kind, GraphHierarchy::Kind::Scope);
        QCOMPARE(labelsOf(h, kernelScope), (QStringList {"Assign", "kernel", "read"}));
        const auto kernelOp = h.find("dense/kernel");
        QVERIFY(kernelOp && h.node(*kernelOp).kind == GraphHierarchy::Kind::Op);
        QVERIFY(h.node(*kernelOp).insideOwnScope);
        QCOMPARE(h.node(*kernelOp).parent, kernelScope);
        QCOMPARE(h.node(*kernelOp).depth, 3u);
        QVERIFY(h.problems().empty());
    }

    void inputsAndEdges()
    {
        const pb::GraphDef graph = denseGraph();
        const GraphHierarchy h = buildGraphHierarchy(graph);
        const std::uint32_t relu = *h.find("dense/Relu");
        const auto inputs = h.inputsOf(relu);
        QCOMPARE(inputs.size(), std::size_t(2));
        QCOMPARE(inputs[0].op, *h.find("dense/MatMul")); // ":0" read as the op
        QVERIFY(!inputs[0].control);
        QCOMPARE(inputs[1].op, *h.find("input/x"));
        QVERIFY(inputs[1].control);
        QCOMPARE(h.node(*h.find("dense/kernel")).degree, 2u); // read by Assign and read
        QCOMPARE(h.node(h.node(*h.find("dense/kernel")).nodeDef < 0 ? 0 : *h.find("dense/kernel"))
                     .nodeDef,
            1);

        // At the top: input → dense twice (MatMul data, Relu control), init → dense, dense → loss
        // (data) and dense → loss (control from Assign).
        const std::uint32_t dense = *h.find("dense");
        const std::uint32_t input = *h.find("input");
        const std::uint32_t init = *h.find("init");
        const std::uint32_t loss = *h.find("loss");
        auto edge = [&](std::uint32_t group, std::uint32_t from, std::uint32_t to) {
            for (const GraphHierarchy::Edge& e : h.edgesWithin(group))
                if (e.from == from && e.to == to)
                    return std::pair(e.data, e.control);
            return std::pair(0u, 0u);
        };
        QCOMPARE(edge(0, input, dense), std::pair(1u, 1u));
        QCOMPARE(edge(0, init, dense), std::pair(1u, 0u));
        QCOMPARE(edge(0, dense, loss), std::pair(1u, 1u));
        QCOMPARE(h.edgesWithin(0).size(), std::size_t(3));
        // Inside dense: kernel scope → MatMul (read), MatMul → Relu.
        const std::uint32_t kernelScope = *h.childContaining(dense, *h.find("dense/kernel/read"));
        QCOMPARE(edge(dense, kernelScope, *h.find("dense/MatMul")), std::pair(1u, 0u));
        QCOMPARE(edge(dense, *h.find("dense/MatMul"), relu), std::pair(1u, 0u));
        // Every input is counted exactly once, in its ops' nearest common group.
        std::uint32_t total = 0;
        for (std::uint32_t i = 0; i < h.nodes().size(); ++i)
            for (const GraphHierarchy::Edge& e : h.edgesWithin(i))
                total += e.data + e.control;
        QCOMPARE(total, 9u);
    }

    void numberedOpsBecomeASeries()
    {
        pb::GraphDef graph;
        addNode(graph, "s/add", "Add");
        for (int i = 1; i <= 5; ++i)
            addNode(graph, "s/add_" + std::to_string(i), "Add", {"s/add"});
        addNode(graph, "s/add_6", "Mul"); // another op type: not in the series
        for (int i = 1; i <= 3; ++i)
            addNode(graph, "s/mul_" + std::to_string(i), "Mul"); // too few
        const GraphHierarchy h = buildGraphHierarchy(graph);
        const std::uint32_t scope = *h.find("s");
        QCOMPARE(
            labelsOf(h, scope), (QStringList {"add_6", "add_[0-5]", "mul_1", "mul_2", "mul_3"}));
        const std::uint32_t series = *h.find("s/add_[0-5]");
        QCOMPARE(h.node(series).kind, GraphHierarchy::Kind::Series);
        QCOMPARE(h.node(series).opCount, 6u);
        QCOMPARE(h.node(scope).opCount, 10u);
        QCOMPARE(h.node(*h.find("s/add_3")).parent, series);
        // Edges from add to add_1…5 all lie inside the series.
        QCOMPARE(h.edgesWithin(scope).size(), std::size_t(0));
        QCOMPARE(h.edgesWithin(series).size(), std::size_t(5));
        // With a higher threshold nothing is collapsed.
        const GraphHierarchy strict = buildGraphHierarchy(graph, {.minSeriesSize = 7});
        QVERIFY(!strict.find("s/add_[0-5]"));
    }

    void problemsAreReported()
    {
        pb::GraphDef graph;
        addNode(graph, "a", "Const");
        addNode(graph, "a", "Const");
        addNode(graph, "", "NoOp");
        addNode(graph, "b", "Add", {"a", "missing:1", "^gone"});
        const GraphHierarchy h = buildGraphHierarchy(graph);
        QCOMPARE(h.opCount(), std::size_t(4));
        QVERIFY(h.find("(unnamed 2)"));
        QCOMPARE(h.inputsOf(*h.find("b")).size(), std::size_t(1));
        QCOMPARE(h.problems().size(), std::size_t(3));
        QVERIFY(h.problems()[0].find("two ops are named \"a\"") != std::string::npos);
        QVERIFY(h.problems()[1].find("missing:1") != std::string::npos);
    }

    void hostileGraphsStayBounded()
    {
        // A million ops in a chain (200,000 under the sanitizers: still far more than work
        // growing with the square of the ops could finish), then a name 10,000 scopes deep.
        const int chainOps = fullOrSanitized(1'000'000, 200'000);
        pb::GraphDef chain;
        for (int i = 0; i < chainOps; ++i) {
            pb::NodeDef* node = chain.add_node();
            node->set_name(std::string("n").append(std::to_string(i)));
            node->set_op("Identity");
            if (i > 0)
                node->add_input(std::string("n").append(std::to_string(i - 1)));
        }
        const GraphHierarchy big = buildGraphHierarchy(chain);
        QCOMPARE(big.opCount(), std::size_t(chainOps));
        QCOMPARE(big.edgesWithin(0).size(), std::size_t(chainOps - 1));
        // Its canvas: a grid of every op, the edges inside a grid not drawn, and that stated.
        QElapsedTimer clock;
        clock.start();
        const ExpandedLayout canvas = layOutExpanded(big, &chain, {});
        qInfo("a %d-op canvas laid out in %lld ms", chainOps, clock.elapsed());
        QCOMPARE(canvas.boxes.size(), std::size_t(chainOps));
        QVERIFY(canvas.edges.empty());
        QCOMPARE(canvas.skipped.size(), std::size_t(1));

        // 100,000 ops named like scopes, and a 150,000-op series, all in the root (a fifth of
        // each under the sanitizers): moving them out of the root's children must not cost a
        // scan per op.
        const int scopes = fullOrSanitized(100'000, 20'000);
        const int series = fullOrSanitized(150'000, 30'000);
        pb::GraphDef wide;
        for (int i = 0; i < scopes; ++i) {
            addNode(wide, std::string("n").append(std::to_string(i)), "Const");
            addNode(wide, std::string("n").append(std::to_string(i)).append("/x"), "Identity");
        }
        for (int i = 0; i < series; ++i)
            addNode(wide, std::string("add_").append(std::to_string(i)), "Add");
        const GraphHierarchy flat = buildGraphHierarchy(wide);
        QCOMPARE(flat.opCount(), std::size_t(2 * scopes + series));
        QCOMPARE(flat.root().children.size(), std::size_t(scopes + 1)); // the scopes and the series
        const std::string seriesName = "add_[0-" + std::to_string(series - 1) + "]";
        QCOMPARE(flat.node(*flat.find(seriesName)).opCount, std::uint32_t(series));
        QVERIFY(flat.node(*flat.find("n7")).insideOwnScope);

        pb::GraphDef deep;
        std::string name;
        for (int i = 0; i < 10000; ++i)
            name.append("s/");
        addNode(deep, name + "op", "NoOp");
        addNode(deep, "other", "NoOp", {name + "op"});
        const GraphHierarchy h = buildGraphHierarchy(deep, {.maxDepth = 64});
        QCOMPARE(h.opCount(), std::size_t(2));
        std::uint32_t maxDepth = 0;
        for (const auto& node : h.nodes())
            maxDepth = std::max(maxDepth, node.depth);
        QCOMPARE(maxDepth, 64u);
        QCOMPARE(h.edgesWithin(0).size(), std::size_t(1));
    }
};

LANTERN_TEST_GUILESS_MAIN(TestGraphHierarchy)
#include "test_graph_hierarchy.moc"
