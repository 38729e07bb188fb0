#pragma once
// "Colour by compute time / memory": a RunMetadata's step statistics (per device, per executed
// node: start and end times, memory per allocator) matched to a hierarchy's ops by name and
// summed up the scopes, so a collapsed scope shows what its ops cost together.

#include "core/analysis/graph_hierarchy.h"

#include <cstdint>
#include <vector>

namespace lantern::pb {
class StepStats;
}

namespace lantern::core {

struct StepCosts {
    std::vector<double> computeMicros; // per hierarchy node: op time (op_end_rel_micros) summed
    std::vector<double> memoryBytes; // per hierarchy node: total_bytes over allocators, summed
    std::vector<bool> measured; // per hierarchy node: some op at or below has statistics
    std::uint32_t matchedOps = 0; // ops of the hierarchy the statistics name
    std::uint32_t unmatchedStats = 0; // node statistics naming no op (e.g. "_SOURCE")
};

// An op executed on several devices (or several times) has its costs added up.
StepCosts aggregateStepCosts(const GraphHierarchy& hierarchy, const pb::StepStats& stats);

} // namespace lantern::core
