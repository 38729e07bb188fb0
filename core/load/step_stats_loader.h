#pragma once
// A RunMetadata's step statistics on demand (per device, per executed node: times, memory),
// re-read from the record a RunMetadata GraphReference points at. Safe on any thread.

#include "core/store/graph_reference.h"

#include <functional>
#include <memory>
#include <string>

namespace lantern::pb {
class StepStats;
}

namespace lantern::core {

struct LoadedStepStats {
    std::shared_ptr<const pb::StepStats> stats; // null when none were recorded, or on error
    std::string error;
};

// `cancelled` is asked once the record is read.
LoadedStepStats loadStepStats(
    const GraphReference& reference, const std::function<bool()>& cancelled = {});

} // namespace lantern::core
