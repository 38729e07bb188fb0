// The Graphs tab's worker-thread work on a large synthetic GraphDef (40 scopes × 500 ops, each
// op reading its predecessor and, every tenth, an op of the previous scope): laying out every
// group with graph_layout, beside the baseline of building the hierarchy it lays out.
//
// Then the tab's steps on core::makeLargeGraph (20,000 ops: deep scopes, a 5,000-op series,
// many cross-scope edges), each beside the drill-down layout it replaces (one level alone,
// layOutGroup) as the baseline: the first layout (parse, hierarchy, layout of the top level
// with its auxiliary area and edges), and opening a 2,000-op scope in place; and step
// statistics for every op summed onto the hierarchy, beside building the hierarchy.

#include "core/analysis/graph_expanded_layout.h"
#include "core/analysis/graph_hierarchy.h"
#include "core/analysis/graph_layout.h"
#include "core/analysis/graph_step_costs.h"
#include "core/demo/large_graph.h"
#include "core/events/keras_graph.h"

#include "graph.pb.h"
#include "run_metadata.pb.h"

#include <benchmark/benchmark.h>
#include <string>

using namespace lantern;
using namespace lantern::core;

namespace {

constexpr int kScopes = 40;
constexpr int kOpsPerScope = 500;

const pb::GraphDef& largeGraph()
{
    static const pb::GraphDef graph = [] {
        pb::GraphDef built;
        for (int scope = 0; scope < kScopes; ++scope)
            for (int op = 0; op < kOpsPerScope; ++op) {
                pb::NodeDef* node = built.add_node();
                const std::string prefix = "block_" + std::to_string(scope) + "/";
                node->set_name(prefix + "op_" + std::to_string(op * 7 % kOpsPerScope) + "_x");
                node->set_op(op % 3 ? "MatMul" : "Relu");
                if (op > 0)
                    node->add_input(built.node(built.node_size() - 2).name());
                if (scope > 0 && op % 10 == 0)
                    node->add_input("block_" + std::to_string(scope - 1) + "/op_"
                        + std::to_string(op * 7 % kOpsPerScope) + "_x");
            }
        return built;
    }();
    return graph;
}

void BM_BuildHierarchy(benchmark::State& state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(buildGraphHierarchy(largeGraph()));
}
BENCHMARK(BM_BuildHierarchy)->Unit(benchmark::kMillisecond)->Repetitions(5);

void BM_LayOutEveryGroup(benchmark::State& state)
{
    const GraphHierarchy hierarchy = buildGraphHierarchy(largeGraph());
    for (auto _ : state)
        for (std::uint32_t node = 0; node < hierarchy.nodes().size(); ++node)
            if (hierarchy.node(node).isGroup())
                benchmark::DoNotOptimize(layOutGroup(hierarchy, node));
}
BENCHMARK(BM_LayOutEveryGroup)->Unit(benchmark::kMillisecond)->Repetitions(5);

const std::string& largeGraphBytes()
{
    static const std::string bytes = makeLargeGraph().SerializeAsString();
    return bytes;
}

// What the tab does before its first paint, drill-down style: parse, hierarchy, top level.
void BM_Large_FirstLayout_DrillDown(benchmark::State& state)
{
    for (auto _ : state) {
        pb::GraphDef graph;
        graph.ParseFromString(largeGraphBytes());
        const GraphHierarchy hierarchy = buildGraphHierarchy(graph);
        benchmark::DoNotOptimize(layOutGroup(hierarchy, 0));
    }
}
BENCHMARK(BM_Large_FirstLayout_DrillDown)->Unit(benchmark::kMillisecond)->Repetitions(5);

// The same with the expanded layout: auxiliary area and every edge between visible boxes.
void BM_Large_FirstLayout_Expanded(benchmark::State& state)
{
    for (auto _ : state) {
        pb::GraphDef graph;
        graph.ParseFromString(largeGraphBytes());
        const GraphHierarchy hierarchy = buildGraphHierarchy(graph);
        benchmark::DoNotOptimize(layOutExpanded(hierarchy, &graph, {}));
    }
}
BENCHMARK(BM_Large_FirstLayout_Expanded)->Unit(benchmark::kMillisecond)->Repetitions(5);

struct LargeFixture {
    pb::GraphDef graph = makeLargeGraph();
    GraphHierarchy hierarchy = buildGraphHierarchy(graph);
    std::uint32_t block = *hierarchy.find("model/block_1"); // 2,000 ops
};

const LargeFixture& large()
{
    static const LargeFixture fixture;
    return fixture;
}

// Drill-down baseline: entering the 2,000-op scope lays out its children alone.
void BM_Large_OpenScope_DrillDown(benchmark::State& state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(layOutGroup(large().hierarchy, large().block));
}
BENCHMARK(BM_Large_OpenScope_DrillDown)->Unit(benchmark::kMillisecond)->Repetitions(5);

// Opening it in place inside the open "model", with the previous layout's placements: the
// scope, its ancestors and every edge between visible boxes.
void BM_Large_OpenScope_Expanded(benchmark::State& state)
{
    const auto& f = large();
    GraphExpansion expansion;
    expansion.open.insert(*f.hierarchy.find("model"));
    const ExpandedLayout before = layOutExpanded(f.hierarchy, &f.graph, expansion);
    expansion.open.insert(f.block);
    for (auto _ : state)
        benchmark::DoNotOptimize(layOutExpanded(f.hierarchy, &f.graph, expansion, before.cache));
}
BENCHMARK(BM_Large_OpenScope_Expanded)->Unit(benchmark::kMillisecond)->Repetitions(5);

// Colour by compute time: a RunMetadata with step statistics for every op summed onto the
// hierarchy, beside building that hierarchy (the baseline: one pass over the graph).
void BM_Large_BuildHierarchy(benchmark::State& state)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(buildGraphHierarchy(large().graph));
}
BENCHMARK(BM_Large_BuildHierarchy)->Unit(benchmark::kMillisecond)->Repetitions(5);

