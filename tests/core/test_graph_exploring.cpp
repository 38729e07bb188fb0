// The maths behind exploring a graph: trace inputs (transitive, through cycles and groups),
// structure signatures, grouping by device and XLA cluster, step statistics summed up the
// scopes, the default graph's choice, and graph.pbtxt files — good, corpus and hostile.

#include "core/analysis/graph_choice.h"
#include "core/analysis/graph_hierarchy.h"
#include "core/analysis/graph_node_groups.h"
#include "core/analysis/graph_step_costs.h"
#include "core/analysis/graph_structure.h"
#include "core/analysis/graph_trace.h"
#include "core/load/graph_loader.h"
#include "core/load/logdir_loader.h"
#include "core/load/text_graph_loader.h"
#include "tests/support/test_main.h"
#include "tests/support/test_support.h"

#include "graph.pb.h"
#include "run_metadata.pb.h"

#include <QTest>

using namespace lantern;
using namespace lantern::core;
using namespace lantern::test;

namespace {

pb::NodeDef* addNode(pb::GraphDef& graph, const std::string& name, const std::string& op,
    const std::vector<std::string>& inputs = {})
{
    pb::NodeDef* node = graph.add_node();
    *node->mutable_name() = name;
    *node->mutable_op() = op;
    node->mutable_input()->Add(inputs.begin(), inputs.end());
    return node;
}

// x → dense/{kernel, MatMul → Relu} → dense_1/{kernel, MatMul → Relu} → loss, and an unrelated
// counter with a self-feeding loop (a while loop's back edge).
pb::GraphDef twoLayers()
{
    pb::GraphDef graph;
    addNode(graph, "x", "Placeholder");
    for (const std::string layer : {"dense", "dense_1"}) {
        const std::string input = layer == "dense" ? "x" : "dense/Relu";
        addNode(graph, layer + "/kernel", "VariableV2");
        addNode(graph, layer + "/MatMul", "MatMul", {input, layer + "/kernel"});
        addNode(graph, layer + "/Relu", "Relu", {layer + "/MatMul"});
    }
    addNode(graph, "loss", "Mean", {"dense_1/Relu"});
    addNode(graph, "counter/next", "Add", {"counter/merge"});
    addNode(graph, "counter/merge", "Merge", {"counter/next", "^x"});
    return graph;
}

std::uint32_t found(const GraphHierarchy& hierarchy, const std::string& name)
{
    const auto index = hierarchy.find(name);
    if (!index)
        qFatal("no node %s", name.c_str());
    return *index;
}

QStringList tracedNames(const GraphHierarchy& hierarchy, const std::vector<bool>& traced)
{
    QStringList names;
    for (std::uint32_t i = 1; i < traced.size(); ++i)
        if (traced[i] && !hierarchy.node(i).isGroup())
            names.append(QString::fromStdString(hierarchy.node(i).name));
    names.sort();
    return names;
}

} // namespace

class TestGraphExploring : public QObject {
    Q_OBJECT
private slots:
    void traceInputsFollowsEveryInputTransitively()
    {
        const pb::GraphDef graph = twoLayers();
        const GraphHierarchy hierarchy = buildGraphHierarchy(graph);
        const auto traced = tracedInputs(hierarchy, found(hierarchy, "dense_1/MatMul"));
        QCOMPARE(tracedNames(hierarchy, traced),
            QStringList({"dense/MatMul", "dense/Relu", "dense/kernel", "dense_1/MatMul",
                "dense_1/kernel", "x"}));
        // Groups holding a traced op light up; the counter and the loss do not.
        QVERIFY(traced[found(hierarchy, "dense")]);
        QVERIFY(traced[found(hierarchy, "dense_1")]);
        QVERIFY(!traced[found(hierarchy, "counter")]);
        QVERIFY(!traced[found(hierarchy, "loss")]);
        QVERIFY(!traced[found(hierarchy, "dense_1/Relu")]); // a consumer, not an input
    }

    void traceInputsOfAGroupAndThroughACycle()
    {
        const pb::GraphDef graph = twoLayers();
        const GraphHierarchy hierarchy = buildGraphHierarchy(graph);
        // The loop ends where it started; its control input brings x along.
        QCOMPARE(tracedNames(hierarchy, tracedInputs(hierarchy, found(hierarchy, "counter"))),
            QStringList({"counter/merge", "counter/next", "x"}));
        QVERIFY(std::ranges::none_of(tracedInputs(hierarchy, 1u << 30), [](bool b) { return b; }));
    }

