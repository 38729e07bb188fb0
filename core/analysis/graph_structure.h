#pragma once
// "Colour by structure": scopes built the same way (two dense layers, every attention block)
// get the same colour. A node's signature hashes what it is made of — an op's type; a group's
// kind with the multiset of its children's signatures and the number of edges among them — so
// equal signatures mean equal structure up to names (and, rarely, a hash collision).

#include "core/analysis/graph_hierarchy.h"

#include <cstdint>
#include <vector>

namespace lantern::pb {
class GraphDef;
}

namespace lantern::core {

// Per hierarchy node. `graph` supplies the op types (the hierarchy refers to its NodeDefs).
std::vector<std::uint64_t> structureSignatures(
    const GraphHierarchy& hierarchy, const pb::GraphDef& graph);

} // namespace lantern::core
