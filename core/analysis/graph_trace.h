#pragma once
// Trace inputs: everything that feeds a node of a graph hierarchy, directly or through other
// ops, following data and control inputs alike (as TensorBoard's "trace inputs" does). Groups
// count as traced when they hold a traced op, so a view can light up the boxes of any level.

#include "core/analysis/graph_hierarchy.h"

#include <cstdint>
#include <vector>

namespace lantern::core {

// Per hierarchy node: true for `node` itself, every op it transitively reads (an op's inputs;
// for a group, the inputs of every op inside it) and every group holding one of those. Cycles
// (while-loop back edges) end the walk where it has already been. Out of range: all false.
std::vector<bool> tracedInputs(const GraphHierarchy& hierarchy, std::uint32_t node);

} // namespace lantern::core