    void traceInputsOfALongChainIsIterative()
    {
        pb::GraphDef graph;
        addNode(graph, "op0", "Const");
        for (int i = 1; i < 20000; ++i)
            addNode(graph, "op" + std::to_string(i), "Identity", {"op" + std::to_string(i - 1)});
        const GraphHierarchy hierarchy = buildGraphHierarchy(graph, {.minSeriesSize = 1u << 30});
        const auto traced = tracedInputs(hierarchy, found(hierarchy, "op19999"));
        QCOMPARE(std::size_t(std::ranges::count(traced, true)), hierarchy.nodes().size());
    }

    void sameStructureSameSignature()
    {
        const pb::GraphDef graph = twoLayers();
        const GraphHierarchy hierarchy = buildGraphHierarchy(graph);
        const auto signatures = structureSignatures(hierarchy, graph);
        QCOMPARE(signatures[found(hierarchy, "dense")], signatures[found(hierarchy, "dense_1")]);
        QVERIFY(signatures[found(hierarchy, "dense")] != signatures[found(hierarchy, "counter")]);
        // One op more makes a different structure.
        pb::GraphDef other = twoLayers();
        addNode(other, "dense_1/bias", "VariableV2");
        const GraphHierarchy changed = buildGraphHierarchy(other);
        const auto changedSignatures = structureSignatures(changed, other);
        QVERIFY(changedSignatures[found(changed, "dense")]
            != changedSignatures[found(changed, "dense_1")]);
    }

    void groupsByDeviceAndXlaCluster()
    {
        pb::GraphDef graph = twoLayers();
        for (pb::NodeDef& node : *graph.mutable_node())
            node.set_device(
                node.name().starts_with("dense_1/") ? "/device:GPU:0" : "/device:CPU:0");
        (*graph.mutable_node(2)->mutable_attr())["_XlaCluster"].set_s("cluster_0"); // dense/MatMul
        (*graph.mutable_node(3)->mutable_attr())["_XlaCluster"].set_s("cluster_0"); // dense/Relu
        const GraphHierarchy hierarchy = buildGraphHierarchy(graph);
        const NodeGroups devices = groupNodesBy(hierarchy, graph, NodeAttribute::Device);
        QCOMPARE(devices.values, std::vector<std::string>({"/device:CPU:0", "/device:GPU:0"}));
        QCOMPARE(devices.opsWith, std::vector<std::uint32_t>({7, 3}));
        QCOMPARE(devices.ofNode[found(hierarchy, "dense")], 0);
        QCOMPARE(devices.ofNode[found(hierarchy, "dense_1")], 1);
        QCOMPARE(devices.ofNode[0], NodeGroups::kMixed);
        QCOMPARE(devices.dominant[0], 0); // 7 of the 10 placed ops are on the CPU
        QCOMPARE(devices.dominant[found(hierarchy, "dense_1")], 1);
        const NodeGroups clusters = groupNodesBy(hierarchy, graph, NodeAttribute::XlaCluster);
        QCOMPARE(clusters.values, std::vector<std::string>({"cluster_0"}));
        QCOMPARE(clusters.ofNode[found(hierarchy, "dense/MatMul")], 0);
        QCOMPARE(clusters.ofNode[found(hierarchy, "dense/kernel")], NodeGroups::kNone);
        QCOMPARE(clusters.ofNode[found(hierarchy, "dense")], NodeGroups::kMixed);
        QCOMPARE(clusters.dominant[found(hierarchy, "dense")], 0); // some clustered, some not
        QCOMPARE(clusters.ofNode[found(hierarchy, "dense_1")], NodeGroups::kNone);
        QCOMPARE(clusters.dominant[found(hierarchy, "dense_1")], NodeGroups::kNone);
    }

