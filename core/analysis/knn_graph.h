#pragma once
// The k nearest neighbours of every point of an embedding at once: the graph t-SNE's
// affinities and UMAP's fuzzy simplicial set are built from.

#include "core/analysis/nearest_neighbours.h"
#include "core/analysis/stage_progress.h"

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
// Exact for small inputs; may be approximate (documented recall) for large ones: up to
// kExactNeighbourRows rows every pair is compared, above that approximateNeighbourGraph() runs.
// Ties are broken by index and a NaN distance counts as infinite, as in nearestNeighbours().
// `cancelled` is polled often (at least every ~10 ms of work); when it answers true the
// result is empty (rows == 0), as it is when `values` is shorter than rows × columns.
// `progress`, when given, is advanced through the stage the caller began (units: tasks).
KnnGraph nearestNeighbourGraph(std::span<const float> values, std::size_t rows, std::size_t columns,
    std::size_t k, DistanceMetric metric, const std::function<bool()>& cancelled = {},
    StageProgress* progress = nullptr);

// Added to the shared contract: the two ways nearestNeighbourGraph() chooses between.
// Comparing every pair grows with rows²: 20,000 × 50 takes 3 s of processor time, 100,000
// some 75 s; the approximate graph grows with rows (bench/bench_knn_graph.cpp).
inline constexpr std::size_t kExactNeighbourRows = 100000;
// Every pair compared, in tiles of a matrix product.
KnnGraph exactNeighbourGraph(std::span<const float> values, std::size_t rows, std::size_t columns,
    std::size_t k, DistanceMetric metric, const std::function<bool()>& cancelled = {},
    StageProgress* progress = nullptr);
// Random projection trees and neighbour descent (core/analysis/knn_forest.h): on issue 19's
// 50-D Gaussian clusters (a hard case: the noise fills all 50 dimensions) it finds 0.92 of the
// exact 90 nearest at 10,000 points (bench/bench_knn_graph.cpp). The same for a seed; the
// distances of the neighbours found are exact.
KnnGraph approximateNeighbourGraph(std::span<const float> values, std::size_t rows,
    std::size_t columns, std::size_t k, DistanceMetric metric,
    const std::function<bool()>& cancelled = {}, std::uint64_t seed = 1,
    StageProgress* progress = nullptr);

} // namespace lantern::core
