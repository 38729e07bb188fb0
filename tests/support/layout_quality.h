#pragma once
// How well a low-dimensional layout keeps the structure of the original points, as the
// projector's benchmarks score t-SNE and UMAP: the share of each point's nearest neighbours in
// the layout that carry its label, and trustworthiness (Venna & Kaski 2001), which charges
// every layout neighbour that was not a neighbour in the original space by how far down the
// original ranking it was. Brute force: for test-sized inputs.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <span>
#include <vector>

namespace lantern::tests {

// Indices of all other rows ordered by squared euclidean distance to `row` (ties by index).
inline std::vector<std::size_t> rankedByDistance(
    std::span<const float> values, std::size_t rows, std::size_t columns, std::size_t row)
{
    std::vector<double> distance(rows);
    for (std::size_t j = 0; j < rows; ++j) {
        double sum = 0;
        for (std::size_t c = 0; c < columns; ++c) {
            const double d = double(values[row * columns + c]) - values[j * columns + c];
            sum += d * d;
        }
        distance[j] = sum;
    }
    std::vector<std::size_t> order;
    for (std::size_t j = 0; j < rows; ++j)
        if (j != row)
            order.push_back(j);
    std::stable_sort(order.begin(), order.end(),
        [&](std::size_t a, std::size_t b) { return distance[a] < distance[b]; });
    return order;
}

// The mean share of each point's k nearest layout neighbours that have its label.
inline double neighbourLabelAgreement(std::span<const float> layout, std::size_t rows,
    std::size_t dimensions, std::span<const int> labels, std::size_t k)
{
    double total = 0;
    for (std::size_t i = 0; i < rows; ++i) {
        const auto order = rankedByDistance(layout, rows, dimensions, i);
        std::size_t same = 0;
        for (std::size_t m = 0; m < k && m < order.size(); ++m)
            same += labels[order[m]] == labels[i];
        total += double(same) / double(k);
    }
    return total / double(rows);
}

// Trustworthiness at k: 1 − 2 / (n·k·(2n − 3k − 1)) · Σ_i Σ_{j among i's k layout neighbours
// but not its k original ones} (rank of j among i's original neighbours − k).
inline double trustworthiness(std::span<const float> original, std::size_t columns,
    std::span<const float> layout, std::size_t dimensions, std::size_t rows, std::size_t k)
{
    double penalty = 0;
    std::vector<std::size_t> originalRank(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        const auto originalOrder = rankedByDistance(original, rows, columns, i);
        for (std::size_t r = 0; r < originalOrder.size(); ++r)
            originalRank[originalOrder[r]] = r + 1;
        const auto layoutOrder = rankedByDistance(layout, rows, dimensions, i);
        for (std::size_t m = 0; m < k && m < layoutOrder.size(); ++m) {
            const std::size_t rank = originalRank[layoutOrder[m]];
            if (rank > k)
                penalty += double(rank - k);
        }
    }
    const double n = double(rows), kk = double(k);
    return 1 - 2 / (n * kk * (2 * n - 3 * kk - 1)) * penalty;
}

} // namespace lantern::tests
