#include "core/analysis/graph_step_costs.h"

#include "run_metadata.pb.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace lantern::core {
namespace {

using OpIndexByName = std::unordered_map<std::string_view, std::uint32_t>;

// Every op's index by its name, made once: GraphHierarchy::find scans every node, and a
// RunMetadata names each op of the graph (20,000 ops: 400 million comparisons).
OpIndexByName opIndexByName(const GraphHierarchy& hierarchy)
{
    OpIndexByName ops;
    const auto& nodes = hierarchy.nodes();
    ops.reserve(nodes.size());
    for (std::uint32_t i = 0; i < nodes.size(); ++i)
        if (!nodes[i].isGroup())
            ops.try_emplace(nodes[i].name, i);
    return ops;
}

// Executors name a node "name" or, in some TF versions, "name:OpType" in timeline labels;
// node_name itself is the plain name, but drop a ":suffix" when the plain lookup fails.
std::optional<std::uint32_t> opNamed(const OpIndexByName& ops, std::string_view name)
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (const auto found = ops.find(name); found != ops.end())
            return found->second;
        const auto colon = name.rfind(':');
        if (colon == std::string_view::npos)
            break;
        name = name.substr(0, colon);
    }
    return std::nullopt;
}

} // namespace

StepCosts aggregateStepCosts(const GraphHierarchy& hierarchy, const pb::StepStats& stats)
{
    const auto& nodes = hierarchy.nodes();
    StepCosts out;
    out.computeMicros.assign(nodes.size(), 0);
    out.memoryBytes.assign(nodes.size(), 0);
    out.measured.assign(nodes.size(), false);
    const OpIndexByName ops = opIndexByName(hierarchy);
    for (const pb::DeviceStepStats& device : stats.dev_stats()) {
        for (const pb::NodeExecStats& exec : device.node_stats()) {
            const auto op = opNamed(ops, exec.node_name());
            if (!op) {
                ++out.unmatchedStats;
                continue;
            }
            if (!out.measured[*op])
                ++out.matchedOps;
            out.measured[*op] = true;
            out.computeMicros[*op] += double(std::max<std::int64_t>(0, exec.op_end_rel_micros()));
            for (const pb::AllocatorMemoryUsed& memory : exec.memory())
                out.memoryBytes[*op] += double(std::max<std::int64_t>(0, memory.total_bytes()));
        }
    }
    // Sum upwards: each measured op adds to every group above it.
    for (std::uint32_t index = 0; index < nodes.size(); ++index) {
        if (nodes[index].isGroup() || !out.measured[index] || index == 0)
            continue;
        for (std::uint32_t group = nodes[index].parent;; group = nodes[group].parent) {
            out.computeMicros[group] += out.computeMicros[index];
            out.memoryBytes[group] += out.memoryBytes[index];
            out.measured[group] = true;
            if (group == 0)
                break;
        }
    }
    return out;
}

} // namespace lantern::core
