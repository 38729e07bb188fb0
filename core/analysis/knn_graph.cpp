#include "core/analysis/knn_graph.h"

#include "core/analysis/knn_forest.h"
#include "core/analysis/nearest_set.h"
#include "core/analysis/parallel_tasks.h"

#include <Eigen/Dense>
#include <cmath>

namespace lantern::core {
namespace {

using RowMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Query rows per task and reference rows per tile: a tile of products (64 × 1024 floats, a
// quarter of a megabyte) stays in cache, and one takes about a millisecond, so cancellation is
// noticed quickly.
constexpr std::size_t kQueryBlock = 64;
constexpr std::size_t kReferenceBlock = 1024;
// The tiles compare in float, whose rounding could swap two neighbours at the edge of the k
// kept: a few more are kept, measured exactly, and the k nearest of those stored.
constexpr std::size_t kSpareNeighbours = 8;

// Rows scaled to unit length for the cosine metric (on the unit sphere, euclidean order is
// cosine order; a zero row stays zero, at cosine distance 1 from everything, as
// nearestNeighbours() has it).
std::vector<float> unitRows(std::span<const float> values, std::size_t rows, std::size_t columns)
{
    std::vector<float> unit(values.begin(), values.begin() + std::ptrdiff_t(rows * columns));
    for (std::size_t r = 0; r < rows; ++r) {
        double norm = 0;
        for (std::size_t c = 0; c < columns; ++c)
            norm += double(unit[r * columns + c]) * unit[r * columns + c];
        if (norm > 0)
            for (std::size_t c = 0; c < columns; ++c)
                unit[r * columns + c] = float(unit[r * columns + c] / std::sqrt(norm));
    }
    return unit;
}

// The distance between two input rows computed directly, as nearestNeighbours() does: the
// tiles' ‖p‖² + ‖q‖² − 2p·q picks the neighbours, but loses digits when points are close.
double exactDistance(std::span<const float> values, std::size_t columns, std::size_t a,
    std::size_t b, DistanceMetric metric)
{
    const float* p = values.data() + a * columns;
    const float* q = values.data() + b * columns;
    double dot = 0, pp = 0, qq = 0, squared = 0;
    for (std::size_t c = 0; c < columns; ++c) {
        dot += double(p[c]) * q[c];
        pp += double(p[c]) * p[c];
        qq += double(q[c]) * q[c];
        squared += (double(p[c]) - q[c]) * (double(p[c]) - q[c]);
    }
    double distance = std::sqrt(squared);
    if (metric == DistanceMetric::Cosine) {
        const double scale = std::sqrt(pp) * std::sqrt(qq);
        distance = scale > 0 ? 1.0 - dot / scale : 1.0;
    }
    return std::isnan(distance) ? HUGE_VAL : distance;
}

// Row `row`'s neighbours, found by an approximate distance, measured exactly and ordered again.
void storeExactly(KnnGraph& graph, std::span<const float> values, std::size_t columns,
    DistanceMetric metric, std::size_t row, std::vector<NearestSet::Entry>& kept)
{
    for (auto& entry : kept)
        entry.distance = exactDistance(values, columns, row, entry.index, metric);
    std::sort(kept.begin(), kept.end());
    for (std::size_t n = 0; n < graph.k; ++n) {
        graph.indices[row * graph.k + n] = kept[n].index;
        graph.distances[row * graph.k + n] = float(kept[n].distance);
    }
}

KnnGraph exactGraph(std::span<const float> values, std::size_t rows, std::size_t columns,
    std::size_t k, DistanceMetric metric, SharedCancellation& cancelled, StageProgress& progress)
{
    const std::vector<float> unit
        = metric == DistanceMetric::Cosine ? unitRows(values, rows, columns) : std::vector<float>();
    const Eigen::Map<const RowMatrix> points(
        unit.empty() ? values.data() : unit.data(), Eigen::Index(rows), Eigen::Index(columns));
    const Eigen::VectorXf squaredNorms = points.rowwise().squaredNorm();
    KnnGraph graph;
    graph.rows = rows;
    graph.k = k;
    graph.indices.resize(rows * k);
    graph.distances.resize(rows * k);
    const std::size_t kept = std::min(rows - 1, k + kSpareNeighbours);

    const std::size_t tasks = (rows + kQueryBlock - 1) / kQueryBlock;
    progress.addUnits(tasks);
    runParallelTasks(tasks, [&](std::size_t task) {
        const std::size_t first = task * kQueryBlock;
        const std::size_t count = std::min(kQueryBlock, rows - first);
        std::vector<NearestSet> nearest(count, NearestSet(kept));
        RowMatrix products;
        for (std::size_t start = 0; start < rows; start += kReferenceBlock) {
            if (cancelled())
                return;
            const std::size_t width = std::min(kReferenceBlock, rows - start);
            products.noalias() = points.middleRows(Eigen::Index(first), Eigen::Index(count))
                * points.middleRows(Eigen::Index(start), Eigen::Index(width)).transpose();
            for (std::size_t i = 0; i < count; ++i) {
                const std::size_t row = first + i;
                const float* product = products.data() + i * width;
                // Ranked by cosine 1 − p·q, or by ‖q‖² − 2p·q: the query's own ‖p‖² is the same
                // for every candidate.
                NearestSet& set = nearest[i];
                double bound = set.bound();
                for (std::size_t j = 0; j < width; ++j) {
                    float distance = metric == DistanceMetric::Cosine
                        ? 1.0f - product[j]
                        : squaredNorms[Eigen::Index(start + j)] - 2 * product[j];
                    if (std::isnan(distance))
                        distance = HUGE_VALF;
                    if (distance <= bound && start + j != row) {
                        set.offer(distance, std::uint32_t(start + j));
                        bound = set.bound();
                    }
                }
            }
        }
        for (std::size_t i = 0; i < count; ++i)
            storeExactly(graph, values, columns, metric, first + i, nearest[i].sorted());
        progress.advance();
    });
    return graph;
}

} // namespace

KnnGraph nearestNeighbourGraph(std::span<const float> values, std::size_t rows, std::size_t columns,
    std::size_t k, DistanceMetric metric, const std::function<bool()>& cancelled,
    StageProgress* progress)
{
    if (rows > kExactNeighbourRows)
        return approximateNeighbourGraph(values, rows, columns, k, metric, cancelled, 1, progress);
    return exactNeighbourGraph(values, rows, columns, k, metric, cancelled, progress);
}

KnnGraph exactNeighbourGraph(std::span<const float> values, std::size_t rows, std::size_t columns,
    std::size_t k, DistanceMetric metric, const std::function<bool()>& cancelled,
    StageProgress* progress)
{
    StageProgress silent;
    if (rows == 0 || values.size() < rows * columns || rows > std::size_t(UINT32_MAX))
        return {};
    SharedCancellation shared(cancelled);
    if (shared())
        return {};
    k = std::min(k, rows - 1);
    KnnGraph graph
        = exactGraph(values, rows, columns, k, metric, shared, progress ? *progress : silent);
    if (shared.seen())
        return {};
    return graph;
}

KnnGraph approximateNeighbourGraph(std::span<const float> values, std::size_t rows,
    std::size_t columns, std::size_t k, DistanceMetric metric,
    const std::function<bool()>& cancelled, std::uint64_t seed, StageProgress* progress)
{
    StageProgress silent;
    StageProgress& told = progress ? *progress : silent;
    if (rows == 0 || values.size() < rows * columns || rows > std::size_t(UINT32_MAX))
        return {};
    SharedCancellation shared(cancelled);
    if (shared())
        return {};
    std::vector<float> unit;
    std::span<const float> points = values.first(rows * columns);
    if (metric == DistanceMetric::Cosine) {
        unit = unitRows(values, rows, columns);
        points = unit;
    }
    const std::size_t tasks = (rows + 1023) / 1024;
    told.addUnits(tasks); // the measuring again below
    KnnGraph graph = forestNeighbourGraph(points, rows, columns, k, seed, shared, told);
    if (shared() || graph.rows != rows)
        return {};
    // The forest measured in float (and by cosine, on the unit sphere): measure again as
    // nearestNeighbours() does, so both graphs give the same distances.
    runParallelTasks(tasks, [&](std::size_t task) {
        std::vector<NearestSet::Entry> kept(graph.k);
        const std::size_t end = std::min(rows, (task + 1) * 1024);
        for (std::size_t row = task * 1024; row < end; ++row) {
            for (std::size_t n = 0; n < graph.k; ++n)
                kept[n] = {0, graph.indices[row * graph.k + n]};
            storeExactly(graph, values, columns, metric, row, kept);
        }
        told.advance();
    });
    return graph;
}

} // namespace lantern::core
