#include "core/analysis/tsne_affinities.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace lantern::core {
namespace {

constexpr std::size_t kRowsPerTask = 512;
constexpr int kBisectionSteps = 100;
constexpr double kEntropyTolerance = 1e-5;

} // namespace

void conditionalAffinities(
    std::span<const float> distances, double perplexity, std::span<double> probabilities)
{
    const std::size_t k = distances.size();
    if (k == 0)
        return;
    // Distances relative to the nearest: exp() of the nearest is 1, so a narrow Gaussian
    // never underflows to all zeros.
    std::vector<double> squared(k);
    const double nearest = double(distances[0]) * distances[0];
    for (std::size_t j = 0; j < k; ++j)
        squared[j] = std::max(0.0, double(distances[j]) * distances[j] - nearest);
    const double target = std::log(perplexity); // entropy in nats
    double beta = 1, low = 0, high = HUGE_VAL;
    // A first β on the scale of the distances: the bisection then needs few steps whatever
    // units the embedding has.
    const double mean = std::accumulate(squared.begin(), squared.end(), 0.0) / double(k);
    if (mean > 0)
        beta = 1 / mean;
    for (int step = 0; step < kBisectionSteps; ++step) {
        double sum = 0, weighted = 0;
        for (std::size_t j = 0; j < k; ++j) {
            probabilities[j] = std::exp(-beta * squared[j]);
            sum += probabilities[j];
            weighted += squared[j] * probabilities[j];
        }
        const double entropy = std::log(sum) + beta * weighted / sum;
        for (std::size_t j = 0; j < k; ++j)
            probabilities[j] /= sum;
        const double error = entropy - target;
        if (std::abs(error) < kEntropyTolerance)
            break;
        if (error > 0) { // too flat: narrow the Gaussian
            low = beta;
            beta = std::isinf(high) ? beta * 2 : (beta + high) / 2;
        } else {
            high = beta;
            beta = (beta + low) / 2;
        }
    }
}

TsneAffinities tsneAffinities(const KnnGraph& graph, double perplexity,
    SharedCancellation& cancelled, StageProgress* progress)
{
    StageProgress silent;
    StageProgress& told = progress ? *progress : silent;
    const std::size_t rows = graph.rows, k = graph.k;
    // Floats, as P is: at a million points these two arrays are the largest of all.
    std::vector<float> conditional(rows * k);
    const std::size_t tasks = (rows + kRowsPerTask - 1) / kRowsPerTask;
    told.addUnits(2 * tasks); // the bandwidths, then the merging
    runParallelTasks(tasks, [&](std::size_t task) {
        if (cancelled())
            return;
        const std::size_t end = std::min(rows, (task + 1) * kRowsPerTask);
        std::vector<double> row(k);
        for (std::size_t i = task * kRowsPerTask; i < end; ++i) {
            conditionalAffinities(std::span(graph.distances).subspan(i * k, k), perplexity, row);
            std::copy(row.begin(), row.end(), conditional.begin() + std::ptrdiff_t(i * k));
        }
        told.advance();
    });
    if (cancelled())
        return {};

    // Every edge i → j goes into row i and row j; the two halves of a mutual pair are then
    // merged, which sums p_j|i and p_i|j.
    TsneAffinities result;
    result.rows = rows;
    std::vector<std::size_t> fill(rows + 1, 0);
    for (std::size_t i = 0; i < rows; ++i) {
        fill[i + 1] += k;
        for (std::size_t n = 0; n < k; ++n)
            ++fill[graph.indices[i * k + n] + 1];
    }
    std::partial_sum(fill.begin(), fill.end(), fill.begin());
    std::vector<std::pair<std::uint32_t, float>> entries(fill[rows]);
    for (std::size_t i = 0; i < rows; ++i)
        for (std::size_t n = 0; n < k; ++n) {
            const std::uint32_t j = graph.indices[i * k + n];
            const float p = conditional[i * k + n];
            entries[fill[i]++] = {j, p};
            entries[fill[j]++] = {std::uint32_t(i), p};
        }
    std::vector<float>().swap(conditional); // no longer needed: a million points' worth is large
    // fill[i] is now the end of row i, and so the start of row i + 1.
    result.rowStart.assign(rows + 1, 0);
    result.columns.reserve(entries.size());
    result.values.reserve(entries.size());
    const double scale = 1.0 / (2.0 * double(rows));
    std::size_t begin = 0;
    for (std::size_t i = 0; i < rows; ++i) {
        if (i % kRowsPerTask == 0) {
            if (cancelled())
                return {};
            told.advance();
        }
        const auto first = entries.begin() + std::ptrdiff_t(begin);
        const auto last = entries.begin() + std::ptrdiff_t(fill[i]);
        std::sort(first, last);
        for (auto e = first; e != last;) {
            double sum = 0;
            const std::uint32_t column = e->first;
            for (; e != last && e->first == column; ++e)
                sum += e->second;
            result.columns.push_back(column);
            result.values.push_back(float(sum * scale));
        }
        begin = fill[i];
        result.rowStart[i + 1] = result.columns.size();
    }
    return result;
}

void superviseAffinities(
    TsneAffinities& affinities, std::span<const std::int32_t> labels, double strength)
{
    strength = std::clamp(strength, 0.0, 1.0);
    if (strength == 0 || labels.size() < affinities.rows)
        return;
    double total = 0;
    for (std::size_t i = 0; i < affinities.rows; ++i)
        for (std::size_t e = affinities.rowStart[i]; e < affinities.rowStart[i + 1]; ++e) {
            const std::int32_t a = labels[i], b = labels[affinities.columns[e]];
            if (a >= 0 && b >= 0 && a != b)
                affinities.values[e] *= float(1 - strength);
            total += affinities.values[e];
        }
    if (total > 0)
        for (float& value : affinities.values)
            value = float(value / total);
}

} // namespace lantern::core
