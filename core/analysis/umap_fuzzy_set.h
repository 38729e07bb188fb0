#pragma once
// UMAP's fuzzy simplicial set (McInnes et al. 2018, section 3): each point's k nearest
// neighbours become edges whose membership falls off from the nearest neighbour's distance ρ
// at a per-point scale σ; the two directions of an edge are then joined by the fuzzy union
// w = a + b − a·b.

#include "core/analysis/knn_graph.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace lantern::core {

// A symmetric weighted graph stored as directed edges: every undirected edge appears twice,
// once from each end, sorted by head. Weights are in (0, 1].
struct FuzzyGraph {
    std::size_t rows = 0;
    std::vector<std::uint32_t> heads;
    std::vector<std::uint32_t> tails;
    std::vector<float> weights;
};

// Per point: ρ is the smallest positive neighbour distance (so duplicates stay fully connected
// rather than collapsing σ), σ is found by bisection so that the memberships exp(−max(0, d − ρ)
// / σ) of the k neighbours sum to log2(k), and σ is kept above a thousandth of the mean
// neighbour distance so that a point among equidistant neighbours gets a usable scale. Empty
// (rows == 0) when cancelled.
FuzzyGraph fuzzySimplicialSet(const KnnGraph& knn, const std::function<bool()>& cancelled = {});

} // namespace lantern::core