void BM_Large_StepCosts(benchmark::State& state)
{
    pb::StepStats stats;
    pb::DeviceStepStats* device = stats.add_dev_stats();
    for (const pb::NodeDef& node : large().graph.node()) {
        pb::NodeExecStats* exec = device->add_node_stats();
        exec->set_node_name(node.name());
        exec->set_op_end_rel_micros(7);
        exec->add_memory()->set_total_bytes(1024);
    }
    for (auto _ : state)
        benchmark::DoNotOptimize(aggregateStepCosts(large().hierarchy, stats));
}
BENCHMARK(BM_Large_StepCosts)->Unit(benchmark::kMillisecond)->Repetitions(5);

// The same with everything open down to the ops of one unit, and no placements to reuse.
void BM_Large_OpenDeep_NoCache(benchmark::State& state)
{
    const auto& f = large();
    GraphExpansion expansion;
    revealNode(f.hierarchy, expansion, *f.hierarchy.find("model/block_1/layer_3/unit_2/Add1"));
    for (auto _ : state)
        benchmark::DoNotOptimize(layOutExpanded(f.hierarchy, &f.graph, expansion));
}
BENCHMARK(BM_Large_OpenDeep_NoCache)->Unit(benchmark::kMillisecond)->Repetitions(5);

} // namespace

void convertKeras(benchmark::State& state, const std::string& json)
{
    for (auto _ : state) {
        pb::GraphDef graph;
        benchmark::DoNotOptimize(kerasModelToGraph(json, graph));
    }
    state.SetBytesProcessed(std::int64_t(state.iterations() * json.size()));
}

// Keras model JSON: one layer whose config holds `depth` nested arrays (past the parser's
// limit, so rejected), layers nested 200 deep each, and a flat model of the same sizes; the
// ratios between sizes show whether conversion grows faster than its input (before the
// parser of json_value.h, protobuf's took 32 s of CPU on the 40 KB nested case).
std::string kerasWithNestedArrays(int depth)
{
    return R"({"class_name": "Sequential", "config": {"name": "m", "layers": [{"class_name": )"
           R"("Dense", "config": {"name": "d", "units": )"
        + std::string(std::size_t(depth), '[') + "1" + std::string(std::size_t(depth), ']')
        + "}}]}}";
}

std::string kerasFlat(std::size_t bytes)
{
    std::string layers;
    for (int i = 0; layers.size() < bytes; ++i)
        layers += std::string(i ? ", " : "") + R"({"class_name": "Dense", "config": {"name": "d)"
            + std::to_string(i) + R"(", "units": 1}})";
    return R"({"class_name": "Sequential", "config": {"name": "m", "layers": [)" + layers + "]}}";
}

void BM_KerasNestedArrays(benchmark::State& state)
{
    convertKeras(state, kerasWithNestedArrays(int(state.range(0)) / 2));
}
BENCHMARK(BM_KerasNestedArrays)->Arg(4000)->Arg(40000)->Unit(benchmark::kMillisecond);

// Layers whose configs each nest 200 arrays deep (within the parser's limit), `bytes` in all.
std::string kerasDeepLayers(std::size_t bytes)
{
    std::string layers;
    for (int i = 0; layers.size() < bytes; ++i)
        layers += std::string(i ? ", " : "") + R"({"class_name": "Dense", "config": {"name": "d)"
            + std::to_string(i) + R"(", "units": )" + std::string(200, '[') + "1"
            + std::string(200, ']') + "}}";
    return R"({"class_name": "Sequential", "config": {"name": "m", "layers": [)" + layers + "]}}";
}

void BM_KerasDeepLayers(benchmark::State& state)
{
    convertKeras(state, kerasDeepLayers(std::size_t(state.range(0))));
}
BENCHMARK(BM_KerasDeepLayers)->Arg(4000)->Arg(40000)->Arg(400000)->Unit(benchmark::kMillisecond);

void BM_KerasFlat(benchmark::State& state)
{
    convertKeras(state, kerasFlat(std::size_t(state.range(0))));
}
BENCHMARK(BM_KerasFlat)->Arg(4000)->Arg(40000)->Arg(400000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
