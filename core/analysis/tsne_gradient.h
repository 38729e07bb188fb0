#pragma once
// The gradient of t-SNE's cost KL(P‖Q) at a layout (van der Maaten 2014, section 4): the
// attraction along the sparse affinities P, exactly, and the repulsion of every point from
// every other, by Barnes–Hut. The points are split into tasks over both cores; each point's
// sums are its own, so the result does not depend on the thread count.

#include "core/analysis/parallel_tasks.h"
#include "core/analysis/space_tree.h"
#include "core/analysis/tsne_affinities.h"

#include <cstddef>
#include <span>
#include <vector>

namespace lantern::core {

class TsneGradient {
public:
    // The gradient at the layout `y` (rows × dimensions, 2 or 3) into `gradient` (same shape),
    // with P multiplied by `exaggeration`. False, with `gradient` incomplete, when cancelled.
    bool compute(const TsneAffinities& p, double exaggeration, std::span<const double> y,
        std::size_t dimensions, double theta, std::span<double> gradient,
        SharedCancellation& cancelled);

    // KL(P‖Q) at `y`, the normalisation of Q estimated by Barnes–Hut. NaN when cancelled.
    double klDivergence(const TsneAffinities& p, std::span<const double> y, std::size_t dimensions,
        double theta, SharedCancellation& cancelled);

private:
    template <std::size_t D>
    bool computeIn(SpaceTree<D>& tree, const TsneAffinities& p, double exaggeration,
        std::span<const double> y, double theta, std::span<double> gradient,
        SharedCancellation& cancelled);
    template <std::size_t D>
    double normalisation(
        SpaceTree<D>& tree, std::span<const double> y, double theta, SharedCancellation& cancelled);

    SpaceTree<2> m_tree2;
    SpaceTree<3> m_tree3;
    std::vector<double> m_repulsion; // rows × D
    std::vector<double> m_sums; // per point: Σ_j w_ij, summed in index order for Z
};

} // namespace lantern::core
