#include "core/analysis/space_tree.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace lantern::core {
namespace {

// A few points per leaf: cheaper to sum exactly than to split further, and fewer nodes.
constexpr std::uint32_t kLeafPoints = 8;
// Coincident points would split forever; past this depth a cell is a leaf whatever it holds.
constexpr int kMaxTreeDepth = 40;

} // namespace

template <std::size_t D> void SpaceTree<D>::build(std::span<const double> points)
{
    m_points = points;
    const auto rows = std::uint32_t(points.size() / D);
    m_order.resize(rows);
    std::iota(m_order.begin(), m_order.end(), 0u);
    m_nodes.clear();
    if (rows == 0)
        return;
    double low[D], high[D], centre[D];
    for (std::size_t d = 0; d < D; ++d)
        low[d] = high[d] = points[d];
    for (std::size_t i = 0; i < rows; ++i)
        for (std::size_t d = 0; d < D; ++d) {
            low[d] = std::min(low[d], points[i * D + d]);
            high[d] = std::max(high[d], points[i * D + d]);
        }
    double halfWidth = 0;
    for (std::size_t d = 0; d < D; ++d) {
        centre[d] = (low[d] + high[d]) / 2;
        halfWidth = std::max(halfWidth, (high[d] - low[d]) / 2);
    }
    // A little room so that the points on the far edges are inside.
    halfWidth = halfWidth * (1 + 1e-9) + 1e-12;
    m_nodes.reserve(rows);
    buildNode(0, rows, centre, halfWidth, 0);
    m_sorted.resize(points.size());
    for (std::uint32_t p = 0; p < rows; ++p)
        std::copy_n(points.data() + std::size_t(m_order[p]) * D, D, m_sorted.data() + p * D);
}

template <std::size_t D>
std::uint32_t SpaceTree<D>::buildNode(
    std::uint32_t first, std::uint32_t end, const double* cellCentre, double halfWidth, int depth)
{
    const auto index = std::uint32_t(m_nodes.size());
    m_nodes.push_back({});
    Node node {};
    node.widthSquared = 4 * halfWidth * halfWidth;
    node.count = end - first;
    if (end - first <= kLeafPoints || depth >= kMaxTreeDepth) {
        node.first = first;
        node.end = end;
        for (std::uint32_t p = first; p < end; ++p)
            for (std::size_t d = 0; d < D; ++d)
                node.centre[d] += m_points[std::size_t(m_order[p]) * D + d];
        for (std::size_t d = 0; d < D; ++d)
            node.centre[d] /= double(node.count);
    } else {
        // Split the points into the 2^D child cells: halve by the first coordinate, then each
        // half by the second, and so on; bounds[c]..bounds[c + 1] is child c.
        constexpr std::size_t kChildren = std::size_t(1) << D;
        std::uint32_t bounds[kChildren + 1];
        bounds[0] = first;
        bounds[kChildren] = end;
        for (std::size_t d = 0; d < D; ++d) {
            const std::size_t stride = kChildren >> d; // children per range before this split
            for (std::size_t c = 0; c < kChildren; c += stride) {
                const auto begin = m_order.begin() + bounds[c];
                const auto stop = m_order.begin() + bounds[c + stride];
                const auto middle = std::partition(begin, stop, [&](std::uint32_t i) {
                    return m_points[std::size_t(i) * D + (D - 1 - d)] < cellCentre[D - 1 - d];
                });
                bounds[c + stride / 2] = std::uint32_t(middle - m_order.begin());
            }
        }
        // Split d (by coordinate D − 1 − d) decided bit D − 1 − d of the child's number: a
        // set bit is the high side of that coordinate.
        for (std::size_t c = 0; c < kChildren; ++c) {
            if (bounds[c] == bounds[c + 1])
                continue;
            double childCentre[D];
            for (std::size_t d = 0; d < D; ++d) {
                const bool high = (c >> (D - 1 - d)) & 1;
                const std::size_t axis = D - 1 - d;
                childCentre[axis] = cellCentre[axis] + (high ? halfWidth : -halfWidth) / 2;
            }
            const std::uint32_t child
                = buildNode(bounds[c], bounds[c + 1], childCentre, halfWidth / 2, depth + 1);
            for (std::size_t d = 0; d < D; ++d)
                node.centre[d] += m_nodes[child].centre[d] * m_nodes[child].count;
        }
        for (std::size_t d = 0; d < D; ++d)
            node.centre[d] /= double(node.count);
    }
    node.skip = std::uint32_t(m_nodes.size());
    m_nodes[index] = node;
    return index;
}

template <std::size_t D>
double SpaceTree<D>::repulsion(
    std::uint32_t index, const double* point, double theta, double* force) const
{
    const double thetaSquared = theta * theta;
    const auto nodes = std::uint32_t(m_nodes.size());
    // Summed in registers and written once: through the pointer, every addition would wait
    // for the store of the one before (the compiler cannot rule out aliasing).
    double sum = 0, total[D] {};
    std::uint32_t n = 0;
    while (n < nodes) {
        const Node& node = m_nodes[n];
        double diff[D], distanceSquared = 0;
        for (std::size_t d = 0; d < D; ++d) {
            diff[d] = point[d] - node.centre[d];
            distanceSquared += diff[d] * diff[d];
        }
        if (node.widthSquared < thetaSquared * distanceSquared) {
            const double w = 1 / (1 + distanceSquared);
            const double count = node.count;
            sum += count * w;
            for (std::size_t d = 0; d < D; ++d)
                total[d] += count * w * w * diff[d];
            n = node.skip;
        } else if (node.end > node.first) {
            for (std::uint32_t p = node.first; p < node.end; ++p) {
                if (m_order[p] == index)
                    continue;
                const double* other = m_sorted.data() + std::size_t(p) * D;
                double pointDiff[D], squared = 0;
                for (std::size_t d = 0; d < D; ++d) {
                    pointDiff[d] = point[d] - other[d];
                    squared += pointDiff[d] * pointDiff[d];
                }
                const double w = 1 / (1 + squared);
                sum += w;
                for (std::size_t d = 0; d < D; ++d)
                    total[d] += w * w * pointDiff[d];
            }
            n = node.skip;
        } else {
            ++n;
        }
    }
    for (std::size_t d = 0; d < D; ++d)
        force[d] += total[d];
    return sum;
}

template class SpaceTree<2>;
template class SpaceTree<3>;

} // namespace lantern::core
