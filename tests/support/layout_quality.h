#pragma once
// How well a low-dimensional layout keeps an embedding's structure, as issue 19 measures t-SNE
// and UMAP against their references: the share of each point's k nearest neighbours in the
// layout that have its label, and trustworthiness (Venna & Kaski 2001): how few of the layout's
// k nearest neighbours are far down the list of the original space's.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <span>
#include <vector>

namespace lantern::test {

// Squared euclidean distances from row `i` to every row (row-major rows × columns).
inline std::vector<double> squaredDistancesFrom(
    std::span<const float> values, std::size_t rows, std::size_t columns, std::size_t i)
{
    std::vector<double> out(rows);
    for (std::size_t j = 0; j < rows; ++j) {
        double sum = 0;
        for (std::size_t c = 0; c < columns; ++c) {
            const double d = double(values[i * columns + c]) - values[j * columns + c];
            sum += d * d;
        }
        out[j] = sum;
    }
    return out;
}

// The other rows ordered by distance from row `i` (ties by index).
inline std::vector<std::uint32_t> rankedFrom(
    std::span<const float> values, std::size_t rows, std::size_t columns, std::size_t i)
{
    const auto distances = squaredDistancesFrom(values, rows, columns, i);
    std::vector<std::uint32_t> order(rows);
    std::iota(order.begin(), order.end(), 0u);
    order.erase(order.begin() + std::ptrdiff_t(i));
    std::stable_sort(order.begin(), order.end(),
        [&](std::uint32_t a, std::uint32_t b) { return distances[a] < distances[b]; });
    return order;
}

// The mean share of each point's k nearest neighbours in `layout` with the point's label.
inline double neighbourLabelAgreement(std::span<const float> layout, std::size_t rows,
    std::size_t dimensions, std::span<const int> labels, std::size_t k)
{
    double total = 0;
    for (std::size_t i = 0; i < rows; ++i) {
        const auto order = rankedFrom(layout, rows, dimensions, i);
        std::size_t same = 0;
        for (std::size_t n = 0; n < k; ++n)
            same += labels[order[n]] == labels[i];
        total += double(same) / double(k);
    }
    return total / double(rows);
}

// Trustworthiness at k: 1 − 2 / (n k (2n − 3k − 1)) Σ_i Σ_{j in the layout's k nearest of i
// but not the input's} (rank of j among i's input neighbours − k), ranks from 1.
inline double trustworthiness(std::span<const float> input, std::size_t columns,
    std::span<const float> layout, std::size_t dimensions, std::size_t rows, std::size_t k)
{
    double penalty = 0;
    std::vector<std::size_t> rank(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        const auto inputOrder = rankedFrom(input, rows, columns, i);
        for (std::size_t r = 0; r < inputOrder.size(); ++r)
            rank[inputOrder[r]] = r + 1;
        const auto layoutOrder = rankedFrom(layout, rows, dimensions, i);
        for (std::size_t n = 0; n < k; ++n)
            if (rank[layoutOrder[n]] > k)
                penalty += double(rank[layoutOrder[n]] - k);
    }
    const double n = double(rows), kk = double(k);
    return 1 - 2 / (n * kk * (2 * n - 3 * kk - 1)) * penalty;
}

} // namespace lantern::test
