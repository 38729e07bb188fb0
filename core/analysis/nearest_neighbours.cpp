#include "core/analysis/nearest_neighbours.h"

#include <algorithm>
#include <cmath>

namespace lantern::core {

std::vector<Neighbour> nearestByCosine(std::span<const float> values, std::size_t rows,
    std::size_t columns, std::size_t query, std::size_t count)
{
    if (query >= rows || values.size() < rows * columns)
        return {};
    const float* q = values.data() + query * columns;
    double queryNorm = 0;
    for (std::size_t c = 0; c < columns; ++c)
        queryNorm += double(q[c]) * q[c];
    queryNorm = std::sqrt(queryNorm);

    std::vector<Neighbour> all;
    all.reserve(rows - 1);
    for (std::size_t r = 0; r < rows; ++r) {
        if (r == query)
            continue;
        const float* p = values.data() + r * columns;
        double dot = 0, norm = 0;
        for (std::size_t c = 0; c < columns; ++c) {
            dot += double(p[c]) * q[c];
            norm += double(p[c]) * p[c];
        }
        const double scale = queryNorm * std::sqrt(norm);
        all.push_back({r, scale > 0 ? 1.0 - dot / scale : 1.0});
    }
    const auto closer = [](const Neighbour& a, const Neighbour& b) {
        return a.distance != b.distance ? a.distance < b.distance : a.index < b.index;
    };
    count = std::min(count, all.size());
    std::partial_sort(all.begin(), all.begin() + std::ptrdiff_t(count), all.end(), closer);
    all.resize(count);
    return all;
}

} // namespace lantern::core
