#pragma once
// The Barnes–Hut tree of t-SNE's layout (van der Maaten 2014, section 4.2): a quadtree in 2-D,
// an octree in 3-D, whose cells know how many points they hold and their centre of mass, so
// the repulsion from a far cell is computed once for all its points.
//
// The nodes are stored depth first, each with the index just past its subtree: a walk either
// enters a node (the next one) or skips it, with no stack and in memory order.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace lantern::core {

template <std::size_t D> class SpaceTree {
public:
    // Builds the tree over `points` (row-major, D coordinates each).
    void build(std::span<const double> points);

    // The point indices in tree order: neighbours in space are neighbours here, so walking the
    // points in this order walks similar paths through the tree.
    std::span<const std::uint32_t> order() const { return m_order; }

    // The t-SNE repulsion on point `index` at `point`: adds Σ_j w_j² (y − y_j) to `force` and
    // returns Σ_j w_j, with w_j = 1 / (1 + ‖y − y_j‖²), over every other point j. A cell is
    // summarised by its centre of mass when its width is below theta times its distance.
    double repulsion(std::uint32_t index, const double* point, double theta, double* force) const;

private:
    struct Node {
        double centre[D]; // of mass
        double widthSquared; // of the cell
        std::uint32_t count; // points in the subtree
        std::uint32_t skip; // the node after this subtree
        std::uint32_t first, end; // a leaf's points, positions in m_order; internal: 0, 0
    };

    std::uint32_t buildNode(std::uint32_t first, std::uint32_t end, const double* cellCentre,
        double halfWidth, int depth);

    std::span<const double> m_points; // during build() only
    std::vector<std::uint32_t> m_order;
    std::vector<double> m_sorted; // the points' coordinates in tree order
    std::vector<Node> m_nodes;
};

extern template class SpaceTree<2>;
extern template class SpaceTree<3>;

} // namespace lantern::core
