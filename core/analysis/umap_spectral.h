#pragma once
// UMAP's spectral initialisation (McInnes et al. 2018, section 4.2, after Belkin & Niyogi's
// Laplacian eigenmaps): the starting layout is given by the eigenvectors of the graph's
// normalised Laplacian I − D^(−1/2) W D^(−1/2) with the smallest non-zero eigenvalues, found
// by LOBPCG (Knyazev 2001) on the sparse matrix so that large graphs stay affordable.

#include "core/analysis/umap_fuzzy_set.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace lantern::core {

struct SpectralLayout {
    std::vector<float>
        coordinates; // rows × dimensions, each axis scaled to [0, 10]; empty on failure
    std::string problem; // why there are no coordinates ("cancelled" when cancelled)
};

// For a connected graph (piecewiseSpectralLayout() handles the others). Fails, saying why,
// when the graph falls apart into disconnected pieces (each piece then has
// its own zero eigenvalue and the eigenvectors say only which piece a point is in), when it
// has too few points, or when the iteration produces no finite vectors.
SpectralLayout spectralLayout(const FuzzyGraph& graph, std::size_t dimensions, std::uint64_t seed,
    const std::function<bool()>& cancelled = {});

} // namespace lantern::core
