#pragma once
// t-SNE's input similarities (van der Maaten 2014, section 3): each point's neighbours from the
// kNN graph weighted by a Gaussian whose width is searched for so that the distribution has
// the asked perplexity, then symmetrised into one sparse joint distribution P.

#include "core/analysis/knn_graph.h"
#include "core/analysis/parallel_tasks.h"
#include "core/analysis/stage_progress.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace lantern::core {

// Symmetric and sparse, in compressed rows: row i's entries are columns[rowStart[i] ..
// rowStart[i + 1]) (ascending) with their values; all the values sum to 1.
struct TsneAffinities {
    std::size_t rows = 0;
    std::vector<std::size_t> rowStart; // rows + 1
    std::vector<std::uint32_t> columns;
    std::vector<float> values; // float: P is the largest structure, and float is precise enough
};

// Row i's conditional distribution over its graph neighbours, p_j|i ∝ exp(−β_i d_ij²), with β_i
// found by bisection so that its perplexity (2 to the Shannon entropy in bits) is `perplexity`
// (as near as the neighbours allow: k equal distances cannot go below perplexity k).
void conditionalAffinities(
    std::span<const float> distances, double perplexity, std::span<double> probabilities);

// P = (P_cond + P_condᵀ) / 2N from the graph. Empty when cancelled. Advances `progress`, when
// given, through the stage the caller began.
TsneAffinities tsneAffinities(const KnnGraph& graph, double perplexity,
    SharedCancellation& cancelled, StageProgress* progress = nullptr);

// Supervision as TensorBoard's "supervise" slider: the affinity between two labelled points of
// different labels is weakened by the factor (1 − strength), then P is normalised again; a
// label below 0 means none. Does nothing when strength is 0 or the labels do not cover the rows.
void superviseAffinities(
    TsneAffinities& affinities, std::span<const std::int32_t> labels, double strength);

} // namespace lantern::core
