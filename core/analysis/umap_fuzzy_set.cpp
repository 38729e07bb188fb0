#include "core/analysis/umap_fuzzy_set.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <span>

namespace lantern::core {
namespace {

constexpr int kSigmaSearchSteps = 64;
constexpr double kTolerance = 1e-5;
constexpr double kMinimumScaleShare = 1e-3;

double membershipSum(std::span<const float> distances, double rho, double sigma)
{
    double sum = 0;
    for (const float d : distances)
        sum += std::exp(-std::max(0.0, double(d) - rho) / sigma);
    return sum;
}

// σ for one point: bisection on a sum that grows with σ, doubling the upper end until the
// target is bracketed.
double scaleFor(std::span<const float> distances, double rho, double target)
{
    double low = 0, high = std::numeric_limits<double>::infinity(), sigma = 1;
    for (int step = 0; step < kSigmaSearchSteps; ++step) {
        const double sum = membershipSum(distances, rho, sigma);
        if (std::abs(sum - target) < kTolerance)
            break;
        if (sum > target) {
            high = sigma;
            sigma = (low + high) / 2;
        } else {
            low = sigma;
            sigma = std::isinf(high) ? sigma * 2 : (low + high) / 2;
        }
    }
    return sigma;
}

} // namespace

FuzzyGraph fuzzySimplicialSet(const KnnGraph& knn, const std::function<bool()>& cancelled)
{
    const std::size_t rows = knn.rows, k = knn.k;
    if (rows == 0 || k == 0 || knn.indices.size() < rows * k || knn.distances.size() < rows * k)
        return {.rows = rows, .heads = {}, .tails = {}, .weights = {}};

    double meanDistance = 0;
    for (std::size_t i = 0; i < rows * k; ++i)
        meanDistance += knn.distances[i];
    meanDistance /= double(rows * k);

    // Directed memberships, each row's entries re-sorted by neighbour index so that the
    // reverse edge can be found by binary search.
    const double target = std::log2(double(k));
    std::vector<std::pair<std::uint32_t, float>> directed(rows * k);
    for (std::size_t row = 0; row < rows; ++row) {
        if (row % 1024 == 0 && cancelled && cancelled())
            return {};
        const std::span<const float> distances(&knn.distances[row * k], k);
        double rho = 0;
        for (const float d : distances)
            if (d > 0) {
                rho = d; // nearest first: the first positive distance is the smallest
                break;
            }
        const double rowMean = std::accumulate(distances.begin(), distances.end(), 0.0) / double(k);
        const double floor = kMinimumScaleShare * (rho > 0 ? rowMean : meanDistance);
        const double sigma = std::max(scaleFor(distances, rho, target), floor);
        auto* out = &directed[row * k];
        for (std::size_t j = 0; j < k; ++j) {
            const double excess = std::max(0.0, double(distances[j]) - rho);
            out[j] = {knn.indices[row * k + j],
                float(sigma > 0 ? std::exp(-excess / sigma) : (excess > 0 ? 0.0 : 1.0))};
        }
        std::sort(out, out + k);
    }

    auto reverseWeight = [&](std::uint32_t from, std::uint32_t to) -> float {
        const auto* begin = &directed[std::size_t(from) * k];
        const auto* found
            = std::lower_bound(begin, begin + k, std::pair<std::uint32_t, float>(to, -1.f));
        return found != begin + k && found->first == to ? found->second : 0.f;
    };

    // The union: an edge known from both ends is emitted once from each; one known from one
    // end only is emitted from both ends at once. Counting sort by head keeps the rows grouped.
    std::vector<std::uint32_t> heads, tails;
    std::vector<float> weights;
    heads.reserve(rows * k * 2);
    tails.reserve(rows * k * 2);
    weights.reserve(rows * k * 2);
    for (std::size_t row = 0; row < rows; ++row) {
        if (row % 1024 == 0 && cancelled && cancelled())
            return {};
        for (std::size_t j = 0; j < k; ++j) {
            const auto [tail, weight] = directed[row * k + j];
            if (tail == row || tail >= rows || weight <= 0)
                continue; // an underflowed membership counts as no edge at all
            const float back = reverseWeight(tail, std::uint32_t(row));
            const float joined = weight + back - weight * back;
            if (joined <= 0)
                continue;
            heads.push_back(std::uint32_t(row));
            tails.push_back(tail);
            weights.push_back(joined);
            if (back == 0) {
                heads.push_back(tail);
                tails.push_back(std::uint32_t(row));
                weights.push_back(joined);
            }
        }
    }

    FuzzyGraph graph {.rows = rows, .heads = {}, .tails = {}, .weights = {}};
    std::vector<std::size_t> start(rows + 1, 0);
    for (const std::uint32_t head : heads)
        ++start[head + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    graph.heads.resize(heads.size());
    graph.tails.resize(heads.size());
    graph.weights.resize(heads.size());
    for (std::size_t e = 0; e < heads.size(); ++e) {
        const std::size_t at = start[heads[e]]++;
        graph.heads[at] = heads[e];
        graph.tails[at] = tails[e];
        graph.weights[at] = weights[e];
    }
    return graph;
}

} // namespace lantern::core
