#pragma once
// UMAP's low-dimensional membership curve 1 / (1 + a·d^(2b)): the smooth stand-in for "fully
// connected closer than min_dist, then falling off exponentially over `spread`" whose a and b
// are fitted once per layout (McInnes et al. 2018, section 4 and appendix C).

namespace lantern::core {

struct UmapCurve {
    double a = 1;
    double b = 1;
};

// Least-squares fit of a and b to the target membership (1 below minDist, exp(−(d − minDist) /
// spread) beyond it) sampled at 300 evenly spaced d on [0, 3·spread]. minDist is clamped to
// [0, spread) and spread to at least 0.01.
UmapCurve fitUmapCurve(double minDist, double spread = 1.0);

} // namespace lantern::core
