#pragma once
// The k nearest neighbours of every point of an embedding at once: the graph t-SNE's
// affinities and UMAP's fuzzy simplicial set are built from.

#include "core/analysis/nearest_neighbours.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace lantern::core {

struct KnnGraph {
    std::size_t rows = 0;
    std::size_t k = 0; // neighbours per row: min(requested k, rows − 1)
    std::vector<std::uint32_t> indices; // rows × k, row-major, nearest first, self excluded
    std::vector<float> distances; // rows × k, same order; euclidean ‖p−q‖, cosine 1 − cos
};

// The k nearest neighbours of every row of the row-major rows × columns `values` (both cores).
// Exact for small inputs; may be approximate (documented recall) for large ones. Ties are
// broken by index and a NaN distance counts as infinite, as in nearestNeighbours().
// `cancelled` is polled often (at least every ~10 ms of work); when it answers true the
// result is empty (rows == 0), as it is when `values` is shorter than rows × columns.
KnnGraph nearestNeighbourGraph(std::span<const float> values, std::size_t rows, std::size_t columns,
    std::size_t k, DistanceMetric metric, const std::function<bool()>& cancelled = {});

} // namespace lantern::core
