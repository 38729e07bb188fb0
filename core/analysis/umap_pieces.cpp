#include "core/analysis/umap_pieces.h"

#include "core/analysis/pca.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace lantern::core {
namespace {

constexpr std::size_t kMostPieces = 500;

// The edges within one piece, renumbered from 0 in the order of the piece's points; `firstEdge`
// holds where each point's edges start (they are sorted by head).
FuzzyGraph pieceGraph(const FuzzyGraph& graph, const std::vector<std::size_t>& firstEdge,
    const std::vector<std::uint32_t>& points, const std::vector<std::uint32_t>& localIndex)
{
    FuzzyGraph part {.rows = points.size(), .heads = {}, .tails = {}, .weights = {}};
    for (const std::uint32_t point : points)
        for (std::size_t e = firstEdge[point]; e < firstEdge[point + 1]; ++e) {
            part.heads.push_back(localIndex[graph.heads[e]]);
            part.tails.push_back(localIndex[graph.tails[e]]);
            part.weights.push_back(graph.weights[e]);
        }
    return part;
}

// Where each piece goes: its mean point's first principal components, and how big it may be.
struct Placement {
    std::vector<double> centres; // pieces × dimensions
    std::vector<double> radii;
};

Placement placePieces(const GraphPieces& pieces, std::span<const float> values, std::size_t columns,
    std::size_t dimensions)
{
    std::vector<float> means(pieces.count * columns, 0.f);
    std::vector<double> sizes(pieces.count, 0);
    for (std::size_t r = 0; r < pieces.pieceOf.size(); ++r) {
        const std::size_t p = pieces.pieceOf[r];
        sizes[p] += 1;
        for (std::size_t c = 0; c < columns; ++c)
            means[p * columns + c] += values[r * columns + c];
    }
    for (std::size_t p = 0; p < pieces.count; ++p)
        for (std::size_t c = 0; c < columns; ++c)
            means[p * columns + c] /= float(sizes[p]);
    const PcaResult pca = principalComponents(means, pieces.count, columns, dimensions);

    Placement placement;
    placement.centres.assign(pieces.count * dimensions, 0);
    for (std::size_t p = 0; p < pieces.count; ++p)
        for (std::size_t d = 0; d < pca.components; ++d)
            placement.centres[p * dimensions + d] = pca.coordinates[p * pca.components + d];
    // Half the distance to the nearest other piece, so that pieces do not overlap; pieces
    // whose means coincide share the typical radius.
    placement.radii.assign(pieces.count, 0);
    for (std::size_t p = 0; p < pieces.count; ++p) {
        double nearest = HUGE_VAL;
        for (std::size_t q = 0; q < pieces.count; ++q) {
            if (q == p)
                continue;
            double sum = 0;
            for (std::size_t d = 0; d < dimensions; ++d) {
                const double off
                    = placement.centres[p * dimensions + d] - placement.centres[q * dimensions + d];
                sum += off * off;
            }
            nearest = std::min(nearest, std::sqrt(sum));
        }
        placement.radii[p] = nearest / 2;
    }
    std::vector<double> positive;
    for (const double r : placement.radii)
        if (r > 0 && std::isfinite(r))
            positive.push_back(r);
    const double typical = positive.empty() ? 1.0 : positive[positive.size() / 2];
    for (double& r : placement.radii)
        if (!(r > 0) || !std::isfinite(r))
            r = typical;
    return placement;
}

void scaleAxesToTen(std::vector<float>& coordinates, std::size_t dimensions)
{
    const std::size_t rows = coordinates.size() / dimensions;
    for (std::size_t d = 0; d < dimensions; ++d) {
        float low = HUGE_VALF, high = -HUGE_VALF;
        for (std::size_t r = 0; r < rows; ++r) {
            low = std::min(low, coordinates[r * dimensions + d]);
            high = std::max(high, coordinates[r * dimensions + d]);
        }
        const float scale = high > low ? 10 / (high - low) : 0;
        for (std::size_t r = 0; r < rows; ++r)
            coordinates[r * dimensions + d] = (coordinates[r * dimensions + d] - low) * scale;
    }
}

} // namespace

