#include "core/analysis/nearest_neighbours.h"

#include <algorithm>
#include <cmath>

namespace lantern::core {
namespace {

// The distance of one row from the query, summed in four independent lanes: the additions of
// one lane wait on each other, four lanes keep the floating-point unit busy (the compiler may
// not reorder them itself).
template <DistanceMetric metric>
double distanceTo(const float* point, const float* query, std::size_t columns, double queryNorm)
{
    double first[4] {}, second[4] {}; // cosine: p·q and ‖p‖²; euclidean: ‖p − q‖²
    const auto add = [&](std::size_t lane, double p, double q) {
        if constexpr (metric == DistanceMetric::Cosine) {
            first[lane] += p * q;
            second[lane] += p * p;
        } else {
            first[lane] += (p - q) * (p - q);
        }
    };
    std::size_t c = 0;
    for (; c + 4 <= columns; c += 4)
        for (std::size_t lane = 0; lane < 4; ++lane)
            add(lane, point[c + lane], query[c + lane]);
    for (; c < columns; ++c)
        add(0, point[c], query[c]);
    const double a = first[0] + first[1] + first[2] + first[3];
    if constexpr (metric == DistanceMetric::Euclidean)
        return std::sqrt(a);
    const double scale = queryNorm * std::sqrt(second[0] + second[1] + second[2] + second[3]);
    return scale > 0 ? 1.0 - a / scale : 1.0;
}

template <DistanceMetric metric>
void distancesFrom(std::span<const float> values, std::size_t rows, std::size_t columns,
    std::size_t query, std::vector<Neighbour>& out)
{
    const float* q = values.data() + query * columns;
    double queryNorm = 0;
    for (std::size_t c = 0; c < columns; ++c)
        queryNorm += double(q[c]) * q[c];
    queryNorm = std::sqrt(queryNorm);
    for (std::size_t r = 0; r < rows; ++r) {
        if (r == query)
            continue;
        const double distance
            = distanceTo<metric>(values.data() + r * columns, q, columns, queryNorm);
        // A NaN in the data sorts last: it would break the ordering the selection relies on.
        out.push_back({r, std::isnan(distance) ? HUGE_VAL : distance});
    }
}

} // namespace

std::vector<Neighbour> nearestNeighbours(std::span<const float> values, std::size_t rows,
    std::size_t columns, std::size_t query, std::size_t count, DistanceMetric metric)
{
    if (query >= rows || columns == 0 || values.size() / columns < rows || count == 0)
        return {};
    std::vector<Neighbour> all;
    all.reserve(rows - 1);
    if (metric == DistanceMetric::Cosine)
        distancesFrom<DistanceMetric::Cosine>(values, rows, columns, query, all);
    else
        distancesFrom<DistanceMetric::Euclidean>(values, rows, columns, query, all);
    const auto closer = [](const Neighbour& a, const Neighbour& b) {
        return a.distance != b.distance ? a.distance < b.distance : a.index < b.index;
    };
    // Select the nearest without ordering the rest, then order just those.
    count = std::min(count, all.size());
    if (count == 0)
        return {};
    const auto end = all.begin() + std::ptrdiff_t(count);
    std::nth_element(all.begin(), end - 1, all.end(), closer);
    std::sort(all.begin(), end, closer);
    all.resize(count);
    return all;
}

} // namespace lantern::core
