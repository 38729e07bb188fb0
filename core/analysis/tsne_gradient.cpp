#include "core/analysis/tsne_gradient.h"

#include <algorithm>
#include <cmath>

namespace lantern::core {
namespace {

// Points per task: a few milliseconds of tree walks, so cancellation is seen quickly and the
// last task does not keep one core waiting long.
constexpr std::size_t kPointsPerTask = 256;

std::size_t taskCount(std::size_t rows)
{
    return (rows + kPointsPerTask - 1) / kPointsPerTask;
}

} // namespace

template <std::size_t D>
bool TsneGradient::computeIn(SpaceTree<D>& tree, const TsneAffinities& p, double exaggeration,
    std::span<const double> y, double theta, std::span<double> gradient,
    SharedCancellation& cancelled)
{
    const std::size_t rows = p.rows;
    tree.build(y);
    m_repulsion.assign(rows * D, 0.0);
    m_sums.assign(rows, 0.0);
    const auto order = tree.order();
    runParallelTasks(taskCount(rows), [&](std::size_t task) {
        if (cancelled())
            return;
        const std::size_t end = std::min(rows, (task + 1) * kPointsPerTask);
        // The attraction row by row, reading P in memory order; the repulsion in tree order,
        // so consecutive walks share their path through the tree.
        for (std::size_t i = task * kPointsPerTask; i < end; ++i) {
            const double* yi = y.data() + i * D;
            double attraction[D] {};
            for (std::size_t e = p.rowStart[i]; e < p.rowStart[i + 1]; ++e) {
                const double* yj = y.data() + std::size_t(p.columns[e]) * D;
                double diff[D], squared = 0;
                for (std::size_t d = 0; d < D; ++d) {
                    diff[d] = yi[d] - yj[d];
                    squared += diff[d] * diff[d];
                }
                const double strength = p.values[e] / (1 + squared);
                for (std::size_t d = 0; d < D; ++d)
                    attraction[d] += strength * diff[d];
            }
            for (std::size_t d = 0; d < D; ++d)
                gradient[i * D + d] = exaggeration * attraction[d];
        }
        for (std::size_t position = task * kPointsPerTask; position < end; ++position) {
            const std::uint32_t i = order[position];
            m_sums[i] = tree.repulsion(
                i, y.data() + std::size_t(i) * D, theta, m_repulsion.data() + std::size_t(i) * D);
        }
    });
    if (cancelled())
        return false;
    double z = 0;
    for (const double sum : m_sums)
        z += sum;
    const double inverseZ = z > 0 ? 1 / z : 0;
    for (std::size_t k = 0; k < rows * D; ++k)
        gradient[k] = 4 * (gradient[k] - m_repulsion[k] * inverseZ);
    return true;
}

bool TsneGradient::compute(const TsneAffinities& p, double exaggeration, std::span<const double> y,
    std::size_t dimensions, double theta, std::span<double> gradient, SharedCancellation& cancelled)
{
    if (dimensions == 3)
        return computeIn(m_tree3, p, exaggeration, y, theta, gradient, cancelled);
    return computeIn(m_tree2, p, exaggeration, y, theta, gradient, cancelled);
}

template <std::size_t D>
double TsneGradient::normalisation(
    SpaceTree<D>& tree, std::span<const double> y, double theta, SharedCancellation& cancelled)
{
    const std::size_t rows = y.size() / D;
    tree.build(y);
    m_sums.assign(rows, 0.0);
    const auto order = tree.order();
    runParallelTasks(taskCount(rows), [&](std::size_t task) {
        if (cancelled())
            return;
        const std::size_t end = std::min(rows, (task + 1) * kPointsPerTask);
        double ignored[D] {};
        // In tree order, as the gradient's walks: neighbours in the tree share their path.
        for (std::size_t position = task * kPointsPerTask; position < end; ++position) {
            const std::uint32_t i = order[position];
            m_sums[i] = tree.repulsion(i, y.data() + std::size_t(i) * D, theta, ignored);
        }
    });
    double z = 0;
    for (const double sum : m_sums)
        z += sum;
    return z;
}

double TsneGradient::klDivergence(const TsneAffinities& p, std::span<const double> y,
    std::size_t dimensions, double theta, SharedCancellation& cancelled)
{
    const double z = dimensions == 3 ? normalisation(m_tree3, y, theta, cancelled)
                                     : normalisation(m_tree2, y, theta, cancelled);
    if (cancelled())
        return NAN;
    if (!(z > 0))
        return 0;
    // Σ p log(p / q) with q = w / Z: Σ p log p − Σ p log w + log Z (Σ p = 1).
    const double logZ = std::log(z);
    double divergence = 0;
    for (std::size_t i = 0; i < p.rows; ++i) {
        if (i % 4096 == 0 && cancelled())
            return NAN;
        for (std::size_t e = p.rowStart[i]; e < p.rowStart[i + 1]; ++e) {
            const double pij = p.values[e];
            if (pij <= 0)
                continue;
            double squared = 0;
            for (std::size_t d = 0; d < dimensions; ++d) {
                const double diff = y[i * dimensions + d] - y[p.columns[e] * dimensions + d];
                squared += diff * diff;
            }
            divergence += pij * (std::log(pij) + std::log1p(squared) + logZ);
        }
    }
    return divergence;
}

} // namespace lantern::core