GraphPieces graphPieces(const FuzzyGraph& graph)
{
    std::vector<std::uint32_t> parent(graph.rows);
    std::iota(parent.begin(), parent.end(), 0u);
    auto root = [&](std::uint32_t x) {
        while (parent[x] != x)
            x = parent[x] = parent[parent[x]];
        return x;
    };
    for (std::size_t e = 0; e < graph.heads.size(); ++e) {
        const auto a = root(graph.heads[e]), b = root(graph.tails[e]);
        if (a != b)
            parent[std::max(a, b)] = std::min(a, b);
    }
    // Every root is the smallest point of its piece, so numbering roots in point order numbers
    // the pieces in order of their first point.
    GraphPieces pieces;
    pieces.pieceOf.resize(graph.rows);
    for (std::uint32_t r = 0; r < graph.rows; ++r) {
        const std::uint32_t top = root(r);
        pieces.pieceOf[r] = top == r ? std::uint32_t(pieces.count++) : pieces.pieceOf[top];
    }
    return pieces;
}

SpectralLayout piecewiseSpectralLayout(const FuzzyGraph& graph, std::span<const float> values,
    std::size_t columns, std::size_t dimensions, std::uint64_t seed,
    const std::function<bool()>& cancelled)
{
    const GraphPieces pieces = graphPieces(graph);
    if (pieces.count <= 1)
        return spectralLayout(graph, dimensions, seed, cancelled);
    // Placing the pieces compares every pair of them; beyond a few hundred pieces the graph
    // says little about the layout anyway.
    if (pieces.count > kMostPieces)
        return {{}, "the neighbour graph falls into " + std::to_string(pieces.count) + " parts"};
    std::vector<std::size_t> firstEdge(graph.rows + 1, 0);
    for (const std::uint32_t head : graph.heads)
        ++firstEdge[head + 1];
    std::partial_sum(firstEdge.begin(), firstEdge.end(), firstEdge.begin());

    std::vector<std::vector<std::uint32_t>> members(pieces.count);
    std::vector<std::uint32_t> localIndex(graph.rows);
    for (std::uint32_t r = 0; r < graph.rows; ++r) {
        localIndex[r] = std::uint32_t(members[pieces.pieceOf[r]].size());
        members[pieces.pieceOf[r]].push_back(r);
    }
    const Placement placement = placePieces(pieces, values, columns, dimensions);
    std::mt19937_64 random(seed);
    std::uniform_real_distribution<float> uniform(0, 10);

    SpectralLayout layout;
    layout.coordinates.resize(graph.rows * dimensions);
    for (std::uint32_t p = 0; p < pieces.count; ++p) {
        if (cancelled && cancelled())
            return {{}, "cancelled"};
        const auto& points = members[p];
        std::vector<float> local;
        if (points.size() >= dimensions + 2) {
            SpectralLayout own = spectralLayout(
                pieceGraph(graph, firstEdge, points, localIndex), dimensions, seed, cancelled);
            if (own.problem == "cancelled")
                return own;
            local = std::move(own.coordinates);
        }
        if (local.empty()) {
            local.resize(points.size() * dimensions);
            for (float& x : local)
                x = uniform(random);
        }
        // From [0, 10] to a ball of the piece's radius about its centre.
        for (std::size_t i = 0; i < points.size(); ++i)
            for (std::size_t d = 0; d < dimensions; ++d)
                layout.coordinates[std::size_t(points[i]) * dimensions + d]
                    = float(placement.centres[p * dimensions + d]
                        + (local[i * dimensions + d] - 5) / 5 * placement.radii[p]);
    }
    scaleAxesToTen(layout.coordinates, dimensions);
    return layout;
}

} // namespace lantern::core
