#pragma once
// Which graph the Graphs tab opens on: of every graph of every run, the one with the most ops —
// never an empty one (a RunMetadata traced with no graph) while another has ops.

#include <cstddef>
#include <optional>
#include <span>

namespace lantern::core {

struct GraphCandidate {
    std::size_t run = 0; // caller's indices, handed back
    std::size_t graph = 0;
    std::size_t opCount = 0; // 0 also for a graph that could not be read
};

// The first candidate with the most ops; nullopt when there are none. All empty: the first.
std::optional<GraphCandidate> richestGraph(std::span<const GraphCandidate> candidates);

} // namespace lantern::core
