#include "core/analysis/graph_trace.h"

namespace lantern::core {

std::vector<bool> tracedInputs(const GraphHierarchy& hierarchy, std::uint32_t node)
{
    const auto& nodes = hierarchy.nodes();
    std::vector<bool> traced(nodes.size(), false);
    if (node >= nodes.size())
        return traced;
    // The walk starts from every op at or below `node`, with an explicit stack: a chain of a
    // million ops must not exhaust the call stack.
    std::vector<std::uint32_t> pending {node};
    std::vector<std::uint32_t> ops;
    while (!pending.empty()) {
        const std::uint32_t next = pending.back();
        pending.pop_back();
        if (nodes[next].isGroup())
            pending.insert(pending.end(), nodes[next].children.begin(), nodes[next].children.end());
        else if (!traced[next]) {
            traced[next] = true;
            ops.push_back(next);
        }
    }
    while (!ops.empty()) {
        const std::uint32_t op = ops.back();
        ops.pop_back();
        for (const GraphHierarchy::Input& input : hierarchy.inputsOf(op))
            if (input.op < nodes.size() && !traced[input.op]) {
                traced[input.op] = true;
                ops.push_back(input.op);
            }
    }
    traced[node] = true;
    // Mark the groups above every traced op; stop at a group already marked (its ancestors are).
    for (std::uint32_t index = 0; index < nodes.size(); ++index) {
        if (!traced[index] || nodes[index].isGroup())
            continue;
        for (std::uint32_t group = nodes[index].parent; !traced[group] || group == node;
             group = nodes[group].parent) {
            traced[group] = true;
            if (group == 0)
                break;
        }
    }
    traced[0] = true;
    return traced;
}

} // namespace lantern::core