    void stepCostsSumUpTheScopes()
    {
        const pb::GraphDef graph = twoLayers();
        const GraphHierarchy hierarchy = buildGraphHierarchy(graph);
        pb::StepStats stats;
        const auto record = [](pb::DeviceStepStats* device, const std::string& name,
                                std::int64_t micros, std::int64_t bytes) {
            pb::NodeExecStats* exec = device->add_node_stats();
            exec->set_node_name(name);
            exec->set_op_end_rel_micros(micros);
            exec->add_memory()->set_total_bytes(bytes);
        };
        pb::DeviceStepStats* cpu = stats.add_dev_stats();
        record(cpu, "dense/MatMul", 40, 1000);
        record(cpu, "dense/Relu:Relu", 10, 24); // a label with its op type
        record(cpu, "_SOURCE", 1, 0);
        record(stats.add_dev_stats(), "dense/MatMul", 2, 0); // also on a second device
        const StepCosts costs = aggregateStepCosts(hierarchy, stats);
        QCOMPARE(costs.matchedOps, 2u);
        QCOMPARE(costs.unmatchedStats, 1u);
        QCOMPARE(costs.computeMicros[found(hierarchy, "dense/MatMul")], 42.0);
        QCOMPARE(costs.computeMicros[found(hierarchy, "dense")], 52.0);
        QCOMPARE(costs.memoryBytes[found(hierarchy, "dense")], 1024.0);
        QCOMPARE(costs.computeMicros[0], 52.0);
        QVERIFY(costs.measured[found(hierarchy, "dense")]);
        QVERIFY(!costs.measured[found(hierarchy, "dense_1")]);
    }

    void defaultGraphHasTheMostOps()
    {
        QVERIFY(!richestGraph({}));
        const std::vector<GraphCandidate> b01Like = {{0, 0, 0}, {1, 0, 80}, {1, 1, 12}, {1, 2, 80}};
        const auto best = richestGraph(b01Like);
        QCOMPARE(best->run, 1u);
        QCOMPARE(best->graph, 0u); // the first of equals
        const std::vector<GraphCandidate> allEmpty = {{3, 1, 0}, {4, 0, 0}};
        QCOMPARE(richestGraph(allEmpty)->run, 3u);
    }

    void textGraphsParseOrSayWhy()
    {
        const DecodedGraph good = parseTextGraph(
            "node { name: \"a\" op: \"Const\" attr { key: \"dtype\" value { type: DT_FLOAT } } }\n"
            "node { name: \"b\" op: \"Neg\" input: \"a\" device: \"/cpu:0\" }\n"
            "library { function { signature { name: \"f\" } } }\n" // a message in text
            "versions { producer: 38 }\n"
            "unknown_future_field: 3\n");
        QVERIFY2(good.ok(), good.error.c_str());
        QCOMPARE(good.graph->node_size(), 2);
        QCOMPARE(good.graph->node(1).input(0), std::string("a"));
        QCOMPARE(good.graph->versions().producer(), 38);
        const DecodedGraph broken = parseTextGraph("node { name: \"a\" op: ");
        QVERIFY(!broken.ok());
        QVERIFY2(broken.error.find("line 1") != std::string::npos, broken.error.c_str());
        // Deeply nested attribute lists end at the recursion limit, quickly, with a message.
        std::string deep = "node { name: \"a\" attr { key: \"k\" value { func { name: \"f\" ";
        for (int i = 0; i < 100000; ++i)
            deep += "attr { key: \"k\" value { func { ";
        QVERIFY(!parseTextGraph(deep).ok());
        QVERIFY(!parseTextGraph(std::string(1 << 20, '\xff')).ok());
        QVERIFY(!loadTextGraph("/nonexistent/graph.pbtxt").ok());
    }

    void corpusTextGraphMatchesTheEventGraph()
    {
        const auto corpus = corpusDirectory();
        if (!corpus)
            QSKIP(qPrintable(corpusMissingMessage()));
        const auto directory = *corpus / "a02_tf1_custom_estimator_resumed" / "model";
        const GraphReference text = textGraphReference(directory / kTextGraphFileName);
        QVERIFY(isTextGraph(text));
        const DecodedGraph fromText = loadTextGraph(text.file);
        QVERIFY2(fromText.ok(), fromText.error.c_str());
        const auto snapshot = loadCorpusLogdir("a02_tf1_custom_estimator_resumed");
        const DecodedGraph fromEvents = loadGraph(*snapshot->runs.front()->graphReference());
        QVERIFY2(fromEvents.ok(), fromEvents.error.c_str());
        QVERIFY(!isTextGraph(*snapshot->runs.front()->graphReference()));
        QVERIFY(fromText.graph->node_size() > 50);
        QCOMPARE(fromText.graph->node_size(), fromEvents.graph->node_size());
        QCOMPARE(fromText.graph->node(7).name(), fromEvents.graph->node(7).name());
    }
};

LANTERN_TEST_GUILESS_MAIN(TestGraphExploring)
#include "test_graph_exploring.moc"
