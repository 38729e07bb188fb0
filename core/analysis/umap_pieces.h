#pragma once
// UMAP's start when the neighbour graph falls apart (well-separated clusters often do): each
// connected piece gets its own spectral layout, and the pieces are placed where the principal
// components of their mean points put them, each shrunk to keep clear of its nearest neighbour
// piece, as the reference implementation's multi-component layout does in spirit.

#include "core/analysis/umap_spectral.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace lantern::core {

struct GraphPieces {
    std::size_t count = 0;
    std::vector<std::uint32_t> pieceOf; // per point, pieces numbered in order of their first point
};

GraphPieces graphPieces(const FuzzyGraph& graph);

// A spectral start for any graph: the plain spectral layout when it is connected, else one per
// piece (a piece too small for one starts at random inside its place). `values` are the
// row-major graph.rows × columns points the graph was built from. Each axis scaled to [0, 10].
SpectralLayout piecewiseSpectralLayout(const FuzzyGraph& graph, std::span<const float> values,
    std::size_t columns, std::size_t dimensions, std::uint64_t seed,
    const std::function<bool()>& cancelled = {});

} // namespace lantern::core
