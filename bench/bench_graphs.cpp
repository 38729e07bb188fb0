// The Graphs tab's worker-thread work on a large synthetic GraphDef (40 scopes × 500 ops, each
// op reading its predecessor and, every tenth, an op of the previous scope): laying out every
// group with graph_layout, beside the baseline of building the hierarchy it lays out.

#include "core/analysis/graph_hierarchy.h"
#include "core/analysis/graph_layout.h"

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

} // namespace

BENCHMARK_MAIN();
