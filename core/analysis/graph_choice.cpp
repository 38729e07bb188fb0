#include "core/analysis/graph_choice.h"

namespace lantern::core {

std::optional<GraphCandidate> richestGraph(std::span<const GraphCandidate> candidates)
{
    if (candidates.empty())
        return std::nullopt;
    const GraphCandidate* best = &candidates.front();
    for (const GraphCandidate& candidate : candidates)
        if (candidate.opCount > best->opCount) // strictly more: ties keep the earlier one
            best = &candidate;
    return *best;
}

} // namespace lantern::core
