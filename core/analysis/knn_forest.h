#pragma once
// The approximate kNN graph for large embeddings, where comparing every pair would take minutes:
// a forest of random projection trees (Dasgupta & Freund 2008) proposes, for each point, the
// points that share a leaf with it in any tree; then rounds of neighbour descent (Dong, Charikar
// & Li 2011) offer each point its neighbours' neighbours. bench/bench_knn_graph.cpp measures
// its recall and time against the exact graph.

#include "core/analysis/knn_graph.h"
#include "core/analysis/parallel_tasks.h"
#include "core/analysis/stage_progress.h"

#include <cstdint>

namespace lantern::core {

// Euclidean neighbours of the rows of `points` (row-major rows × columns); for cosine, pass unit
// rows and convert the distances (1 − cos = ‖p − q‖² / 2). Deterministic for a seed. Empty when
// cancelled. Advances `progress` (adding its units first) by trees built and rows searched.
KnnGraph forestNeighbourGraph(std::span<const float> points, std::size_t rows, std::size_t columns,
    std::size_t k, std::uint64_t seed, SharedCancellation& cancelled, StageProgress& progress);

} // namespace lantern::core
