#pragma once
// Principal component analysis for the projector: the top components of a matrix of points
// (rows) in a high-dimensional space (columns), with the share of the total variance each
// one explains. Small dimensions eigen-decompose the covariance exactly; large ones use a
// randomized subspace iteration (Halko, Martinsson & Tropp 2011), which is plenty for a view.

#include <cstddef>
#include <functional>
#include <span>
#include <vector>

namespace lantern::core {

struct PcaOptions {
    // TensorBoard's "sphereize data": shift the points to their centroid, then scale each to
    // unit length (a zero point stays zero), before the components are found.
    bool sphereize = false;
    // When not empty, only these rows (indices into `values`, each < rows) are analysed, in
    // this order: isolating a selection recomputes its own components. Indices out of range
    // are left out.
    std::span<const std::size_t> rowsSubset;
    // Asked between pieces of the work (blocks of rows): once it says yes, the analysis stops
    // soon and the result is empty, with `cancelled` set. Empty: never cancelled. For up to
    // 2,000 columns the eigen-decomposition of the covariance (columns²) is one piece.
    std::function<bool()> cancelled;
};

struct PcaResult {
    std::size_t rows = 0; // the points analysed
    // Row i of `coordinates` is sourceRows[i] of the input; empty when every row was analysed.
    std::vector<std::size_t> sourceRows;
    std::size_t components = 0;
    std::vector<float> coordinates; // row-major, rows × components
    std::vector<double> varianceRatio; // per component, of the total variance, in [0, 1]
    bool cancelled = false; // stopped by PcaOptions::cancelled: nothing else is set
};

// `values` is row-major, rows × columns. At most min(k, columns, points analysed)
// components; each component's sign is fixed so that its largest loading is positive.
PcaResult principalComponents(std::span<const float> values, std::size_t rows, std::size_t columns,
    std::size_t k, const PcaOptions& options = {});

} // namespace lantern::core
