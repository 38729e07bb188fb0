#pragma once
// Which children of a group are bookkeeping rather than the model's flow, so that the canvas
// can set them aside (as TensorBoard's users expect): initialisation, saving and restoring,
// summaries — by name or op type, or scopes of such ops only — and any op tied to far more of
// its siblings than the others are (a global step read everywhere, a gradient fan-in), whose
// edges would cross the whole drawing. A group whose children would all go aside keeps them all.

#include "core/analysis/graph_hierarchy.h"

#include <cstdint>
#include <vector>

namespace lantern::core {

// Per child of `group`, in hierarchy order. `graph` (may be null) gives op types.
std::vector<bool> auxiliaryChildren(
    const GraphHierarchy& hierarchy, const pb::GraphDef* graph, std::uint32_t group);

} // namespace lantern::core
