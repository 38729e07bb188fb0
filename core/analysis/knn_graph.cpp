#include "core/analysis/knn_graph.h"

#include "core/analysis/nearest_set.h"
#include "core/analysis/parallel_tasks.h"

#include <Eigen/Dense>
#include <cmath>

namespace lantern::core {
namespace {

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Query rows per task and reference rows per tile: a tile of distances (64 × 1024 doubles,
// half a megabyte) stays in cache, and one takes about a millisecond, so cancellation is
// noticed quickly.
constexpr std::size_t kQueryBlock = 64;
constexpr std::size_t kReferenceBlock = 1024;

// The rows as doubles; by cosine, scaled to unit length (a zero row stays zero, and so is at
// cosine distance 1 from everything, as nearestNeighbours() has it).
RowMatrix preparedRows(
    std::span<const float> values, std::size_t rows, std::size_t columns, DistanceMetric metric)
{
    using FloatRows = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    RowMatrix points
        = Eigen::Map<const FloatRows>(values.data(), Eigen::Index(rows), Eigen::Index(columns))
              .cast<double>();
    if (metric == DistanceMetric::Cosine)
        for (Eigen::Index r = 0; r < points.rows(); ++r) {
            const double norm = points.row(r).norm();
            if (norm > 0)
                points.row(r) /= norm;
        }
    return points;
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

KnnGraph exactGraph(std::span<const float> values, std::size_t rows, std::size_t columns,
    std::size_t k, DistanceMetric metric, SharedCancellation& cancelled)
{
    const RowMatrix points = preparedRows(values, rows, columns, metric);
    const Eigen::VectorXd squaredNorms = points.rowwise().squaredNorm();
    KnnGraph graph;
    graph.rows = rows;
    graph.k = k;
    graph.indices.resize(rows * k);
    graph.distances.resize(rows * k);

    const std::size_t tasks = (rows + kQueryBlock - 1) / kQueryBlock;
    runParallelTasks(tasks, [&](std::size_t task) {
        const std::size_t first = task * kQueryBlock;
        const std::size_t count = std::min(kQueryBlock, rows - first);
        std::vector<NearestSet> nearest(count, NearestSet(k));
        Eigen::MatrixXd products;
        for (std::size_t start = 0; start < rows; start += kReferenceBlock) {
            if (cancelled())
                return;
            const std::size_t width = std::min(kReferenceBlock, rows - start);
            products.noalias() = points.middleRows(Eigen::Index(first), Eigen::Index(count))
                * points.middleRows(Eigen::Index(start), Eigen::Index(width)).transpose();
            for (std::size_t j = 0; j < width; ++j) {
                const std::size_t other = start + j;
                for (std::size_t i = 0; i < count; ++i) {
                    if (first + i == other)
                        continue;
                    const double product = products(Eigen::Index(i), Eigen::Index(j));
                    double distance = metric == DistanceMetric::Cosine
                        ? 1.0 - product
                        : squaredNorms(Eigen::Index(first + i)) + squaredNorms(Eigen::Index(other))
                            - 2 * product;
                    if (std::isnan(distance))
                        distance = HUGE_VAL;
                    nearest[i].offer(distance, std::uint32_t(other));
                }
            }
        }
        for (std::size_t i = 0; i < count; ++i) {
            const std::size_t row = first + i;
            auto& kept = nearest[i].sorted();
            for (auto& entry : kept)
                entry.distance = exactDistance(values, columns, row, entry.index, metric);
            std::sort(kept.begin(), kept.end());
            for (std::size_t n = 0; n < kept.size(); ++n) {
                graph.indices[row * k + n] = kept[n].index;
                graph.distances[row * k + n] = float(kept[n].distance);
            }
        }
    });
    return graph;
}

} // namespace

KnnGraph nearestNeighbourGraph(std::span<const float> values, std::size_t rows, std::size_t columns,
    std::size_t k, DistanceMetric metric, const std::function<bool()>& cancelled)
{
    if (rows == 0 || values.size() < rows * columns || rows > std::size_t(UINT32_MAX))
        return {};
    SharedCancellation shared(cancelled);
    if (shared())
        return {};
    k = std::min(k, rows - 1);
    KnnGraph graph = exactGraph(values, rows, columns, k, metric, shared);
    if (shared.seen())
        return {};
    return graph;
}

} // namespace lantern::core
